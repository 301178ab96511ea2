import AsyncHTTPClient
import NIOCore
import NIOSSL
import Synchronization

/// One AsyncHTTPClient per trust setting, alive for the whole process, so transports never have to shut a client
/// down. Redirects are not followed (the kit checks exactly what a server answers), bodies are not
/// decompressed, and failed connections are not retried.
enum SharedHTTPClients {
    private static let clients = Mutex<[TLSTrust: HTTPClient]>([:])

    /// The client for `trust`, created on first use.
    /// - Throws: `ContractTransportError` when the trust settings cannot be applied.
    static func client(for trust: TLSTrust) throws -> HTTPClient {
        if let existing = clients.withLock({ $0[trust] }) { return existing }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: try trust.tlsConfiguration(),
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            decompression: .disabled)
        // A refused connection or TLS handshake is reported at once instead of being retried until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        return clients.withLock { clients in
            if let existing = clients[trust] { return existing }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[trust] = client
            return client
        }
    }
}
