internal import CMicroHTTPD
import Glibc
import HTTPTypes
public import MindSphereFake
import Synchronization

/// Serves a `FakeGateway` over HTTP with libmicrohttpd. Start it on port 0 in a test and read `baseURL`:
///
/// ```swift
/// let server = try FakeServer.start(gateway: try FakeGateway())
/// defer { server.stop() }
/// print(server.baseURL)   // http://127.0.0.1:41234
/// ```
public final class FakeServer: @unchecked Sendable {
    // @unchecked: `daemon` is written once in `start` and once in `stop`, which callers serialise (stop is idempotent
    // under the lock below); libmicrohttpd's daemon pointer is not Sendable as a C type.
    private var daemon: OpaquePointer?
    private let context: Unmanaged<ServerContext>
    private let stopLock = StopLock()
    private let tlsBuffers: [UnsafeMutablePointer<CChar>]
    /// The listening socket for plain HTTP (libmicrohttpd listens itself for HTTPS).
    private let frontDoor: FrontDoor?

    /// The gateway being served.
    public let gateway: FakeGateway
    /// The configuration it was started with.
    public let configuration: ServerConfiguration
    /// The port it is bound to (the real one, also when started on port 0).
    public let port: UInt16

    /// The base URL clients on this machine use, e.g. `http://127.0.0.1:41234` (also when bound to `0.0.0.0`).
    public var baseURL: String {
        let host = configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host
        return "\(configuration.tls == nil ? "http" : "https")://\(host):\(port)"
    }

    /// The address actually bound, as a URL: `http://0.0.0.0:8080` when listening on all interfaces.
    public var listeningURL: String {
        let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        return "\(configuration.tls == nil ? "http" : "https")://\(host):\(port)"
    }

    private init(
        daemon: OpaquePointer,
        context: Unmanaged<ServerContext>,
        gateway: FakeGateway,
        configuration: ServerConfiguration,
        tlsBuffers: [UnsafeMutablePointer<CChar>],
        frontDoor: FrontDoor?
    ) {
        self.daemon = daemon
        self.context = context
        self.gateway = gateway
        self.configuration = configuration
        self.port = frontDoor?.port ?? cmhd_daemon_port(daemon)
        self.tlsBuffers = tlsBuffers
        self.frontDoor = frontDoor
    }

    /// Starts serving `gateway`.
    /// - Throws: `ServerError` when the address is invalid, the port is taken, or TLS is not available.
    public static func start(gateway: FakeGateway, configuration: ServerConfiguration = ServerConfiguration()) throws -> FakeServer {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = configuration.port.bigEndian
        let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw ServerError("'\(configuration.host)' is not an IPv4 address (use 127.0.0.1, 0.0.0.0 or another IPv4 address)")
        }
        let serverContext = ServerContext(
            gateway: gateway, maximumBodyBytes: configuration.maximumBodyBytes, maximumHeadBytes: configuration.effectiveMaximumHeadBytes,
            scheme: configuration.tls == nil ? "http" : "https", headerTimeoutSeconds: configuration.headerTimeoutSeconds,
            usesThreadCaches: configuration.usesThreadCaches
        )
        let connectionLimit = Self.effectiveConnectionLimit(configuration.connectionLimit)
        // Plain HTTP: the server listens itself, so that it can screen each connection's first head (`FrontDoor`).
        let frontDoor =
            configuration.tls == nil
            ? try FrontDoor(
                address: address, connectionLimit: connectionLimit, perAddressLimit: configuration.perAddressConnectionLimit,
                maximumHeadBytes: configuration.effectiveMaximumHeadBytes, headerTimeoutSeconds: configuration.headerTimeoutSeconds,
                idleTimeoutSeconds: configuration.connectionTimeoutSeconds)
            : nil
        let context = Unmanaged.passRetained(serverContext)
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        if frontDoor != nil { flags |= MHD_USE_NO_LISTEN_SOCKET.rawValue }
        var tlsBuffers: [UnsafeMutablePointer<CChar>] = []
        var options: [MHD_OptionItem] = [
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_TIMEOUT, value: max(0, configuration.connectionTimeoutSeconds), ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_LIMIT, value: connectionLimit, ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.LISTEN_BACKLOG_SIZE, value: 1024, ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryBytes, ptr_value: nil),
        ]
        if configuration.perAddressConnectionLimit > 0 {
            options.append(MHD_OptionItem(option: MHD_OPTION.PER_IP_CONNECTION_LIMIT, value: configuration.perAddressConnectionLimit, ptr_value: nil))
        }
        if configuration.threads > 1 {
            options.append(MHD_OptionItem(option: MHD_OPTION.THREAD_POOL_SIZE, value: configuration.threads, ptr_value: nil))
        }
        if let tls = configuration.tls {
            guard MHD_is_feature_supported(MHD_FEATURE.FEATURE_TLS) == .YES else {
                context.release()
                throw ServerError("this libmicrohttpd was built without TLS support")
            }
            flags |= MHD_USE_TLS.rawValue
            let certificate = strdup(tls.certificatePEM)!
            let key = strdup(tls.privateKeyPEM)!
            tlsBuffers = [certificate, key]
            options.append(MHD_OptionItem(option: MHD_OPTION.HTTPS_MEM_CERT, value: 0, ptr_value: UnsafeMutableRawPointer(certificate)))
            options.append(MHD_OptionItem(option: MHD_OPTION.HTTPS_MEM_KEY, value: 0, ptr_value: UnsafeMutableRawPointer(key)))
        }
        let daemon = withUnsafePointer(to: &address) { addressPointer in
            addressPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                if frontDoor == nil {
                    options.append(
                        MHD_OptionItem(option: MHD_OPTION.SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(mutating: socketAddress)))
                }
                options.append(MHD_OptionItem(option: MHD_OPTION.END, value: 0, ptr_value: nil))
                return options.withUnsafeBufferPointer { optionBuffer in
                    cmhd_start_daemon(
                        flags, configuration.port,
                        mhdAccessHandler, context.toOpaque(),
                        mhdRequestCompleted, context.toOpaque(),
                        mhdURILog, context.toOpaque(),
                        serverContext.deadlines == nil ? nil : mhdConnectionNotify, context.toOpaque(),
                        optionBuffer.baseAddress
                    )
                }
            }
        }
        guard let daemon else {
            frontDoor?.stop()
            context.release()
            for buffer in tlsBuffers { free(buffer) }
            throw ServerError("cannot listen on \(configuration.host):\(configuration.port) (port in use, or invalid TLS material)")
        }
        serverContext.listenerPort.store(frontDoor?.port ?? cmhd_daemon_port(daemon), ordering: .relaxed)
        serverContext.deadlines?.start()
        frontDoor?.start(Self.frontDoorHandlers(daemon: DaemonHandle(pointer: daemon), gateway: gateway))
        return FakeServer(
            daemon: daemon, context: context, gateway: gateway, configuration: configuration, tlsBuffers: tlsBuffers, frontDoor: frontDoor)
    }

    /// Screened connections go to libmicrohttpd; refused heads are answered through the core's error mapping and journal.
    private static func frontDoorHandlers(daemon: DaemonHandle, gateway: FakeGateway) -> FrontDoor.Handlers {
        FrontDoor.Handlers(
            handOver: { socket, address in
                var address = address
                // libmicrohttpd closes the socket itself when it cannot take the connection (limits reached).
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        MHD_add_connection(daemon.pointer, socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            },
            refusal: { verdict in
                guard case .refuse(let error, let method, let target) = verdict else { return [] }
                return ClosingResponse.bytes(gateway.refusal(error, rawMethod: method, target: target, headerFields: [:]))
            }
        )
    }

    /// `requested`, or fewer when the process may not open that many files (a few are kept for everything else).
    private static func effectiveConnectionLimit(_ requested: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return max(1, requested) }
        return max(1, min(requested, Int(clamping: limit.rlim_cur) - 64))
    }

    /// Stops: accepts no new connection, lets the requests already received finish (waiting at most `drainTimeout`;
    /// their answers close their connections), then closes every connection. Safe to call twice.
    public func stop(drainTimeout: Duration = .seconds(5)) {
        stopLock.withLock {
            guard let daemon else { return }
            let serverContext = context.takeUnretainedValue()
            drain(serverContext, daemon: daemon, timeout: drainTimeout)
            serverContext.deadlines?.stop()
            serverContext.stopping.store(true, ordering: .relaxed)
            serverContext.resumeAll()
            frontDoor?.stop()
            MHD_stop_daemon(daemon)
            self.daemon = nil
            context.release()
            for buffer in tlsBuffers { free(buffer) }
        }
    }

    /// Stops accepting and waits, in short steps, until no received request is unanswered or `timeout` passes.
    private func drain(_ serverContext: ServerContext, daemon: OpaquePointer, timeout: Duration) {
        serverContext.draining.store(true, ordering: .relaxed)
        frontDoor?.stop()
        let listening = MHD_quiesce_daemon(daemon)
        if listening >= 0 { close(listening) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while serverContext.requestsInFlight > 0, clock.now < deadline {
            usleep(5_000)
        }
    }

    deinit {
        stop(drainTimeout: .zero)
    }
}

/// libmicrohttpd's daemon pointer for the front door's thread: `MHD_add_connection` may be called from any thread.
private struct DaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
