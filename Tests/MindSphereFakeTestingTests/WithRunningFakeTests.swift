import MindSphereFake
import MindSphereFakeServer
import MindSphereFakeTesting
import Testing

@Suite struct WithRunningFakeTests {
    private struct Planned: Error {}

    @Test func servesTheDefaultScenario_andStopsAfterTheBody() async throws {
        let served = try await withRunningFake(seed: 3) { baseURL in
            let client = LoopbackClient(baseURL: baseURL)
            let token = try await client.token()
            let asset = try await client.send(
                "GET", "/api/assetmanagement/v3/assets/574fbc1ab7964fa3a6acf1173707a256",
                headers: ["Authorization": "Bearer \(token)"])
            #expect(asset.status == 200, "\(asset.body)")
            return baseURL
        }
        await #expect(throws: (any Error).self) { _ = try await LoopbackClient(baseURL: served).send("GET", "/_fake/health") }
    }

    @Test func stopsTheServer_whenTheBodyThrows() async throws {
        var served: String?
        await #expect(throws: Planned.self) {
            try await withRunningFake(gateway: try FakeGateway()) { baseURL in
                served = baseURL
                #expect(try await LoopbackClient(baseURL: baseURL).send("GET", "/_fake/health").status == 200)
                throw Planned()
            }
        }
        let baseURL = try #require(served)
        await #expect(throws: (any Error).self) { _ = try await LoopbackClient(baseURL: baseURL).send("GET", "/_fake/health") }
    }

    @Test func servesTheGivenScenario() async throws {
        let scenario = Scenario(
            name: "other", tenants: ["othertnt"],
            appCredentials: [
                AppCredential(hostTenant: "othertnt", appName: "reader", appVersion: "v2.0.0", clientSecret: "s")
            ])
        try await withRunningFake(scenario: scenario) { baseURL in
            let client = LoopbackClient(baseURL: baseURL)
            await #expect(throws: FakeTestingError.self) { _ = try await client.token() }
            _ = try await client.token(for: scenario.appCredentials[0])
        }
    }

    @Test func startFailure_isThrown_andTheBodyNotRun() async throws {
        try await withRunningFake(gateway: try FakeGateway()) { baseURL in
            let port = try #require(UInt16(baseURL.split(separator: ":").last ?? ""))
            await #expect(throws: ServerError.self) {
                try await withRunningFake(gateway: try FakeGateway(), server: ServerConfiguration(port: port)) { _ in
                    Issue.record("the body ran although the port is taken")
                }
            }
        }
    }
}
