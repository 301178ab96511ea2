import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct AssetStoreScenarioTests {
    private func scenario() throws -> Scenario {
        var scenario = Scenario.minimal
        let aspect = try #require(
            try JSONParser.parse(
                #"{"name":"acceleration","category":"dynamic","variables":[{"name":"x","dataType":"DOUBLE","unit":"m/s^2","qualityCode":true}]}"#
            ).objectValue)
        let type = try #require(
            try JSONParser.parse(
                #"{"name":"mobilephone","parentTypeId":"core.basicdevice","aspects":[{"name":"acc","aspectTypeId":"iiotuxpc.acceleration"}]}"#
            ).objectValue)
        let root = try #require(try JSONParser.parse(#"{"name":"iiotuxpc","typeId":"core.basicenterprise"}"#).objectValue)
        let phone = try #require(
            try JSONParser.parse(
                #"{"name":"MobilePhone","typeId":"iiotuxpc.mobilephone","parentId":"343a6a61f5ef48c899b13f9c1be45b07"}"#
            ).objectValue)
        scenario.aspectTypes = [ScenarioResource(tenant: "iiotuxpc", body: aspect)]
        scenario.assetTypes = [ScenarioResource(tenant: "iiotuxpc", body: type)]
        scenario.assets = [
            ScenarioResource(tenant: "iiotuxpc", id: "343a6a61f5ef48c899b13f9c1be45b07", body: root),
            ScenarioResource(tenant: "iiotuxpc", id: "574fbc1ab7964fa3a6acf1173707a256", body: phone),
        ]
        return scenario
    }

    @Test func scenario_seedsTypesAndAssets_withGivenIDs() throws {
        let client = try AssetClient(scenario: try scenario())
        #expect(try client.rootID() == "343a6a61f5ef48c899b13f9c1be45b07")
        let phone = try client.getJSON("/assets/574fbc1ab7964fa3a6acf1173707a256")
        #expect(phone["typeId"] == .string("iiotuxpc.mobilephone"))
        #expect(phone["hierarchyPath"]?.arrayValue?.first?["assetId"] == .string("343a6a61f5ef48c899b13f9c1be45b07"))
    }

    @Test func aspectSchema_answersForTimeSeries() throws {
        let client = try AssetClient(scenario: try scenario())
        let store = client.fake.assets
        guard case .found(let schema) = store.aspectSchema(tenant: "iiotuxpc", assetID: "574fbc1ab7964fa3a6acf1173707a256", aspectName: "acc") else {
            Issue.record("schema not found")
            return
        }
        #expect(schema.category == .dynamic)
        #expect(schema.aspectTypeID == "iiotuxpc.acceleration")
        #expect(schema.variables.map(\.name) == ["x"])
        #expect(schema.variables.first?.qualityCode == true)
        #expect(store.aspectSchema(tenant: "iiotuxpc", assetID: "574fbc1ab7964fa3a6acf1173707a256", aspectName: "nope") == .aspectNotFound)
        #expect(store.aspectSchema(tenant: "iiotuxpc", assetID: "00000000000000000000000000000000", aspectName: "acc") == .assetNotFound)
        #expect(store.aspectSchema(tenant: "othertnt", assetID: "574fbc1ab7964fa3a6acf1173707a256", aspectName: "acc") == .assetNotFound)
    }

    @Test func scenario_badResource_namesItsOrigin() throws {
        var scenario = try scenario()
        let bad = try #require(
            try JSONParser.parse(#"{"name":"broken","category":"static","variables":[{"name":"b","dataType":"BIG_STRING"}]}"#).objectValue)
        scenario.aspectTypes.append(ScenarioResource(tenant: "iiotuxpc", body: bad, origin: SourceLocation(file: "s.yaml", line: 7)))
        #expect(throws: ScenarioError.self) { try TestGateway.make(scenario: scenario) }
        do {
            _ = try TestGateway.make(scenario: scenario)
        } catch let error as ScenarioError {
            #expect(error.description.hasPrefix("s.yaml:7: aspect type 'iiotuxpc.broken'"))
            #expect(error.description.contains("BIG_STRING"))
        }
    }
}
