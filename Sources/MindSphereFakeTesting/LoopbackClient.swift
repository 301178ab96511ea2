import AsyncHTTPClient
public import MindSphereFake
import NIOCore
import NIOHTTP1

/// A small HTTP client for a fake on this machine (`withRunningFake`'s base URL), over AsyncHTTPClient (the HTTP
/// stack the contract kit uses too): enough to take a token and send a request in a test, not a MindSphere client.
public struct LoopbackClient: Sendable {
    /// The fake's base URL, e.g. `http://127.0.0.1:41234`.
    public let baseURL: String

    /// A client for the fake at `baseURL`.
    public init(baseURL: String) { self.baseURL = baseURL }

    /// An answer: status code, header fields by lower-cased name (repeated fields joined with `, `), body as text.
    public typealias Response = (status: Int, headers: [String: String], body: String)

    /// The most bytes of an answer's body the client reads.
    private static let maximumBodyBytes = 64 << 20

    /// One client for the whole process (never shut down, so no test has to). A refused connection is reported at
    /// once instead of being retried until the deadline: tests check that a stopped fake no longer answers.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends a request and returns status, headers and body text.
    /// - Throws: `HTTPClientError` when the URL is malformed, the fake cannot be reached or does not answer in a minute.
    public func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> Response {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(string: body))
        } else if ["POST", "PUT", "PATCH"].contains(method) {
            // Framed as empty, as browsers and URLSession send it; without it the request would have no length.
            request.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        let response = try await Self.client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: Self.maximumBodyBytes)
        var fields: [String: String] = [:]
        for (name, value) in response.headers {
            let key = name.lowercased()
            fields[key] = fields[key].map { "\($0), \(value)" } ?? value
        }
        return (Int(response.status.code), fields, String(buffer: bytes))
    }

    /// A token for `credential` (the default one unless told) from the fake's Technical Token Manager.
    /// - Throws: `FakeTestingError` when the fake refuses, `HTTPClientError` when it cannot be reached.
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
