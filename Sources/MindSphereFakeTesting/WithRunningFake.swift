public import MindSphereFake
public import MindSphereFakeServer

/// Runs `body` against a fake served over HTTP on a free loopback port, and stops the server when `body` returns or
/// throws. `body` gets the base URL, e.g. `http://127.0.0.1:41234`.
///
/// ```swift
/// try await withRunningFake { baseURL in
///     let token = try await LoopbackClient(baseURL: baseURL).token()
/// }
/// ```
///
/// - Parameters:
///   - scenario: the scenario to serve; `nil` serves the built-in default one (scenarios/default.yaml), as
///     `mindsphere-fake serve` does.
///   - seed: seed for generated ids, so runs repeat.
///   - server: how the server listens; its port is 0 (a free one) unless set.
/// - Throws: `ScenarioError` when the scenario cannot be loaded, `ServerError` when the server cannot start, and
///   whatever `body` throws.
public func withRunningFake<Result>(
    scenario: Scenario? = nil,
    seed: UInt64? = nil,
    server: ServerConfiguration = ServerConfiguration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (_ baseURL: String) async throws -> Result
) async throws -> Result {
    let gateway = try FakeGateway(configuration: FakeConfiguration(scenario: scenario ?? Scenario.defaultScenario(), seed: seed))
    return try await withRunningFake(gateway: gateway, server: server, isolation: isolation, body)
}

/// Runs `body` against `gateway` served over HTTP (a free loopback port unless `server` says otherwise), and stops
/// the server when `body` returns or throws; use it to serve a fake built with a configuration of your own, and
/// to look at its state in process while HTTP clients drive it.
/// - Throws: `ServerError` when the server cannot start, and whatever `body` throws.
public func withRunningFake<Result>(
    gateway: FakeGateway,
    server: ServerConfiguration = ServerConfiguration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (_ baseURL: String) async throws -> Result
) async throws -> Result {
    let running = try FakeServer.start(gateway: gateway, configuration: server)
    let result: Result
    do {
        result = try await body(running.baseURL)
    } catch {
        running.stop()
        throw error
    }
    running.stop()
    return result
}
