import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct FaultRuleTests {
    private func post(_ fake: FakeGateway, _ path: String, _ body: String) -> FakeResponse {
        fake.handle(FakeRequest(method: .post, target: path, headerFields: [.contentType: "application/json"], body: Array(body.utf8)))
    }

    private func list(_ fake: FakeGateway, _ token: String) -> FakeResponse {
        fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token))
    }

    @Test func timesTwo_givesExactlyTwo429sThenSuccess() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let added = post(fake, "/_fake/faults", #"{"method":"GET","path":"/api/assetmanagement/**","status":429,"retryAfterSeconds":7,"times":2}"#)
        #expect(added.status == .created)
        let statuses = (0..<4).map { _ in list(fake, token) }
        #expect(statuses.map(\.status.code) == [429, 429, 200, 200])
        #expect(statuses[0].header("Retry-After") == "7")
        #expect(statuses[0].bodyJSON?["errors"]?.arrayValue?.first?["code"]?.stringValue == "mdsp.core.generic.tooManyRequests")
    }

    @Test func statusFault_usesTheErrorShapeOfTheAddressedAPI() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        fake.control.addFault(
            FaultRule(pathPattern: "/api/iottimeseries/v3/timeseries/*/*", action: .status(503, retryAfterSeconds: nil, delayMilliseconds: 0)))
        let response = fake.handle(FakeRequest.authorized(.get, "/api/iottimeseries/v3/timeseries/abc/real_log", token: token))
        #expect(response.status == .serviceUnavailable)
        #expect(response.bodyJSON?["id"] != nil)
        #expect(response.bodyJSON?["message"] != nil)
        fake.control.addFault(
            FaultRule(pathPattern: "/api/technicaltokenmanager/**", action: .status(500, retryAfterSeconds: nil, delayMilliseconds: 0)))
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .internalServerError)
    }

    @Test func methodAndGlob_limitWhatMatches() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        fake.control.addFault(
            FaultRule(method: "put", pathPattern: "/api/assetmanagement/v3/*", action: .status(500, retryAfterSeconds: nil, delayMilliseconds: 0)))
        #expect(list(fake, token).status == .ok, "GET is not PUT")
        #expect(fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets/x/aspects", token: token)).status != .internalServerError)
        #expect(PathGlob("/api/*/v3").matches("/api/x/v3"))
        #expect(!PathGlob("/api/*/v3").matches("/api/x/y/v3"))
        #expect(PathGlob("/api/**").matches("/api/x/y/v3"))
        #expect(PathGlob("/api/asset?").matches("/api/assets"))
    }

    @Test func latencyAndDrop_setTransportDirectives() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        fake.control.addFault(FaultRule(pathPattern: "/api/assetmanagement/**", action: .latency(delayMilliseconds: 250), times: 1))
        let slow = list(fake, token)
        #expect(slow.status == .ok)
        #expect(slow.transport.delayMilliseconds == 250)
        fake.control.addFault(FaultRule(pathPattern: "/api/assetmanagement/**", action: .dropConnection, times: 1))
        #expect(list(fake, token).transport.dropConnection)
        #expect(list(fake, token).transport == TransportDirective())
    }

    @Test func probability_withSameSeed_hitsTheSameRequests() throws {
        func pattern() throws -> [Int] {
            let fake = try TestGateway.make()
            let token = try fake.token()
            _ = post(fake, "/_fake/faults", #"{"path":"/api/**","status":500,"probability":0.5,"seed":99}"#)
            return (0..<40).map { _ in list(fake, token).status.code }
        }
        let first = try pattern()
        #expect(first == (try pattern()))
        let hits = first.filter { $0 == 500 }.count
        #expect(hits > 5 && hits < 35)
    }

    @Test func faultsAPI_listsDeletesAndRefusesBadRules() throws {
        let fake = try TestGateway.make()
        _ = post(fake, "/_fake/faults", #"[{"id":"a","path":"/api/**","status":429,"times":3},{"id":"b","path":"/api/**","drop":true}]"#)
        let listed = fake.handle(FakeRequest(method: .get, target: "/_fake/faults")).bodyJSON?["faults"]?.arrayValue ?? []
        #expect(listed.compactMap { $0["id"]?.stringValue } == ["a", "b"])
        #expect(listed.first?["remaining"] == .int(3))
        #expect(fake.handle(FakeRequest(method: .delete, target: "/_fake/faults/a")).status == .ok)
        #expect(fake.handle(FakeRequest(method: .delete, target: "/_fake/faults/a")).status == .notFound)
        #expect(fake.handle(FakeRequest(method: .delete, target: "/_fake/faults")).bodyJSON?["removed"] == .int(1))
        for bad in [
            #"{"status":429}"#, #"{"path":"/api/**"}"#, #"{"path":"/api/**","status":418}"#,
            #"{"path":"/api/**","status":429,"probability":2}"#, #"{"path":"/api/**","status":429,"colour":"red"}"#,
            #"{"method":"G@T","path":"/api/**","status":429}"#, #"{"method":"anything","path":"/api/**","status":429}"#,
            #"{"method":"GET;","path":"/api/**","status":429}"#, #"{"method":7,"path":"/api/**","status":429}"#,
        ] {
            #expect(post(fake, "/_fake/faults", bad).status == .badRequest, "\(bad)")
        }
    }

    @Test func scenarioFaults_comeBackAfterReset() throws {
        var scenario = Scenario.minimal
        scenario.faults = [FaultRule(id: "s", pathPattern: "/api/**", action: .status(429, retryAfterSeconds: 1, delayMilliseconds: 0), times: 1)]
        let fake = try TestGateway.make(scenario: scenario)
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .tooManyRequests)
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .ok)
        try fake.control.reset()
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .tooManyRequests)
    }
}
