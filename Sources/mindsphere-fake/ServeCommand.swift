import ArgumentParser
import Foundation
import Glibc
import Logging
import MindSphereFake
import MindSphereFakeServer

/// `mindsphere-fake serve`: run the fake until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the fake over HTTP until interrupted.",
        discussion: """
            Prints exactly one line 'mindsphere-fake listening on http://HOST:PORT' (the address bound) on stdout once it \
            accepts connections. Every API request is logged as one line on stderr: method, path (secret query values \
            masked, long queries cut), status, duration, response size, the fault rule that hit it, and for a 4xx or 5xx \
            the error message; --log-level debug adds /_fake/ requests, --quiet drops the request lines. Stops gracefully on SIGINT (Ctrl-C), SIGTERM or SIGHUP: accepts nothing new, answers the requests \
            already received (waiting at most --drain-timeout seconds), then exits 0.

            It binds 127.0.0.1 unless told otherwise. The control plane (/_fake/) needs no token on loopback; binding any \
            other address needs --control-token TOKEN (every /_fake/ call must then send X-Fake-Control-Token: TOKEN) or \
            an explicit --unsafe-open-control-plane. The fake is a test double, not a gateway to expose.

            Tokens are signed with an RSA key kept in the user's cache directory ($XDG_CACHE_HOME or ~/.cache, under \
            mindsphere-fake/signing-key.pem), generated on the first start only, so later starts are quick and \
            /token_keys stays the same across restarts. --signing-key FILE signs with a key of your own (PEM, read only); \
            --ephemeral-signing-key generates a fresh key for this run alone.

            Without --scenario it serves the built-in default scenario (scenarios/default.yaml): tenant iiotuxpc, app \
            credential iiotuxpc-testdm-v1.0.0 / fake-secret-for-local-use, and the seed's four assets.

            The control plane lives under /_fake/ (no token needed; JSON in and out):
              POST /_fake/reset              back to the loaded scenario
              POST /_fake/scenario           load another scenario (YAML or JSON body)
              GET  /_fake/state              dump the whole state
              GET|POST /_fake/clock          {"advanceSeconds":N} | {"set":"<ISO 8601>"} | {"frozen":true|false}
              POST /_fake/tokens/expire      all tokens, or {"token":"<token or jti>"}
              GET  /_fake/requests           journal; ?path=<substring>&status=<code|4xx>&limit=<n>
              GET|POST|DELETE /_fake/faults  e.g. {"method":"PUT","path":"/api/iottimeseries/**","status":429,"times":2}
              GET|POST /_fake/ingestion-delay {"milliseconds":N}
              GET  /_fake/health
              GET  /_fake/assets             the asset hierarchy of every tenant
              POST /_fake/tokens             mint a token for a tenant: {"tenant":"iiotuxpc"} or no body
              GET  /_fake/ui/                the dashboard in a browser (plots need Debian's libjs-dygraphs)

            Examples:
              mindsphere-fake serve
              mindsphere-fake serve --port 0
              mindsphere-fake serve --quiet                        # CI: only warnings and errors on stderr
              mindsphere-fake serve --log-format json              # one JSON object per line, for log collectors
              mindsphere-fake serve --scenario scenarios/plant.yaml
              mindsphere-fake serve --host 0.0.0.0 --port 9000 --token-lifetime 300
              mindsphere-fake serve --tls-cert cert.pem --tls-key key.pem   # HTTPS
              curl -X POST localhost:8080/_fake/clock -H 'Content-Type: application/json' -d '{"advanceSeconds":1801}'
            """
    )

    @Option(help: "IPv4 address to bind; 0.0.0.0 listens on all interfaces.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: UInt16 = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Request bodies above this many bytes get 413.")
    var maximumBodyBytes = 2 * 1024 * 1024

    @Option(
        name: .customLong("max-head-bytes"),
        help: "Request heads (request line and headers) above this many bytes get 431 (414 for the request line).")
    var maximumHeadBytes = ServerConfiguration.defaultMaximumHeadBytes

    @Option(help: "Worker threads serving connections.")
    var threads = 2

    @Option(name: .customLong("idle-timeout"), help: "Seconds after which an idle kept-alive connection is closed.")
    var idleTimeoutSeconds = 120

    @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has for its first header block (0: no deadline).")
    var headerTimeoutSeconds = 10

    @Option(name: .customLong("max-connections"), help: "Connections served at once; more are closed at once.")
    var maximumConnections = 4000

    @Option(
        name: .customLong("max-connections-per-address"),
        help: "Connections from one IP address at once (0: no limit; default: no limit on loopback, 256 otherwise).")
    var maximumConnectionsPerAddress: Int?

    @Option(name: .customLong("drain-timeout"), help: "Seconds a stop waits for requests already received.")
    var drainTimeoutSeconds = 5

    @Option(
        name: .customLong("control-token"),
        help: "Every /_fake/ call must send this in X-Fake-Control-Token (needed to bind a non-loopback address).")
    var controlToken: String?

    @Flag(
        name: .customLong("unsafe-open-control-plane"),
        help: "Bind a non-loopback address without --control-token: anyone who reaches it can reset, load and read.")
    var unsafeOpenControlPlane = false

    @Option(name: .customLong("token-lifetime"), help: "Lifetime of issued tokens in seconds (overrides the scenario).")
    var tokenLifetimeSeconds: Int?

    @Option(help: "Seed for generated ids, so runs repeat.")
    var seed: UInt64?

    @Option(help: "Scenario file (YAML or JSON) to load instead of the built-in default scenario.")
    var scenario: String?

    @Option(name: .customLong("journal-size"), help: "How many requests GET /_fake/requests keeps (0 turns the journal off).")
    var journalSize = 1000

    // Parsed by a transform rather than a conformance of swift-log's type to ArgumentParser's protocol, which
    // neither package owns here.
    @Option(
        name: .customLong("log-level"), help: "trace, debug, info (request lines), notice, warning, error or critical.",
        transform: { text in
            guard let level = Logger.Level(rawValue: text) else {
                throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return level
        })
    var logLevel: Logger.Level = .info

    @Option(name: .customLong("log-format"), help: "text (for people) or json (one object a line).")
    var logFormat: LineLogHandler.Format = .text

    @Flag(help: "Log only warnings and errors (no request lines); the same as --log-level warning.")
    var quiet = false

    @Option(name: .customLong("signing-key"), help: "PEM RSA private key file (2048 bits or more) that signs tokens; read, never written.")
    var signingKeyFile: String?

    @Flag(
        name: .customLong("ephemeral-signing-key"),
        help: "Generate a fresh signing key for this run instead of the one kept in the user's cache directory (slower start).")
    var ephemeralSigningKey = false

    @Option(name: .customLong("tls-cert"), help: "PEM certificate file: serve HTTPS instead of HTTP (needs --tls-key).")
    var tlsCertificateFile: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key file of --tls-cert.")
    var tlsKeyFile: String?

    func validate() throws {
        if maximumBodyBytes < 1 || maximumBodyBytes > 1 << 30 { throw ValidationError("--max-body-bytes must be from 1 to 1073741824") }
        if !(1024...1 << 20).contains(maximumHeadBytes) { throw ValidationError("--max-head-bytes must be from 1024 to 1048576") }
        if threads < 1 || threads > 64 { throw ValidationError("--threads must be from 1 to 64") }
        if let lifetime = tokenLifetimeSeconds, !Scenario.tokenLifetimeSecondsRange.contains(lifetime) {
            let range = Scenario.tokenLifetimeSecondsRange
            throw ValidationError("--token-lifetime must be from \(range.lowerBound) to \(range.upperBound) seconds")
        }
        if journalSize < 0 || journalSize > 1_000_000 { throw ValidationError("--journal-size must be from 0 to 1000000") }
        if !(0...86_400).contains(idleTimeoutSeconds) { throw ValidationError("--idle-timeout must be from 0 to 86400 seconds") }
        if !(0...3_600).contains(headerTimeoutSeconds) { throw ValidationError("--header-timeout must be from 0 to 3600 seconds") }
        if !(1...1_000_000).contains(maximumConnections) { throw ValidationError("--max-connections must be from 1 to 1000000") }
        if let perAddress = maximumConnectionsPerAddress, !(0...1_000_000).contains(perAddress) {
            throw ValidationError("--max-connections-per-address must be from 0 to 1000000")
        }
        if !(0...3_600).contains(drainTimeoutSeconds) { throw ValidationError("--drain-timeout must be from 0 to 3600 seconds") }
        if let controlToken, controlToken.isEmpty || controlToken.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            throw ValidationError("--control-token must be printable ASCII without spaces")
        }
        if signingKeyFile != nil && ephemeralSigningKey {
            throw ValidationError("--signing-key and --ephemeral-signing-key exclude each other")
        }
        if (tlsCertificateFile == nil) != (tlsKeyFile == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        if !Self.isLoopback(host), controlToken == nil, !unsafeOpenControlPlane {
            throw ValidationError(
                "binding \(host) exposes the control plane (/_fake/) to the network: pass --control-token TOKEN, or --unsafe-open-control-plane to run it open"
            )
        }
    }

    /// Whether `host` is a loopback address (only this machine can reach it).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.")
    }

    /// The request log's logger: `--log-format` lines on stderr at `--log-level` (`warning` with `--quiet`).
    private func logger() -> Logger {
        let level = quiet ? max(logLevel, .warning) : logLevel
        let format = logFormat
        return Logger(label: "mindsphere-fake") { _ in LineLogHandler(format: format, level: level) }
    }

    /// The PEM files of `--tls-cert` and `--tls-key`, `nil` without them.
    /// - Throws: `StartFailure` naming the file that cannot be read.
    private func tlsMaterial() throws(StartFailure) -> ServerConfiguration.TLSMaterial? {
        guard let tlsCertificateFile, let tlsKeyFile else { return nil }
        return ServerConfiguration.TLSMaterial(
            certificatePEM: try Self.text(of: tlsCertificateFile, what: "TLS certificate"),
            privateKeyPEM: try Self.text(of: tlsKeyFile, what: "TLS key"))
    }

    private static func text(of file: String, what: String) throws(StartFailure) -> String {
        guard let data = FileManager.default.contents(atPath: file) else { throw StartFailure("cannot read the \(what) \(file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw StartFailure("the \(what) \(file) is not PEM text") }
        return text
    }

    /// The key that signs tokens: `--signing-key`, a fresh one for `--ephemeral-signing-key`, else the one kept in
    /// the user's cache directory (a fresh one, with a warning, when no cache can be written).
    private func signingKey() throws(SigningKeyError) -> SigningKey {
        if let signingKeyFile { return try SigningKeyFile.load(signingKeyFile) }
        if !ephemeralSigningKey, let path = SigningKeyFile.defaultCachePath() {
            do {
                return try SigningKeyFile.cached(at: path)
            } catch {
                if FileManager.default.fileExists(atPath: path) {
                    throw SigningKeyError("\(error.message); delete it to have a new key made, or pass --signing-key or --ephemeral-signing-key")
                }
                Output.error("mindsphere-fake: warning: \(error.message); signing with a key for this run only")
            }
        }
        do {
            return try SigningKey.generate(keyID: SigningKeyFile.keyID)
        } catch {
            throw SigningKeyError("cannot generate an RSA signing key: \(error)")
        }
    }

    func run() async throws {
        let server: FakeServer
        do {
            server = try start()
        } catch {
            Output.error("mindsphere-fake: \(error.message)")
            throw ExitCode.failure
        }
        if !Self.isLoopback(host) {
            Output.error(
                "mindsphere-fake: warning: listening on \(host), reachable from the network; "
                    + (controlToken == nil ? "the control plane is OPEN to anyone who reaches it" : "the control plane needs X-Fake-Control-Token"))
        }
        Output.line("mindsphere-fake listening on \(server.listeningURL)")
        let signal = await SignalWaiter.next() ?? SIGTERM
        Output.error("mindsphere-fake: received \(SignalWaiter.name(of: signal)), stopping")
        server.stop(drainTimeout: .seconds(drainTimeoutSeconds))
    }

    /// Loads the scenario, reads the key and TLS files, installs the signal handlers and starts listening; every
    /// failure is one `StartFailure` line, never the usage text (the arguments were fine).
    private func start() throws(StartFailure) -> FakeServer {
        let reader = DiskScenarioFileReader()
        let key: SigningKey
        do {
            key = try signingKey()
        } catch {
            throw StartFailure(error.message)
        }
        let gateway: FakeGateway
        do {
            var loaded = try scenario.map { try ScenarioLoader(reader: reader).load(path: $0) } ?? Scenario.defaultScenario()
            if let tokenLifetimeSeconds { loaded.tokenLifetimeSeconds = tokenLifetimeSeconds }
            var configuration = FakeConfiguration(
                scenario: loaded, signingKey: key, seed: seed, journalCapacity: journalSize, scenarioFileReader: reader,
                controlToken: controlToken, logger: logger())
            configuration.dashboardLibraries = DashboardLibraryReader.read()
            gateway = try FakeGateway(configuration: configuration)
        } catch {
            throw StartFailure("scenario not loaded: \(error)")
        }
        let tls = try tlsMaterial()
        do {
            try SignalWaiter.install()
        } catch {
            throw StartFailure(error.description)
        }
        FileLimit.raiseToMaximum()
        do {
            return try FakeServer.start(
                gateway: gateway,
                configuration: ServerConfiguration(
                    host: host, port: port, maximumBodyBytes: maximumBodyBytes,
                    connectionTimeoutSeconds: idleTimeoutSeconds, connectionLimit: maximumConnections,
                    perAddressConnectionLimit: maximumConnectionsPerAddress ?? (Self.isLoopback(host) ? 0 : 256),
                    headerTimeoutSeconds: headerTimeoutSeconds, threads: threads, tls: tls, maximumHeadBytes: maximumHeadBytes
                ))
        } catch {
            throw StartFailure("\(error)")
        }
    }
}

extension LineLogHandler.Format: ExpressibleByArgument {}
