import Foundation
import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct DefaultScenarioTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedCopy_equalsScenariosDefaultYaml() throws {
        let onDisk = try String(contentsOf: Self.root.appendingPathComponent("scenarios/default.yaml"), encoding: .utf8)
        #expect(Scenario.defaultScenarioText + "\n" == onDisk, "run scenarios/embed-default.sh after editing scenarios/default.yaml")
    }

    @Test func defaultScenario_hasSeedTenantCredentialAndAssets() throws {
        let scenario = try Scenario.defaultScenario()
        #expect(scenario.tenants == ["iiotuxpc"])
        #expect(scenario.appCredentials.map(\.clientID) == [AppCredential.fakeDefault.clientID])
        #expect(scenario.appCredentials.first?.clientSecret == AppCredential.fakeDefault.clientSecret)
        #expect(
            scenario.assets.map { $0.id ?? "" } == [
                "343a6a61f5ef48c899b13f9c1be45b07", "60bf86d1d051416f853b1e22f3714b8c",
                "574fbc1ab7964fa3a6acf1173707a256", "9c722dc9893e44e4a522295ebf2879b5",
            ])
        #expect(
            scenario.assets.map { $0.body["parentId"]?.stringValue ?? "?" } == [
                "", "343a6a61f5ef48c899b13f9c1be45b07", "343a6a61f5ef48c899b13f9c1be45b07", "343a6a61f5ef48c899b13f9c1be45b07",
            ])
        #expect(scenario.timeSeries.first?.records.count == 4)
        #expect(scenario.timeSeries.first?.records.first?["x"] == .double(0.22505496442317963))
    }

    @Test func seedSnippets_tokenAssetListPutAndGet_succeed() throws {
        let fake = try FakeGateway(
            configuration: FakeConfiguration(scenario: try Scenario.defaultScenario(), seed: 3),
            clock: .frozen(at: TestGateway.epoch))
        let token = try fake.token()
        let list = fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token))
        #expect(list.status == .ok)
        let assets = list.bodyJSON?["_embedded"]?["assets"]?.arrayValue ?? []
        #expect(assets.compactMap { $0["name"]?.stringValue }.sorted() == ["MobilePhone", "RPI Device", "iiotuxpc", "machine"])
        let put = """
            [{"_time":"2023-02-20T02:01:01.001Z","activity_type":"started","machine_id":"machine_1","part_id":"100","queue":"queue 1","timestamp":"2023-02-20T02:01:01.001Z"},
             {"_time":"2023-02-20T02:02:01.001Z","activity_type":"finished","machine_id":"machine_1","part_id":"100","queue":"queue 1","timestamp":"2023-02-20T02:02:01.001Z"}]
            """
        let series = "/api/iottimeseries/v3/timeseries/60bf86d1d051416f853b1e22f3714b8c/real_log"
        let written = fake.handle(FakeRequest.authorized(.put, series, token: token, body: put))
        #expect(written.status.code < 300, "\(written.bodyText)")
        #expect(written.body.isEmpty)
        let read = fake.handle(FakeRequest.authorized(.get, series + "?from=2023-02-20T02:00:01.001Z&to=2023-02-20T02:02:01.001Z", token: token))
        #expect(read.status == .ok)
        #expect(read.bodyJSON?.arrayValue?.first?["activity_type"] == .string("started"), "\(read.bodyText)")
        let acceleration = fake.handle(
            FakeRequest.authorized(
                .get,
                "/api/iottimeseries/v3/timeseries/574fbc1ab7964fa3a6acf1173707a256/acceleration?from=2023-02-22T19:00:00.000Z&to=2023-02-22T20:00:00.000Z",
                token: token))
        #expect(acceleration.bodyJSON?.arrayValue?.count == 4, "\(acceleration.bodyText)")
    }

    /// The official TypeScript SDK's aspect-type tests, run against a fresh default tenant: the first page is full
    /// (10), the tenant's own filter still fills it once the tests' `before` hook has added its 3 types, and
    /// `size=0` answers a default page rather than an empty one.
    @Test func aspectTypeLists_fillTheFirstPage_asTheOfficialSDKsTestsExpect() throws {
        let fake = try FakeGateway(
            configuration: FakeConfiguration(scenario: try Scenario.defaultScenario(), seed: 3),
            clock: .frozen(at: TestGateway.epoch))
        let token = try fake.token()
        func list(_ query: String) -> JSONValue? {
            fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/aspecttypes" + query, token: token)).bodyJSON
        }
        let firstPage = list("")
        #expect(firstPage?["page"]?["size"] == .int(10) && firstPage?["page"]?["number"] == .int(0))
        #expect(firstPage?["_embedded"]?["aspectTypes"]?.arrayValue?.count == 10)
        let ownFilter = "?filter=" + PercentDecoding.encode(#"{"id":{"startsWith":"iiotuxpc"}}"#)
        let own = list(ownFilter + "&size=100")?["_embedded"]?["aspectTypes"]?.arrayValue ?? []
        #expect(own.count + 3 >= 10, "\(own.count) own aspect types")
        #expect(list("?size=0&sort=DESC")?["_embedded"]?["aspectTypes"]?.arrayValue?.isEmpty == false)
    }
}
