import ArgumentParser
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

        Examples:
          mindsphere-fake serve
          mindsphere-fake serve --port 0
          mindsphere-fake serve --host 0.0.0.0 --port 9000 --token-lifetime 300
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

    func validate() throws {
        if maximumBodyBytes < 1 { throw ValidationError("--max-body-bytes must be positive") }
        if threads < 1 || threads > 64 { throw ValidationError("--threads must be from 1 to 64") }
        if let lifetime = tokenLifetimeSeconds, lifetime < 1 { throw ValidationError("--token-lifetime must be positive") }
    }

    func run() throws {
        var scenario = Scenario.minimal
        if let tokenLifetimeSeconds { scenario.tokenLifetimeSeconds = tokenLifetimeSeconds }
        let gateway = try FakeGateway(configuration: FakeConfiguration(scenario: scenario, seed: seed))
        try SignalWaiter.blockTerminationSignals()
        let server: FakeServer
        do {
            server = try FakeServer.start(gateway: gateway, configuration: ServerConfiguration(
                host: host, port: port, maximumBodyBytes: maximumBodyBytes,
                connectionTimeoutSeconds: idleTimeoutSeconds, threads: threads
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
