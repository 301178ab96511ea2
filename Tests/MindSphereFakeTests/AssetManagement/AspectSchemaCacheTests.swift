import HTTPTypes
import Testing

@testable import MindSphereFake

/// `AssetStore.aspectSchema` answers repeated questions from the tenant's cache; every answer must equal the one
/// worked out afresh from the model, for near misses of the key and after every change that shapes it.
@Suite struct AspectSchemaCacheTests {
    /// Asks the store (through its cache) and the model directly, and expects the same answer.
    private func expectFresh(_ client: AssetClient, _ assetID: String, _ aspect: String, _ comment: Comment) -> AspectSchemaLookup {
        let store = client.fake.assets
        let cached = store.aspectSchema(tenant: "iiotuxpc", assetID: assetID, aspectName: aspect)
        let fresh = store.withTenant("iiotuxpc") { model in model.freshAspectSchema(assetID: assetID, aspectName: aspect) }
        #expect(cached == fresh, comment)
        return cached
    }

    @Test func nearMissesAndChanges_answerAsTheModelDoes() throws {
        let client = try AssetClient()
        try client.createAspectType("vibration", category: "dynamic", variables: #"[{"name":"v","dataType":"DOUBLE"}]"#)
        try client.createAssetType("motor", aspects: #"[{"name":"vibration","aspectTypeId":"iiotuxpc.vibration"}]"#)
        let id = try require(client.createAsset(name: "m1", typeID: "iiotuxpc.motor")["assetId"]?.stringValue)

        guard case .found(let schema) = expectFresh(client, id, "vibration", "the aspect") else {
            Issue.record("no schema for the aspect")
            return
        }
        #expect(schema.variables.map(\.name) == ["v"])
        #expect(expectFresh(client, id, "vibration", "asked again") == .found(schema))
        for near in ["vibratio", "vibrationX", "Vibration", "vibratioN", ""] {
            #expect(expectFresh(client, id, near, "near miss \(near)") == .aspectNotFound)
        }
        let otherID = String(id.dropLast()) + (id.last == "0" ? "1" : "0")
        #expect(expectFresh(client, otherID, "vibration", "an id one character off") == .assetNotFound)

        let changed = client.send(
            .put, "/aspecttypes/iiotuxpc.vibration",
            body:
                #"{"name":"vibration","category":"dynamic","scope":"private","variables":[{"name":"v","dataType":"DOUBLE"},{"name":"w","dataType":"INT"}]}"#,
            headers: ["If-Match": "0"])
        #expect(changed.status == .ok, "\(changed.bodyText)")
        guard case .found(let wider) = expectFresh(client, id, "vibration", "after the aspect type changed") else {
            Issue.record("no schema after the change")
            return
        }
        #expect(wider.variables.map(\.name) == ["v", "w"])

        #expect(client.send(.delete, "/assets/\(id)", headers: ["If-Match": "0"]).status == .noContent)
        #expect(expectFresh(client, id, "vibration", "after the asset was deleted") == .assetNotFound)
    }
}
