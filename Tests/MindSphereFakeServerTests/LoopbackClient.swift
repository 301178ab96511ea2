import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small URLSession wrapper for loopback tests.
struct LoopbackClient {
    let baseURL: String

    /// Sends a request and returns status, headers and body text.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws
        -> (status: Int, headers: [String: String], body: String) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }

    /// A token for the default app credential.
    func token() async throws -> String {
        let key = "Basic " + Data("iiotuxpc-testdm-v1.0.0:fake-secret-for-local-use".utf8).base64EncodedString()
        let body = #"{"grant_type":"client_credentials","appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#
        let response = try await send("POST", "/api/technicaltokenmanager/v3/oauth/token",
                                      headers: ["X-SPACE-AUTH-KEY": key, "Content-Type": "application/json"], body: body)
        guard response.status == 200,
              let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any],
              let token = json["access_token"] as? String
        else { throw URLError(.badServerResponse) }
        return token
    }
}
