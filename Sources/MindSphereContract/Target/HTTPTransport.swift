import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import MindSphereFake
import HTTPTypes

/// Sends `FakeRequest` values over HTTP(S) with URLSession and turns the answers back into `FakeResponse` values.
///
/// HTTPS uses the system's trust store. A private CA (for a fake served over TLS with a self-signed certificate) is
/// trusted through `TLSTrust`; see its notes for what each platform allows.
public final class HTTPTransport: Sendable {
    /// The base URL requests go to, e.g. `https://gateway.eu1.mindsphere.io` (no trailing slash).
    public let baseURL: String
    private let session: URLSession
    private let challenges: ChallengeDelegate

    /// A transport to `baseURL`.
    /// - Throws: `ContractTransportError` when the URL is not http(s) or the trust settings cannot be applied.
    public init(baseURL: String, trust: TLSTrust = .system, timeoutSeconds: Double = 60) throws {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw ContractTransportError("'\(baseURL)' is not an http:// or https:// URL")
        }
        self.baseURL = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.challenges = ChallengeDelegate(trust: try trust.anchors())
        self.session = URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
    }

    /// Sends `request` to `baseURL` + its target.
    /// - Throws: `ContractTransportError` when no response arrives.
    public func send(_ request: FakeRequest) async throws -> FakeResponse {
        guard let url = URL(string: baseURL + request.target) else {
            throw ContractTransportError("cannot build a URL from \(baseURL) and \(request.target)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headerFields where field.name.canonicalName != "host" && field.name != .contentLength {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        let data: Data, response: URLResponse
        var withheld = false
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch {
            // URLSession on Linux cannot hand over a 401 that carries a Basic challenge; the delegate cancels the
            // challenge and keeps the response head, which is answered here (without its body).
            guard let refused = challenges.takeRefusedResponse(for: url) else {
                throw ContractTransportError("\(request.method.rawValue) \(url.path): \(error.localizedDescription)")
            }
            (data, response) = (Data(), refused)
            withheld = true
        }
        guard let http = response as? HTTPURLResponse else {
            throw ContractTransportError("\(request.method.rawValue) \(url.path): not an HTTP response")
        }
        var fields = HTTPFields()
        for (key, value) in http.allHeaderFields {
            guard let name = (key as? String).flatMap({ HTTPField.Name($0) }), let text = value as? String else { continue }
            if name == .contentLength || name == .connection || name == .date { continue }
            fields[name] = text
        }
        if withheld { fields[Self.bodyWithheldField] = "URLSession withholds the body of a 401 with a Basic challenge" }
        return FakeResponse(status: HTTPResponse.Status(code: http.statusCode), headerFields: fields, body: Array(data))
    }

    /// Marks a response whose body the platform's URLSession did not hand over (a 401 with a Basic challenge on Linux).
    public static let bodyWithheldField = HTTPField.Name("X-Contract-Body-Withheld")!

    /// Whether `response` lacks its body because the transport withheld it.
    public static func bodyWithheld(_ response: FakeResponse) -> Bool {
        response.headerFields[bodyWithheldField] != nil
    }
}
