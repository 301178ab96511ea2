import AsyncHTTPClient
import Foundation
import HTTPTypes
public import MindSphereFake
import NIOCore
import NIOHTTP1
import NIOSSL

/// Sends `FakeRequest` values over HTTP(S) with AsyncHTTPClient and turns the answers back into `FakeResponse` values.
///
/// Every response reaches the kit as the server sent it: redirects are not followed, 401 challenges are not
/// answered, bodies are not decompressed. HTTPS trusts the system store, plus a given certificate (`TLSTrust`).
public struct HTTPTransport: Sendable {
    /// The base URL requests go to, e.g. `https://gateway.eu1.mindsphere.io` (no trailing slash).
    public let baseURL: String
    /// Seconds one request may take, from sending to the last body byte.
    public let timeoutSeconds: Double
    /// Sent as `X-Fake-Control-Token` with every `/_fake/` request, for a fake started with `--control-token`.
    public let controlToken: String?
    private let client: HTTPClient

    /// The most bytes of a response body the kit reads.
    static let maximumBodyBytes = 64 << 20

    /// A transport to `baseURL`.
    /// - Throws: `ContractTransportError` when the URL is not http(s) or the trust settings cannot be applied.
    public init(baseURL: String, trust: TLSTrust = .system, timeoutSeconds: Double = 60, controlToken: String? = nil) throws {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil, url.query == nil, url.fragment == nil
        else {
            throw ContractTransportError("'\(baseURL)' is not an http:// or https:// URL")
        }
        self.baseURL = base
        self.timeoutSeconds = timeoutSeconds
        self.controlToken = controlToken
        self.client = try SharedHTTPClients.client(for: trust)
    }

    /// Sends `request` to `baseURL` + its target.
    /// - Throws: `ContractTransportError` when no complete response arrives in time.
    public func send(_ request: FakeRequest) async throws -> FakeResponse {
        var outgoing = HTTPClientRequest(url: baseURL + request.target)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields where field.name.canonicalName != "host" && field.name != .contentLength {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let controlToken, request.target.hasPrefix(ControlAPI.prefix) {
            outgoing.headers.replaceOrAdd(name: ControlPlaneGuard.tokenHeader.rawName, value: controlToken)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        } else if [.post, .put, .patch].contains(request.method) {
            outgoing.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        let timeout = TimeAmount.milliseconds(Int64(timeoutSeconds * 1000))
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            var fields = HTTPFields()
            for (name, value) in response.headers {
                guard let fieldName = HTTPField.Name(name) else { continue }
                if fieldName == .contentLength || fieldName == .connection || fieldName == .date || fieldName == .transferEncoding {
                    continue
                }
                fields.append(HTTPField(name: fieldName, value: value))
            }
            return FakeResponse(
                status: HTTPResponse.Status(code: Int(response.status.code)), headerFields: fields,
                body: Array(buffer: body))
        } catch {
            throw ContractTransportError("\(request.method.rawValue) \(baseURL)\(request.path): \(Self.describe(error))")
        }
    }

    /// A short reason for a transport failure.
    private static func describe(_ error: any Error) -> String {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout: return "no complete answer in time"
            case .connectTimeout: return "could not connect in time"
            default: return "\(clientError)"
            }
        }
        if let tlsError = error as? NIOSSLError, case .handshakeFailed = tlsError {
            if "\(tlsError)".contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's TLS certificate is not trusted (trust its CA with --ca-cert FILE or MDSP_CONTRACT_CA_CERT)"
            }
            return "TLS handshake failed: \(tlsError)"
        }
        return "\(error)"
    }
}
