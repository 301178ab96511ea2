import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Numbers from requests, state dumps and scenarios are range-checked before arithmetic: each reproduction below
/// used to trap (and so kill the server); now each answers 400 and the fake keeps serving.
@Suite struct ExtremeNumberTests {
    private func post(_ fake: FakeGateway, _ path: String, _ body: String) -> FakeResponse {
        fake.handle(FakeRequest(method: .post, target: path, headerFields: [.contentType: "application/json"], body: Array(body.utf8)))
    }

    @Test(arguments: [
        #"{"advanceSeconds":1e17}"#, #"{"advanceSeconds":9.3e15}"#, #"{"advanceSeconds":-1e17}"#,
        #"{"advanceSeconds":1e300}"#, #"{"advanceMilliseconds":9223372036854775807}"#,
        #"{"advanceMilliseconds":-9223372036854775808}"#, #"{"advanceSeconds":315537897600}"#,
        #"{"set":"0000-01-01T00:00:00.000Z"}"#, #"{"set":"9999-12-31T23:59:59.999Z","advanceSeconds":1}"#,
        #"{"advanceMilliseconds":300000000000000,"advanceSeconds":300000000000}"#,
    ])
    func clockTraps_answer400(body: String) throws {
        let fake = try TestGateway.make()
        let response = post(fake, "/_fake/clock", body)
        #expect(response.status == .badRequest, "\(body)")
        #expect(response.bodyJSON?["error"] == .string("bad_request"))
        #expect(fake.clock.nowMilliseconds() == TestGateway.epoch, "a refused command changes nothing")
        #expect(fake.handle(FakeRequest(method: .get, target: "/_fake/health")).status == .ok)
    }

    @Test func clockEdges_areReachable() throws {
        let fake = try TestGateway.make()
        #expect(post(fake, "/_fake/clock", #"{"set":"9999-12-31T23:59:59.999Z"}"#).bodyJSON?["now"] == .string("9999-12-31T23:59:59.999Z"))
        #expect(post(fake, "/_fake/clock", #"{"set":"0001-01-01T00:00:00.000Z"}"#).bodyJSON?["now"] == .string("0001-01-01T00:00:00.000Z"))
        #expect(
            post(fake, "/_fake/clock", #"{"advanceSeconds":0.0015}"#).bodyJSON?["epochMilliseconds"]
                == .number(.integer(FakeClock.range.lowerBound + 2)))
        // A token issued at the last instant is still valid then (expiry arithmetic does not overflow).
        _ = post(fake, "/_fake/clock", #"{"set":"9999-12-31T23:00:00.000Z"}"#)
        let token = try fake.token()
        #expect(fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token)).status == .ok)
    }

    @Test func inProcessClockMoves_stopAtTheRangeEnds() {
        let clock = FakeClock.frozen(at: Int64.max)
        #expect(clock.nowMilliseconds() == FakeClock.range.upperBound)
        clock.advance(milliseconds: Int64.max)
        #expect(clock.nowMilliseconds() == FakeClock.range.upperBound)
        clock.advance(milliseconds: Int64.min)
        #expect(clock.nowMilliseconds() == FakeClock.range.lowerBound)
        clock.set(milliseconds: Int64.min)
        clock.freeze(false)
        #expect(FakeClock.range.contains(clock.nowMilliseconds()))
        let running = FakeClock(wallClock: { Int64.max })
        running.advance(milliseconds: Int64.max)
        #expect(running.nowMilliseconds() == FakeClock.range.upperBound)
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "253402300800000", "-62135596800001", "1.5", "\"now\""])
    func stateDumpClock_outOfRange_answers400(value: String) throws {
        let fake = try TestGateway.make()
        var dump = try #require(fake.control.state().objectValue)
        dump["clock"] = try JSONParser.parse(#"{"epochMilliseconds":\#(value),"frozen":true}"#)
        let response = post(fake, "/_fake/state", JSONWriter.string(.object(dump)))
        #expect(response.status == .badRequest, "\(value)")
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("epochMilliseconds") == true)
        #expect(fake.clock.nowMilliseconds() == TestGateway.epoch)
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "0", "315360001", "1e300", "\"1800\""])
    func stateDumpTokenLifetime_outOfRange_answers400_andTokensStillWork(value: String) throws {
        let fake = try TestGateway.make()
        var dump = try #require(fake.control.state().objectValue)
        var settings = try #require(dump["scenario"]?.objectValue)
        settings["tokenLifetimeSeconds"] = try JSONParser.parse(value)
        dump["scenario"] = .object(settings)
        #expect(post(fake, "/_fake/state", JSONWriter.string(.object(dump))).status == .badRequest, "\(value)")
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .ok)
    }

    @Test func stateDumpTokenLifetime_atTheLimit_issuesTokens() throws {
        let fake = try TestGateway.make()
        var dump = try #require(fake.control.state().objectValue)
        var settings = try #require(dump["scenario"]?.objectValue)
        settings["tokenLifetimeSeconds"] = .int(Scenario.tokenLifetimeSecondsRange.upperBound)
        dump["scenario"] = .object(settings)
        #expect(post(fake, "/_fake/state", JSONWriter.string(.object(dump))).status == .ok)
        #expect(fake.handle(FakeRequest.tokenRequest()).bodyJSON?["expires_in"] == .int(Scenario.tokenLifetimeSecondsRange.upperBound - 1))
    }

    @Test(arguments: [Int.max, Int.min, 0, -1, 315_360_001])
    func scenarioTokenLifetime_outOfRange_isRefusedAtStart(lifetime: Int) {
        var scenario = Scenario.minimal
        scenario.tokenLifetimeSeconds = lifetime
        #expect(throws: ScenarioError.self) { try TestGateway.make(scenario: scenario) }
    }

    @Test func directIssue_withAnOutOfRangeLifetime_throws() {
        let tokens = TokenService(signingKey: .processDefault, identifiers: Identifiers(seed: 1))
        for lifetime in [Int.max, Int.min, 0] {
            #expect(throws: FakeError.self) {
                try tokens.issue(clientID: "c", tenant: "t", scopes: [], issuer: "i", nowSeconds: Int64.max - 10, lifetimeSeconds: lifetime)
            }
        }
        #expect(throws: FakeError.self) {
            try tokens.issue(clientID: "c", tenant: "t", scopes: [], issuer: "i", nowSeconds: Int64.max - 10, lifetimeSeconds: 1800)
        }
    }

    @Test(arguments: [
        ("2024-01-01T00:00:00.000Z", "intervalMilliseconds: 9223372036854775807"),
        ("2024-01-01T00:00:00.000Z", "intervalSeconds: 9223372036854775807"),
        ("2024-01-01T00:00:00.000Z", "intervalMilliseconds: -5"),
        ("2024-01-01T00:00:00.000Z", "intervalMilliseconds: 31536000001"),
        ("9999-12-31T23:59:59.000Z", "intervalSeconds: 2"),
    ])
    func generatedSeries_extremeIntervals_areRefused(start: String, setting: String) throws {
        let generate = "generate:\n  start: \(start)\n  count: 2\n  \(setting)\n  variables: {c: {kind: counter}}"
        let node = try #require(try ScenarioNode.parse(generate, file: "g.yaml").child("generate"))
        #expect(throws: ScenarioError.self) { try SeriesGenerator(node: node, seed: 1).records() }
    }

    // A fractional start or step is cut, as scenarios have always had it (GeneratedSeriesLimitsTests).
    @Test(arguments: ["start: 1e300", "step: 1e300", "step: -9223372036854775807"])
    func generatedCounter_extremeNumbers_areRefused(setting: String) throws {
        let generate = "generate:\n  start: 2024-01-01T00:00:00.000Z\n  count: 2000000\n  variables: {c: {kind: counter, \(setting)}}"
        let node = try #require(try ScenarioNode.parse(generate, file: "g.yaml").child("generate"))
        #expect(throws: ScenarioError.self) { _ = try SeriesGenerator(node: node, seed: 1).records().count }
    }
}
