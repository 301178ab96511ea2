import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct AssetFilterTests {
    /// A tenant with: root `iiotuxpc`, `Motor A` (site), `MyMotor` (device, externalId ext-1), `Pump B` (area),
    /// and a custom device subtype asset `Spaceship` (deleted later in tests that need it).
    private func client() throws -> (AssetClient, [String: String]) {
        let client = try AssetClient()
        try client.createAssetType("spaceship", parent: "core.basicdevice")
        var ids: [String: String] = [:]
        ids["Motor A"] = try client.createAsset(name: "Motor A", typeID: "core.basicsite")["assetId"]?.stringValue
        ids["MyMotor"] = try client.createAsset(name: "MyMotor", typeID: "core.basicdevice", extra: #","externalId":"ext-1""#)["assetId"]?.stringValue
        ids["Pump B"] = try client.createAsset(name: "Pump B", typeID: "core.basicarea")["assetId"]?.stringValue
        ids["Spaceship"] = try client.createAsset(name: "Spaceship", typeID: "iiotuxpc.spaceship")["assetId"]?.stringValue
        return (client, ids)
    }

    private func names(_ client: AssetClient, _ filter: String) throws -> [String] {
        let encoded = PercentDecoding.encode(filter)
        return AssetClient.names(try client.getJSON("/assets?size=100&filter=" + encoded))
    }

    @Test(arguments: [
        (#"{"name":"MyMotor"}"#, ["MyMotor"]),
        (#"{"name":{"eq":"MyMotor"}}"#, ["MyMotor"]),
        (#"{"name":{"in":{"value":["MyMotor","Pump B"]}}}"#, ["MyMotor", "Pump B"]),
        (#"{"name":{"startsWith":"My"}}"#, ["MyMotor"]),
        (#"{"name":{"endsWith":"B"}}"#, ["Pump B"]),
        (#"{"name":{"contains":"otor"}}"#, ["Motor A", "MyMotor"]),
        (#"{"not":{"name":{"startsWith":"M"}}}"#, ["iiotuxpc", "Pump B", "Spaceship"]),
        (#"{"name":{"not":{"contains":"o"}}}"#, ["Pump B", "Spaceship"]),
        (#"{"name":{"or":[{"eq":"Pump B"},{"endsWith":"A"}]}}"#, ["Motor A", "Pump B"]),
        (#"{"or":{"externalId":"ext-1","name":{"startsWith":"Pump"}}}"#, ["MyMotor", "Pump B"]),
        (#"{"or":[{"name":"Motor A"},{"name":"Pump B"}]}"#, ["Motor A", "Pump B"]),
        (#"{"name":{"contains":"o"},"typeId":"core.basicsite"}"#, ["Motor A"]),
        (#"{"and":{"deleted":null,"name":{"startsWith":"M"}}}"#, ["Motor A", "MyMotor"]),
        (#"{"and":[{"name":{"contains":"o"}},{"typeId":{"eq":"core.basicdevice"}}]}"#, ["MyMotor"]),
        (#"{"hasType":"core.basicdevice"}"#, ["MyMotor", "Spaceship"]),
        (#"{"hasType":"core.basicasset"}"#, ["iiotuxpc", "Motor A", "MyMotor", "Pump B", "Spaceship"]),
        (#"{"externalId":null,"parentId":{"startsWith":""},"typeId":{"endsWith":"enterprise"}}"#, ["iiotuxpc"]),
        (#"{"twinType":"performance","colour":"blue"}"#, ["iiotuxpc", "Motor A", "MyMotor", "Pump B", "Spaceship"]),
    ])
    func filter_functionsAndOperations_selectAssets(filter: String, expected: [String]) throws {
        let (client, _) = try client()
        #expect(try names(client, filter) == expected)
    }

    @Test func filter_deletedTimestamps_supportBeforeAfterBetween() throws {
        let (client, ids) = try client()
        let pump = try #require(ids["Pump B"])
        #expect(client.send(.delete, "/assets/\(pump)", headers: ["If-Match": "0"]).status == .noContent)
        // The fake's clock is frozen at 2023-02-20T00:00:00.000Z.
        #expect(try names(client, #"{"deleted":{"before":"2023-02-21T00:00:00Z"}}"#) == ["Pump B"])
        #expect(try names(client, #"{"deleted":{"after":"2023-02-20T00:00:00.00Z"}}"#) == [])
        #expect(try names(client, #"{"deleted":{"between":"[2023-02-20T00:00:00.000Z, 2023-02-21T00:00:00.000Z)"}}"#) == ["Pump B"])
        #expect(try names(client, #"{"deleted":{"between":"(2023-02-20T00:00:00.000Z, 2023-02-21T00:00:00.000Z)"}}"#) == [])
        #expect(try names(client, #"{"deleted":{"between":"[2023-02-19T00:00:00Z, 2023-02-20T00:00:00Z]"}}"#) == ["Pump B"])
        #expect(try names(client, #"{"deleted":null}"#) == ["iiotuxpc", "Motor A", "MyMotor", "Spaceship"])
        #expect(try names(client, #"{"not":{"deleted":null}}"#) == ["Pump B"])
    }

    @Test(arguments: [
        ("{name", "not valid JSON"),
        ("name eq x", "not valid JSON"),
        (#"["a"]"#, "must be a JSON object"),
        (#"{"name":{"like":"x"}}"#, "unknown function 'like'"),
        (#"{"name":{"in":["a"],"startsWith":5}}"#, "'startsWith' on field 'name' needs a string"),
        (#"{"name":{"in":"a"}}"#, "'in' on field 'name'"),
        (#"{"deleted":{"before":"yesterday"}}"#, "'yesterday' is not a timestamp"),
        (#"{"deleted":{"between":"2023-01-01T00:00:00Z"}}"#, "'between' on field 'deleted'"),
        (#"{"not":"x"}"#, "'not' needs an object"),
        (#"{"or":5}"#, "'or' needs an object or an array"),
        (#"{"name":[1]}"#, "cannot be compared with an array"),
        (#"{"hasType":1}"#, "'hasType' needs a type id"),
    ])
    func filter_malformed_isRefusedNamingTheProblem(filter: String, fragment: String) throws {
        let client = try AssetClient()
        let response = client.send(.get, "/assets?filter=" + PercentDecoding.encode(filter))
        #expect(response.status == .badRequest)
        let error = AssetClient.error(response)
        #expect(error.code == "mdsp.core.generic.invalidParameter")
        #expect(error.message.contains(fragment), "message was: \(error.message)")
    }

    @Test func filter_onTypeLists_selectsByIdAndName() throws {
        let client = try AssetClient()
        try client.createAssetType(
            "SpaceShipTypeA", parent: "core.BasicDevice", variables: #"[{"name":"temperature","dataType":"STRING","length":5}]"#)
        try client.createAssetType("SpaceShipTypeB", parent: "core.basicdevice")
        let filter = PercentDecoding.encode(#"{"and":{"id":{"startsWith":"iiotuxpc"},"name":{"startsWith":"SpaceShipType"}}}"#)
        let list = try client.getJSON("/assettypes?sort=DESC&page=0&size=0&filter=" + filter)
        #expect(AssetClient.names(list, "assetTypes") == ["SpaceShipTypeB", "SpaceShipTypeA"])
        try client.createAspectType("vibration", category: "dynamic", variables: #"[{"name":"x","dataType":"DOUBLE"}]"#)
        let aspects = try client.getJSON("/aspecttypes?filter=" + PercentDecoding.encode(#"{"id":{"in":{"value":["iiotuxpc.vibration"]}}}"#))
        #expect(AssetClient.names(aspects, "aspectTypes") == ["vibration"])
    }
}
