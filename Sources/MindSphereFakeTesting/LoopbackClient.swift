import Foundation
public import MindSphereFake

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP client for a fake on this machine (`withRunningFake`'s base URL), over URLSession: enough to take a
/// token and send a request in a test, not a MindSphere client.
public struct LoopbackClient: Sendable {
    /// The fake's base URL, e.g. `http://127.0.0.1:41234`.
    public let baseURL: String

    /// A client for the fake at `baseURL`.
    public init(baseURL: String) { self.baseURL = baseURL }

    /// An answer: status code, header fields by lower-cased name, body as text.
    public typealias Response = (status: Int, headers: [String: String], body: String)

    /// Sends a request and returns status, headers and body text.
    /// - Throws: `URLError` when the URL is malformed or the fake cannot be reached.
    public func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> Response {
        guard let url = URL(string: baseURL + path) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return (http.statusCode, fields, String(decoding: data, as: UTF8.self))
    }

    /// A token for `credential` (the default one unless told) from the fake's Technical Token Manager.
    /// - Throws: `FakeTestingError` when the fake refuses, `URLError` when it cannot be reached.
    public func token(for credential: AppCredential = .fakeDefault) async throws -> String {
        let response = try await send(
            "POST", FakeRequest.tokenPath,
            headers: ["X-SPACE-AUTH-KEY": credential.spaceAuthKey(), "Content-Type": "application/json"],
            body: credential.tokenRequestBody())
        guard response.status == 200,
            let token = (try? JSONParser.parse(Array(response.body.utf8)))?["access_token"]?.stringValue
        else { throw FakeTestingError("token request failed: \(response.status) \(response.body)") }
        return token
    }
}
