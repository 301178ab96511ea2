/// How the HTTP server listens and what it tolerates; every field has a default.
public struct ServerConfiguration: Sendable {
    /// The IPv4 address to bind (`127.0.0.1` by default; `0.0.0.0` for all interfaces).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: UInt16
    /// Request bodies larger than this get 413.
    public var maximumBodyBytes: Int
    /// Idle connections are closed after this many seconds: 120 by default, so a device that writes every 30 or 60
    /// seconds over one kept-alive connection keeps it (cloud gateways keep idle connections at least that long).
    public var connectionTimeoutSeconds: Int
    /// At most this many connections at once (fewer when the process may not open that many files); libmicrohttpd
    /// closes connections beyond it at once.
    public var connectionLimit: Int
    /// At most this many connections from one IP address at once; 0 for no such limit. Loopback clients all share
    /// one address, so the default is no limit; a server exposed to a network wants one.
    public var perAddressConnectionLimit: Int
    /// A new connection whose first header block is not complete within this many seconds is closed, whatever it
    /// trickles in the meantime (slowloris); 0 switches the deadline off.
    public var headerTimeoutSeconds: Int
    /// Worker threads polling connections (each serves many connections).
    public var threads: Int
    /// Request heads (request line and headers) up to this many bytes are served; a longer one gets 431 (414 when the
    /// request line alone is longer) in the API's error shape. 8 KiB by default, Spring Boot's own limit
    /// (`server.max-http-request-header-size`). A later head on a kept-alive connection (or any head over TLS) longer
    /// than twice this does not fit the connection's memory and gets libmicrohttpd's own 431 page or a closed
    /// connection.
    public var maximumHeadBytes: Int
    /// PEM certificate and key to serve HTTPS; `nil` serves plain HTTP.
    public var tls: TLSMaterial?
    /// Whether each worker thread reuses header fields and responses it made recently (`docs/hot-paths.md`). Off,
    /// every request is converted and answered from scratch: the way to rule the caches out when chasing a bug.
    package var usesThreadCaches = true

    /// A PEM certificate with its private key.
    public struct TLSMaterial: Sendable {
        /// The certificate chain, PEM.
        public var certificatePEM: String
        /// The private key, PEM (PKCS#8 or PKCS#1).
        public var privateKeyPEM: String

        /// TLS material.
        public init(certificatePEM: String, privateKeyPEM: String) {
            self.certificatePEM = certificatePEM
            self.privateKeyPEM = privateKeyPEM
        }
    }

    /// A configuration.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        maximumBodyBytes: Int = 2 * 1024 * 1024,
        connectionTimeoutSeconds: Int = 120,
        connectionLimit: Int = 4000,
        perAddressConnectionLimit: Int = 0,
        headerTimeoutSeconds: Int = 10,
        threads: Int = 2,
        tls: TLSMaterial? = nil,
        maximumHeadBytes: Int = ServerConfiguration.defaultMaximumHeadBytes
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.connectionLimit = connectionLimit
        self.perAddressConnectionLimit = perAddressConnectionLimit
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.threads = threads
        self.tls = tls
        self.maximumHeadBytes = maximumHeadBytes
    }

    /// The default of `maximumHeadBytes`.
    public static let defaultMaximumHeadBytes = 8 * 1024

    /// The memory libmicrohttpd gives each connection: twice the longest head, since the head shares it with the
    /// parsed header list and the response's head, and at least 16 KiB.
    ///
    /// Not more: libmicrohttpd clears a connection's whole pool after every request, so its size is paid on every
    /// request. Its default of 32 KiB cost about 48,000 instructions per request and pushed the request path's own
    /// code and data out of the processor's first-level cache (BENCHMARKS.md, gateway section).
    var connectionMemoryBytes: Int {
        max(16 * 1024, 2 * effectiveMaximumHeadBytes)
    }

    /// `maximumHeadBytes` kept from 1 KiB to 16 MiB, so the memory it asks for stays a sane number.
    var effectiveMaximumHeadBytes: Int {
        min(max(maximumHeadBytes, 1024), 16 * 1024 * 1024)
    }
}
