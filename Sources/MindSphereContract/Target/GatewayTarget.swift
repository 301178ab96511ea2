import Foundation
import HTTPTypes
public import MindSphereFake

/// A real MindSphere gateway (e.g. `https://gateway.eu1.mindsphere.io`), reached with an app's credentials.
/// Requests are paced, and a 429 is retried with backoff (honouring `Retry-After`).
public struct GatewayTarget: ContractTarget {
    /// The transport to the gateway.
    public let transport: HTTPTransport
    /// The app credentials.
    public let credentials: ContractCredentials
    /// Pacing and 429 retries.
    public let pacer: RequestPacer
    /// Seconds written time series may take to become readable.
    public let settleSeconds: Double

    /// A target for the gateway at `baseURL`.
    /// - Throws: `ContractTransportError` when the URL or the trust settings are unusable.
    public init(
        baseURL: String, credentials: ContractCredentials, trust: TLSTrust = .system,
        pacing: RequestPacer.Policy = .init(), settleSeconds: Double = 60
    ) throws {
        self.transport = try HTTPTransport(baseURL: baseURL, trust: trust)
        self.credentials = credentials
        self.pacer = RequestPacer(policy: pacing)
        self.settleSeconds = settleSeconds
    }

    /// The gateway's base URL.
    public var name: String { transport.baseURL }

    /// A real tenant can be written to; nothing else.
    public var capabilities: TargetCapabilities { [.writes, .transport] }

    /// Sends the request, paced and retried on 429.
    public func send(_ request: FakeRequest) async throws -> FakeResponse {
        try await pacer.perform { try await transport.send(request) }
    }
}
