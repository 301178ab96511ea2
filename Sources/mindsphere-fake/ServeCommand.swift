import ArgumentParser
import Foundation
import Glibc
import MindSphereFake
import MindSphereFakeServer

/// `mindsphere-fake serve`: run the fake until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the fake over HTTP until interrupted.",
        discussion: """
        Prints exactly one line 'mindsphere-fake listening on http://HOST:PORT' once it accepts connections.
        Stops gracefully on SIGINT (Ctrl-C) or SIGTERM.

        Without --scenario it serves the built-in default scenario (scenarios/default.yaml): tenant iiotuxpc, app
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

        Examples:
          mindsphere-fake serve
          mindsphere-fake serve --port 0
          mindsphere-fake serve --scenario scenarios/plant.yaml
          mindsphere-fake serve --host 0.0.0.0 --port 9000 --token-lifetime 300
          mindsphere-fake serve --tls-cert cert.pem --tls-key key.pem   # HTTPS
          curl -X POST localhost:8080/_fake/clock -d '{"advanceSeconds":1801}'
        """
    )

    @Option(help: "IPv4 address to bind; 0.0.0.0 listens on all interfaces.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: UInt16 = 8080

    @Option(name: .customLong("max-body-bytes"), help: "Request bodies above this many bytes get 413.")
    var maximumBodyBytes = 2 * 1024 * 1024

    @Option(help: "Worker threads serving connections.")
    var threads = 2

    @Option(name: .customLong("idle-timeout"), help: "Seconds after which an idle connection is closed.")
    var idleTimeoutSeconds = 30

    @Option(name: .customLong("token-lifetime"), help: "Lifetime of issued tokens in seconds (overrides the scenario).")
    var tokenLifetimeSeconds: Int?

    @Option(help: "Seed for generated ids, so runs repeat.")
    var seed: UInt64?

    @Option(help: "Scenario file (YAML or JSON) to load instead of the built-in default scenario.")
    var scenario: String?

    @Option(name: .customLong("journal-size"), help: "How many requests GET /_fake/requests keeps (0 turns the journal off).")
    var journalSize = 1000

    @Option(name: .customLong("tls-cert"), help: "PEM certificate file: serve HTTPS instead of HTTP (needs --tls-key).")
    var tlsCertificateFile: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key file of --tls-cert.")
    var tlsKeyFile: String?

    func validate() throws {
        if maximumBodyBytes < 1 { throw ValidationError("--max-body-bytes must be positive") }
        if threads < 1 || threads > 64 { throw ValidationError("--threads must be from 1 to 64") }
        if let lifetime = tokenLifetimeSeconds, lifetime < 1 { throw ValidationError("--token-lifetime must be positive") }
        if journalSize < 0 { throw ValidationError("--journal-size must not be negative") }
        if (tlsCertificateFile == nil) != (tlsKeyFile == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
    }

    private func tlsMaterial() throws -> ServerConfiguration.TLSMaterial? {
        guard let tlsCertificateFile, let tlsKeyFile else { return nil }
        do {
            return ServerConfiguration.TLSMaterial(
                certificatePEM: try String(contentsOfFile: tlsCertificateFile, encoding: .utf8),
                privateKeyPEM: try String(contentsOfFile: tlsKeyFile, encoding: .utf8))
        } catch {
            throw ValidationError("cannot read the TLS certificate or key: \(error.localizedDescription)")
        }
    }

    func run() throws {
        let reader = DiskScenarioFileReader()
        let gateway: FakeGateway
        do {
            var loaded = try scenario.map { try ScenarioLoader(reader: reader).load(path: $0) } ?? Scenario.defaultScenario()
            if let tokenLifetimeSeconds { loaded.tokenLifetimeSeconds = tokenLifetimeSeconds }
            gateway = try FakeGateway(configuration: FakeConfiguration(
                scenario: loaded, seed: seed, journalCapacity: journalSize, scenarioFileReader: reader))
        } catch {
            Output.error("mindsphere-fake: scenario not loaded: \(error)")
            throw ExitCode.failure
        }
        let tls = try tlsMaterial()
        try SignalWaiter.blockTerminationSignals()
        let server: FakeServer
        do {
            server = try FakeServer.start(gateway: gateway, configuration: ServerConfiguration(
                host: host, port: port, maximumBodyBytes: maximumBodyBytes,
                connectionTimeoutSeconds: idleTimeoutSeconds, threads: threads, tls: tls
            ))
        } catch {
            throw ValidationError("\(error)")
        }
        Output.line("mindsphere-fake listening on \(server.baseURL)")
        let signal = SignalWaiter.waitForTermination()
        Output.error("mindsphere-fake: received \(signal == SIGINT ? "SIGINT" : "SIGTERM"), stopping")
        server.stop()
    }
}
