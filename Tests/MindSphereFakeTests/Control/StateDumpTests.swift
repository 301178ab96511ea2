import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct StateDumpTests {
    private let series = "/api/iottimeseries/v3/timeseries/60bf86d1d051416f853b1e22f3714b8c/real_log"
    private let range = "?from=2023-02-20T00:00:00.000Z&to=2023-02-21T00:00:00.000Z"

    @Test func state_dumpedThenPosted_restoresWrittenData() throws {
        let fake = try FakeGateway(
            configuration: FakeConfiguration(scenario: try .defaultScenario(), seed: 2),
            clock: .frozen(at: TestGateway.epoch))
        let token = try fake.token()
        let record =
            #"[{"_time":"2023-02-20T02:01:01.001Z","activity_type":"started","machine_id":"m","part_id":"1","queue":"q","timestamp":"2023-02-20T02:01:01.001Z"}]"#
        #expect(fake.handle(FakeRequest.authorized(.put, series, token: token, body: record)).status.code < 300)
        let created = fake.handle(
            FakeRequest.authorized(
                .post, "/api/assetmanagement/v3/assets", token: token,
                body: #"{"name":"extra","typeId":"core.basicarea","parentId":"60bf86d1d051416f853b1e22f3714b8c"}"#))
        #expect(created.status == .created, "\(created.bodyText)")
        let dump = fake.handle(FakeRequest(method: .get, target: "/_fake/state"))
        #expect(dump.bodyJSON?["assetManagement"]?.arrayValue?.first?["assets"]?.arrayValue?.count == 5)

        try fake.control.reset()
        #expect(fake.handle(FakeRequest.authorized(.get, series + range, token: token)).bodyJSON == .array([]))

        let posted = fake.handle(
            FakeRequest(method: .post, target: "/_fake/state", headerFields: [.contentType: "application/json"], body: dump.body))
        #expect(posted.status == .ok, "\(posted.bodyText)")
        let token2 = try fake.token()
        #expect(fake.handle(FakeRequest.authorized(.get, series + range, token: token2)).bodyJSON?.arrayValue?.count == 1)
        let list = fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token2))
        #expect(list.bodyJSON?["page"]?["totalElements"] == .int(5))
        let names = list.bodyJSON?["_embedded"]?["assets"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("extra") && names.contains("RPI Device"))
    }

    @Test func state_postedGarbage_is400AndKeepsTheScenario() throws {
        let fake = try FakeGateway(
            configuration: FakeConfiguration(scenario: try .defaultScenario(), seed: 2),
            clock: .frozen(at: TestGateway.epoch))
        let response = fake.handle(
            FakeRequest(
                method: .post, target: "/_fake/state", headerFields: [.contentType: "application/json"],
                body: Array(#"{"x":1}"#.utf8)))
        #expect(response.status == .badRequest)
        #expect(fake.control.scenario.name == "default")
    }
}
