import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct AssetTypeTests {
    @Test func assetType_explodedView_showsInheritedMembersWithOrigin() throws {
        let client = try AssetClient()
        let created = try client.createAssetType(
            "SpaceShipTypeA", parent: "core.basicdevice",
            variables: #"[{"name":"temperature","dataType":"STRING","unit":"C/F","searchable":true,"length":5,"defaultValue":"25/77"}]"#)
        #expect(
            created.objectValue?.keys == [
                "id", "tenantId", "name", "description", "parentTypeId", "instantiable", "scope", "aspects", "variables",
                "fileAssignments", "sharing", "etag", "_links",
            ])
        #expect(created["variables"]?.arrayValue?.count == 1)
        let plain = try client.getJSON("/assettypes/iiotuxpc.SpaceShipTypeA?exploded=false")
        #expect(plain["variables"]?.arrayValue?.count == 1)
        let exploded = try client.getJSON("/assettypes/iiotuxpc.SpaceShipTypeA?exploded=True")
        let variables = try #require(exploded["variables"]?.arrayValue)
        #expect(variables.count == 3)
        #expect(variables[0]["_links"]?["origin"]?["href"] == .string("http://gateway.test/api/assetmanagement/v3/assettypes/core.basicdevice"))
        #expect(variables[2]["_links"] == nil)
        let list = try client.getJSON("/assettypes?exploded=true&filter=" + PercentDecoding.encode(#"{"id":"iiotuxpc.SpaceShipTypeA"}"#))
        #expect(list["_embedded"]?["assetTypes"]?.arrayValue?.first?["variables"]?.arrayValue?.count == 3)
    }

    @Test func assetType_coreTypes_areListed() throws {
        let client = try AssetClient()
        let list = try client.getJSON("/assettypes?size=100")
        let ids = (list["_embedded"]?["assetTypes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        for id in [
            "core.basicasset", "core.basicenterprise", "core.basicdevice", "core.basichierarchy", "core.basicsite", "core.basicarea",
            "core.basicagent", "core.mclib", "core.mcnano", "core.mciot2040",
        ] {
            #expect(ids.contains(id))
        }
        #expect(try client.getJSON("/assettypes/core.BasicAsset")["id"] == .string("core.basicasset"))
    }

    @Test(arguments: [
        (#"{"name":"t","variables":[{"name":"etag","dataType":"INT"}]}"#, "'etag' is reserved"),
        (#"{"name":"t","parentTypeId":"core.basicdevice","variables":[{"name":"serialNumber","dataType":"INT"}]}"#, "already used"),
        (#"{"name":"t","parentTypeId":"iiotuxpc.nothing"}"#, "iiotuxpc.nothing"),
        (#"{"name":"t","aspects":[{"name":"a","aspectTypeId":"iiotuxpc.missing"}]}"#, "iiotuxpc.missing"),
        (#"{"name":"t","aspects":[{"name":"aspects","aspectTypeId":"core.connectivityStatus"}]}"#, "reserved"),
        (
            #"{"name":"t","parentTypeId":"core.basicagent","aspects":[{"name":"connectivityStatus","aspectTypeId":"core.connectivityStatus"}]}"#,
            "already used"
        ),
        (#"{"name":"t","variables":[{"name":"big","dataType":"BIG_STRING"}]}"#, "BIG_STRING"),
        (#"{"name":"t","scope":"public"}"#, "public"),
    ])
    func putAssetType_ruleViolation_isRefused(body: String, fragment: String) throws {
        let client = try AssetClient()
        let response = client.send(.put, "/assettypes/iiotuxpc.t", body: body)
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).message.contains(fragment), "message: \(AssetClient.error(response).message)")
    }

    @Test func updateAssetType_changeRules() throws {
        let client = try AssetClient()
        try client.createAspectType("env", variables: #"[{"name":"a","dataType":"INT"}]"#)
        try client.createAssetType(
            "box", aspects: #"[{"name":"environment","aspectTypeId":"iiotuxpc.env"}]"#,
            variables: #"[{"name":"label","dataType":"STRING","length":10}]"#, instantiable: false)
        func put(_ body: String, etag: String = "0") -> FakeResponse {
            client.send(.put, "/assettypes/iiotuxpc.box", body: body, headers: ["If-Match": etag])
        }
        let keep = #""aspects":[{"name":"environment","aspectTypeId":"iiotuxpc.env"}]"#
        #expect(
            AssetClient.error(put(#"{"name":"box","aspects":[],"variables":[{"name":"label","dataType":"STRING","length":10}]}"#)).message.contains(
                "'environment'"))
        #expect(AssetClient.error(put(#"{"name":"box",\#(keep),"variables":[]}"#)).message.contains("'label'"))
        #expect(
            AssetClient.error(put(#"{"name":"box",\#(keep),"variables":[{"name":"label","dataType":"STRING","length":9}]}"#)).message.contains(
                "shrink"))
        #expect(AssetClient.error(put(#"{"name":"box","parentTypeId":"core.basicsite",\#(keep)}"#)).message.contains("core.basicsite"))
        let ok = put(#"{"name":"box","instantiable":true,\#(keep),"variables":[{"name":"label","dataType":"STRING","length":20}]}"#)
        #expect(ok.status == .ok)
        #expect(ok.bodyJSON?["etag"] == .int(1))
        let back = put(#"{"name":"box","instantiable":false,\#(keep),"variables":[{"name":"label","dataType":"STRING","length":20}]}"#, etag: "1")
        #expect(AssetClient.error(back).message.contains("non-instantiable"))
    }

    @Test func patchAssetType_fullResourcePlusVariable() throws {
        let client = try AssetClient()
        var type = try #require(
            try client.createAssetType("d", parent: "core.basicdevice", variables: #"[{"name":"v","dataType":"INT"}]"#).objectValue)
        var variables = try #require(type["variables"]?.arrayValue)
        variables.append(.object(["name": .string("test"), "dataType": .string("BOOLEAN")]))
        type["variables"] = .array(variables)
        let response = client.send(.patch, "/assettypes/iiotuxpc.d", body: JSONWriter.string(.object(type)), headers: ["If-Match": "0"])
        #expect(response.status == .ok, "\(response.bodyText)")
        #expect(response.bodyJSON?["variables"]?.arrayValue?.count == 2)
    }

    @Test func deleteAssetType_refusedWithChildTypesOrAssets() throws {
        let client = try AssetClient()
        try client.createAssetType("parent")
        try client.createAssetType("child", parent: "iiotuxpc.parent")
        let withChild = client.send(.delete, "/assettypes/iiotuxpc.parent", headers: ["If-Match": "0"])
        #expect(withChild.status == .conflict)
        #expect(AssetClient.error(withChild).message.contains("iiotuxpc.child"))
        let asset = try client.createAsset(name: "inst", typeID: "iiotuxpc.child")
        let withAsset = client.send(.delete, "/assettypes/iiotuxpc.child", headers: ["If-Match": "0"])
        #expect(withAsset.status == .conflict)
        let id = try #require(asset["assetId"]?.stringValue)
        #expect(client.send(.delete, "/assets/\(id)", headers: ["If-Match": "0"]).status == .noContent)
        #expect(client.send(.delete, "/assettypes/iiotuxpc.child", headers: ["If-Match": "0"]).status == .noContent)
        #expect(client.send(.delete, "/assettypes/core.basicsite", headers: ["If-Match": "0"]).status == .forbidden)
    }

    @Test func patchVariables_renamesAndGrows_answers204() throws {
        let client = try AssetClient()
        try client.createAssetType("meter", variables: #"[{"name":"serial","dataType":"STRING","length":10},{"name":"count","dataType":"INT"}]"#)
        let asset = try client.createAsset(name: "m", typeID: "iiotuxpc.meter", extra: #","variables":[{"name":"serial","value":"S1"}]"#)
        let response = client.send(
            .patch, "/assettypes/iiotuxpc.meter/variables",
            body: #"{"serial":{"name":"serialNo","length":40,"unit":"-"}}"#, headers: ["If-Match": "0"])
        #expect(response.status == .noContent && response.body.isEmpty)
        let type = try client.getJSON("/assettypes/iiotuxpc.meter")
        #expect(type["etag"] == .int(1))
        #expect(type["variables"]?.arrayValue?.first?["name"] == .string("serialNo"))
        #expect(type["variables"]?.arrayValue?.first?["length"] == .int(40))
        let id = try #require(asset["assetId"]?.stringValue)
        #expect(try client.getJSON("/assets/\(id)")["variables"] == .array([.object(["name": .string("serialNo"), "value": .string("S1")])]))
        let shrink = client.send(.patch, "/assettypes/iiotuxpc.meter/variables", body: #"{"serialNo":{"length":5}}"#, headers: ["If-Match": "1"])
        #expect(AssetClient.error(shrink).message.contains("shrink"))
        let unknown = client.send(.patch, "/assettypes/iiotuxpc.meter/variables", body: #"{"ghost":{"unit":"x"}}"#, headers: ["If-Match": "1"])
        #expect(AssetClient.error(unknown).message.contains("ghost"))
    }
}
