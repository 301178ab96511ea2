import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Synchronization
import Testing

@testable import MindSphereFakeServer

@Suite struct ControlLoopbackTests {
    private func startDefault(threads: Int = 2) throws -> FakeServer {
        let gateway = try FakeGateway(configuration: FakeConfiguration(scenario: try Scenario.defaultScenario(), seed: 11))
        return try FakeServer.start(gateway: gateway, configuration: ServerConfiguration(threads: threads))
    }

    @Test func seedSnippets_againstTheDefaultScenario_succeed() async throws {
        let server = try startDefault()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let token = try await client.token()
        let bearer = ["Authorization": "Bearer " + token]
        let list = try await client.send("GET", "/api/assetmanagement/v3/assets", headers: bearer)
        #expect(list.status == 200)
        for id in [
            "343a6a61f5ef48c899b13f9c1be45b07", "60bf86d1d051416f853b1e22f3714b8c", "574fbc1ab7964fa3a6acf1173707a256",
            "9c722dc9893e44e4a522295ebf2879b5",
        ] {
            #expect(list.body.contains(#""assetId":"\#(id)""#))
        }
        let series = "/api/iottimeseries/v3/timeseries/60bf86d1d051416f853b1e22f3714b8c/real_log"
        let records =
            #"[{"_time":"2023-02-20T02:01:01.001Z","activity_type":"started","machine_id":"machine_1","part_id":"100","queue":"queue 1","timestamp":"2023-02-20T02:01:01.001Z"}]"#
        let put = try await client.send("PUT", series, headers: bearer.merging(["Content-Type": "application/json"]) { $1 }, body: records)
        #expect((200..<300).contains(put.status))
        #expect(put.body.isEmpty, "the seed prints 'Data PUT successfully.' only for an empty body")
        let read = try await client.send("GET", series + "?from=2023-02-20T02:00:01.001Z&to=2023-02-20T02:02:01.001Z", headers: bearer)
        #expect(read.status == 200)
        #expect(read.body.contains(#""activity_type":"started""#))
    }

    @Test func latencyFault_onOneConnection_doesNotStallAnother() async throws {
        let server = try startDefault(threads: 1)
        defer { server.stop() }
        // A delay far longer than any scheduling hiccup, so the order below cannot depend on the machine's load; the
        // stop at the end resumes the delayed answer instead of waiting for it.
        server.gateway.control.addFault(
            FaultRule(pathPattern: "/api/technicaltokenmanager/**", action: .latency(delayMilliseconds: 60_000), times: 1))
        let client = LoopbackClient(baseURL: server.baseURL)
        let order = Mutex<[String]>([])
        async let slow: Void = {
            _ = try? await client.token()
            order.withLock { $0.append("slow") }
        }()
        // The core journals a request before the transport delays its answer: wait until the slow one is held.
        var held = false
        for _ in 0..<200 where !held {
            let journal = try await client.send("GET", "/_fake/requests?path=technicaltokenmanager")
            held = journal.body.contains(#""fault":""#)
            if !held { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        #expect(held, "the token request reached the fault")
        let health = try await client.send("GET", "/_fake/health")
        order.withLock { $0.append("fast") }
        #expect(health.status == 200)
        #expect(order.withLock { $0 } == ["fast"], "the health check was answered while the token request was held")
        server.stop(drainTimeout: .zero)
        await slow
        #expect(order.withLock { $0 } == ["fast", "slow"])
    }

    @Test func dropFault_closesTheConnectionWithoutAnswer() async throws {
        let server = try startDefault()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let added = try await client.send(
            "POST", "/_fake/faults", headers: ["Content-Type": "application/json"],
            body: #"{"path":"/api/assetmanagement/**","drop":true,"times":1}"#)
        #expect(added.status == 201)
        let request = "GET /api/assetmanagement/v3/assets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        let answer = try RawHTTPClient(port: server.port).exchange(Array(request.utf8))
        #expect(answer.isEmpty, "no status line: \(answer.prefix(40))")
        #expect(try await client.send("GET", "/api/assetmanagement/v3/assets").status == 401, "spent after one drop")
    }

    @Test func postedScenario_replacesTheData_andResetRestoresIt() async throws {
        let server = try startDefault()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let scenario = """
            name: tiny
            tenants:
              - name: other
                appCredentials: [{appName: testdm, appVersion: v1.0.0, clientSecret: \(AppCredential.fakeDefault.clientSecret)}]
            """
        let loaded = try await client.send("POST", "/_fake/scenario", headers: ["Content-Type": "application/yaml"], body: scenario)
        #expect(loaded.status == 200)
        #expect(loaded.body.contains(#""scenario":"tiny""#))
        let state = try await client.send("GET", "/_fake/state")
        #expect(state.body.contains(#""name":"tiny""#))
        let broken = try await client.send(
            "POST", "/_fake/scenario", headers: ["Content-Type": "application/yaml"],
            body: "tenants:\n  - name: x\n    assets: [{name: a, typeId: x.none}]\n")
        #expect(broken.status == 400)
        #expect(broken.body.contains("<posted scenario>:3"), "\(broken.body)")
        #expect(try await client.send("GET", "/_fake/scenario").body.contains(#""scenario":"tiny""#), "a failed load keeps the previous scenario")
    }
}
