import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct ControlClockAndTokenTests {
    private func control(_ fake: FakeGateway, _ method: HTTPRequest.Method, _ path: String, body: String? = nil) -> FakeResponse {
        var fields: HTTPFields = [:]
        if body != nil { fields[.contentType] = "application/json" }
        return fake.handle(FakeRequest(method: method, target: path, headerFields: fields, body: Array((body ?? "").utf8)))
    }

    private func assetList(_ fake: FakeGateway, token: String) -> FakeResponse {
        fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token))
    }

    @Test func frozenClock_advanced1801Seconds_expiresToken() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 5), clock: .system())
        #expect(control(fake, .post, "/_fake/clock", body: #"{"frozen":true}"#).status == .ok)
        let token = try fake.token()
        #expect(assetList(fake, token: token).status == .ok)
        let advanced = control(fake, .post, "/_fake/clock", body: #"{"advanceSeconds":1799}"#)
        #expect(advanced.bodyJSON?["frozen"] == .bool(true))
        #expect(assetList(fake, token: token).status == .ok)
        _ = control(fake, .post, "/_fake/clock", body: #"{"advanceSeconds":2}"#)
        let expired = assetList(fake, token: token)
        #expect(expired.status == .unauthorized)
        #expect(expired.bodyJSON?["error"]?.stringValue == "token_validation_failed")
    }

    @Test func clockSet_movesNowToTheGivenInstant() throws {
        let fake = try TestGateway.make()
        let response = control(fake, .post, "/_fake/clock", body: #"{"set":"2030-01-02T03:04:05.678Z"}"#)
        #expect(response.bodyJSON?["now"]?.stringValue == "2030-01-02T03:04:05.678Z")
        #expect(control(fake, .get, "/_fake/clock").bodyJSON?["epochMilliseconds"] == .number(.integer(1_893_553_445_678)))
    }

    @Test func clockPost_badBodies_answer400() throws {
        let fake = try TestGateway.make()
        for body in [#"{"set":"yesterday"}"#, #"{"advanceSeconds":"x"}"#, #"{"speed":2}"#, "[]", "not json"] {
            let response = control(fake, .post, "/_fake/clock", body: body)
            #expect(response.status == .badRequest, "\(body)")
            #expect(response.bodyJSON?["error"]?.stringValue == "bad_request")
        }
    }

    @Test func expireAll_rejectsEarlierTokens_acceptsNewOnes() throws {
        let fake = try TestGateway.make()
        let old = try fake.token()
        #expect(control(fake, .post, "/_fake/tokens/expire").bodyJSON?["expired"]?.stringValue == "all")
        #expect(assetList(fake, token: old).status == .unauthorized)
        fake.clock.advance(milliseconds: 1000)
        let fresh = try fake.token()
        #expect(assetList(fake, token: fresh).status == .ok)
    }

    @Test func expireOne_rejectsOnlyThatToken() throws {
        let fake = try TestGateway.make()
        let first = try fake.token()
        let second = try fake.token()
        let response = control(fake, .post, "/_fake/tokens/expire", body: #"{"token":"\#(first)"}"#)
        #expect(response.status == .ok)
        #expect(assetList(fake, token: first).status == .unauthorized)
        #expect(assetList(fake, token: second).status == .ok)
    }

    @Test func reset_clearsRevocationsAndClock() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 5), clock: .system())
        fake.control.freezeClock(true)
        fake.control.advanceClock(milliseconds: 3_600_000)
        #expect(control(fake, .post, "/_fake/reset").status == .ok)
        #expect(fake.clock.isFrozen == false)
        let token = try fake.token()
        #expect(assetList(fake, token: token).status == .ok)
    }

    @Test func controlPlane_needsNoToken_andHealthStays() throws {
        let fake = try TestGateway.make()
        #expect(control(fake, .get, "/_fake/health").bodyJSON?["status"]?.stringValue == "ok")
        #expect(control(fake, .get, "/_fake/state").status == .ok)
        #expect(control(fake, .get, "/_fake/nothing").status == .notFound)
    }
}
