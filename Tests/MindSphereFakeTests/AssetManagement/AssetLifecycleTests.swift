import Foundation
import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct AssetLifecycleTests {
    @Test func createAsset_minimalBody_answers201WithHierarchy() throws {
        let client = try AssetClient()
        let root = try client.rootID()
        let response = client.send(.post, "/assets", body: #"{"name":"machine","typeId":"core.basicsite","parentId":"\#(root)"}"#)
        #expect(response.status == .created)
        let asset = try #require(response.bodyJSON)
        #expect(asset["etag"] == .int(0))
        #expect(asset["parentId"] == .string(root))
        #expect(asset["timezone"] == .string("Europe/Berlin"))
        #expect(asset["twinType"] == .string("performance"))
        #expect(asset["externalId"] == .null)
        #expect(asset["deleted"] == .null)
        #expect(asset["hierarchyPath"] == .array([.object(["assetId": .string(root), "name": .string("iiotuxpc")])]))
        let id = try #require(asset["assetId"]?.stringValue)
        #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let read = try client.getJSON("/assets/\(id)")
        #expect(read == asset)
    }

    @Test(arguments: [
        (#"{"typeId":"core.basicsite","parentId":"ROOT"}"#, "mdsp.core.generic.missingRequestBodyProperty", "'name'"),
        (#"{"name":"x","parentId":"ROOT"}"#, "mdsp.core.generic.missingRequestBodyProperty", "'typeId'"),
        (#"{"name":"x","typeId":"core.basicsite"}"#, "mdsp.core.generic.missingRequestBodyProperty", "'parentId'"),
        (#"{"name":"x","typeId":"iiotuxpc.nope","parentId":"ROOT"}"#, "mdsp.core.generic.invalidRequestBodyProperty", "iiotuxpc.nope"),
        (#"{"name":"x","typeId":"core.basicagent","parentId":"ROOT"}"#, "mdsp.core.generic.invalidRequestBodyProperty", "not instantiable"),
        (
            #"{"name":"x","typeId":"core.basicsite","parentId":"0123456789abcdef0123456789abcdef"}"#, "mdsp.core.generic.invalidRequestBodyProperty",
            "0123456789abcdef0123456789abcdef"
        ),
        (
            #"{"name":"x","typeId":"core.basicsite","parentId":"ROOT","twinType":"digital"}"#, "mdsp.core.generic.invalidRequestBodyProperty",
            "digital"
        ),
        (
            #"{"name":"x","typeId":"core.basicsite","parentId":"ROOT","variables":[{"name":"ghost","value":"1"}]}"#,
            "mdsp.core.generic.invalidRequestBodyProperty", "ghost"
        ),
        (
            #"{"name":"x","typeId":"core.basicsite","parentId":"ROOT","location":{"latitude":95}}"#, "mdsp.core.generic.invalidRequestBodyProperty",
            "latitude"
        ),
        (#"[1]"#, "mdsp.core.generic.invalidRequestBodyProperty", "JSON object"),
        (#"{"name":"#, "mdsp.core.generic.invalidRequestBodyProperty", "not valid JSON"),
    ])
    func createAsset_invalidBody_isRefused(body: String, code: String, fragment: String) throws {
        let client = try AssetClient()
        let response = client.send(.post, "/assets", body: body.replacingOccurrences(of: "ROOT", with: try client.rootID()))
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).code == code)
        #expect(AssetClient.error(response).message.contains(fragment), "message: \(AssetClient.error(response).message)")
    }

    @Test func readAsset_unknownID_is404NamingIt() throws {
        let client = try AssetClient()
        let response = client.send(.get, "/assets/0123456789abcdef0123456789abcdef")
        #expect(response.status == .notFound)
        #expect(AssetClient.error(response).code == "mdsp.core.generic.notFound")
        #expect(AssetClient.error(response).message.contains("0123456789abcdef0123456789abcdef"))
        #expect(response.bodyJSON?["errors"]?.arrayValue?.first?.objectValue?.keys == ["code", "logref", "message"])
    }

    @Test func rootAsset_hasEmptyHierarchyPath() throws {
        let client = try AssetClient()
        let root = try client.getJSON("/assets/root")
        #expect(root["hierarchyPath"] == .array([]))
        #expect(root["typeId"] == .string("core.basicenterprise"))
    }

    @Test func staticAspectValues_appearOnTheAsset_likeTheSeed() throws {
        let client = try AssetClient()
        try client.createAspectType(
            "status",
            variables:
                #"[{"name":"connected","dataType":"BOOLEAN"},{"name":"lastUpdated","dataType":"TIMESTAMP"},{"name":"note","dataType":"STRING","length":10,"defaultValue":"n/a"}]"#
        )
        try client.createAspectType("accel", category: "dynamic", variables: #"[{"name":"x","dataType":"DOUBLE"}]"#)
        try client.createAssetType(
            "station",
            aspects: #"[{"name":"connectivityStatus","aspectTypeId":"iiotuxpc.status"},{"name":"acceleration","aspectTypeId":"iiotuxpc.accel"}]"#,
            variables: #"[{"name":"serial","dataType":"STRING"}]"#)
        let asset = try client.createAsset(
            name: "machine", typeID: "iiotuxpc.station",
            extra:
                #","aspects":[{"name":"connectivityStatus","variables":[{"name":"connected","value":"false"}]}],"variables":[{"name":"serial","value":"S-1"}]"#
        )
        #expect(asset["variables"] == .array([.object(["name": .string("serial"), "value": .string("S-1")])]))
        #expect(
            asset["aspects"]
                == .array([
                    .object([
                        "name": .string("connectivityStatus"),
                        "variables": .array([
                            .object(["name": .string("connected"), "value": .string("false")]),
                            .object(["name": .string("note"), "value": .string("n/a")]),
                        ]),
                    ])
                ]))
        let id = try #require(asset["assetId"]?.stringValue)
        let aspects = try client.getJSON("/assets/\(id)/aspects")
        #expect(AssetClient.names(aspects, "aspects") == ["acceleration", "connectivityStatus"])
        let first = try #require(aspects["_embedded"]?["aspects"]?.arrayValue?.first?.objectValue)
        #expect(first.keys == ["aspectTypeId", "holderAssetId", "name", "category", "description", "variables", "_links"])
        #expect(first["holderAssetId"] == .string(id))
        let dynamicOnly = try client.getJSON("/assets/\(id)/aspects?filter=" + PercentDecoding.encode(#"{"category":"dynamic"}"#))
        #expect(AssetClient.names(dynamicOnly, "aspects") == ["acceleration"])
        let variables = try client.getJSON("/assets/\(id)/variables?size=2000")
        #expect(AssetClient.names(variables, "variables") == ["serial"])
        let bad = client.send(
            .post, "/assets",
            body:
                #"{"name":"m2","typeId":"iiotuxpc.station","parentId":"\#(try client.rootID())","aspects":[{"name":"connectivityStatus","variables":[{"name":"connected","value":"yes"}]}]}"#
        )
        #expect(bad.status == .badRequest)
        #expect(AssetClient.error(bad).message.contains("'yes'"))
    }

    @Test func putAsset_replacesValues_andIncrementsEtag() throws {
        let client = try AssetClient()
        let asset = try client.createAsset(name: "old", extra: #","description":"d","externalId":"e""#)
        let id = try #require(asset["assetId"]?.stringValue)
        let response = client.send(.put, "/assets/\(id)", body: #"{"name":"new","description":"changed"}"#, headers: ["If-Match": "0"])
        #expect(response.status == .ok)
        let updated = try #require(response.bodyJSON)
        #expect(updated["name"] == .string("new"))
        #expect(updated["description"] == .string("changed"))
        #expect(updated["externalId"] == .null)
        #expect(updated["etag"] == .int(1))
        let moved = client.send(.put, "/assets/\(id)", body: #"{"name":"n","typeId":"core.basicarea"}"#, headers: ["If-Match": "1"])
        #expect(moved.status == .badRequest)
        #expect(AssetClient.error(moved).message.contains("core.basicarea"))
    }

    @Test func patchAsset_wholeGetResult_isTolerated() throws {
        let client = try AssetClient()
        let asset = try client.createAsset(name: "patchme", extra: #","description":"keep""#)
        let id = try #require(asset["assetId"]?.stringValue)
        var body = try #require(asset.objectValue)
        body["name"] = .string("patched")
        var headers = ["If-Match": "0", "Content-Type": "application/merge-patch+json"]
        let response = client.send(.patch, "/assets/\(id)", body: JSONWriter.string(.object(body)), headers: headers)
        #expect(response.status == .ok, "\(response.bodyText)")
        #expect(response.bodyJSON?["name"] == .string("patched"))
        #expect(response.bodyJSON?["description"] == .string("keep"))
        headers["If-Match"] = "1"
        let partial = client.send(.patch, "/assets/\(id)", body: #"{"description":null,"location":{"country":"Germany"}}"#, headers: headers)
        #expect(partial.bodyJSON?["description"] == .null)
        #expect(partial.bodyJSON?["name"] == .string("patched"))
        #expect(partial.bodyJSON?["location"] == .object(["country": .string("Germany")]))
        #expect(partial.bodyJSON?["etag"] == .int(2))
    }

    @Test func deleteAsset_refusedWithChildren_thenMarksDeleted() throws {
        let client = try AssetClient()
        let parent = try client.createAsset(name: "parent")
        let parentID = try #require(parent["assetId"]?.stringValue)
        let child = try client.createAsset(name: "child", parentID: parentID)
        let childID = try #require(child["assetId"]?.stringValue)
        let refused = client.send(.delete, "/assets/\(parentID)", headers: ["If-Match": "0"])
        #expect(refused.status == .conflict)
        #expect(AssetClient.error(refused).code == "mdsp.core.generic.conflict")
        #expect(AssetClient.error(refused).message.contains(childID))
        let deleted = client.send(.delete, "/assets/\(childID)", headers: ["If-Match": "0"])
        #expect(deleted.status == .noContent && deleted.body.isEmpty)
        let read = try client.getJSON("/assets/\(childID)")
        #expect(read["deleted"] == .string("2023-02-20T00:00:00.000Z"))
        #expect(read["etag"] == .int(1))
        #expect(client.send(.put, "/assets/\(childID)", body: #"{"name":"x"}"#, headers: ["If-Match": "1"]).status == .notFound)
        #expect(client.send(.delete, "/assets/\(parentID)", headers: ["If-Match": "0"]).status == .noContent)
        let rootID = try client.rootID()
        #expect(client.send(.delete, "/assets/\(rootID)", headers: ["If-Match": "0"]).status == .conflict)
    }

    @Test func moveAsset_changesParent_andRefusesCycles() throws {
        let client = try AssetClient()
        let a = try #require(try client.createAsset(name: "a")["assetId"]?.stringValue)
        let b = try #require(try client.createAsset(name: "b")["assetId"]?.stringValue)
        let c = try #require(try client.createAsset(name: "c", parentID: a)["assetId"]?.stringValue)
        let moved = client.send(.post, "/assets/\(a)/move", body: #"{"newParentId":"\#(b)"}"#, headers: ["If-Match": "0"])
        #expect(moved.status == .ok)
        #expect(moved.bodyJSON?["parentId"] == .string(b))
        let grandchild = try client.getJSON("/assets/\(c)")
        #expect(grandchild["hierarchyPath"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["iiotuxpc", "b", "a"])
        let cycle = client.send(.post, "/assets/\(b)/move", body: #"{"newParentId":"\#(c)"}"#, headers: ["If-Match": "0"])
        #expect(cycle.status == .badRequest)
        #expect(AssetClient.error(cycle).message.contains(c))
        let missing = client.send(.post, "/assets/\(b)/move", body: #"{}"#, headers: ["If-Match": "0"])
        #expect(AssetClient.error(missing).message.contains("newParentId"))
    }

    @Test func location_putAndDelete_answerTheAsset() throws {
        let client = try AssetClient()
        let id = try #require(try client.createAsset(name: "located")["assetId"]?.stringValue)
        let body = #"{"country":"Germany","locality":"Erlangen","longitude":11.0,"latitude":49.6,"extra":"ignored"}"#
        let put = client.send(.put, "/assets/\(id)/location", body: body, headers: ["If-Match": "0"])
        #expect(put.status == .ok)
        #expect(put.bodyJSON?["location"]?.objectValue?.keys == ["country", "locality", "longitude", "latitude"])
        #expect(put.bodyJSON?["etag"] == .int(1))
        let delete = client.send(.delete, "/assets/\(id)/location", headers: ["If-Match": "1"])
        #expect(delete.status == .ok)
        #expect(delete.bodyJSON?["location"] == .null)
        #expect(client.send(.delete, "/assets/\(id)/location", headers: ["If-Match": "1"]).status == .preconditionFailed)
    }

    @Test func basicFieldsOnly_leavesOutInheritedValues() throws {
        let client = try AssetClient()
        try client.createAssetType("probe", parent: "core.basicdevice", variables: #"[{"name":"range","dataType":"INT","defaultValue":"5"}]"#)
        try client.createAsset(name: "p1", typeID: "iiotuxpc.probe", extra: #","variables":[{"name":"serialNumber","value":"SN"}]"#)
        let filter = PercentDecoding.encode(#"{"name":"p1"}"#)
        let full = try client.getJSON("/assets?filter=\(filter)")["_embedded"]?["assets"]?.arrayValue?.first
        #expect(full?["variables"]?.arrayValue?.count == 2)
        let basic = try client.getJSON("/assets?basicFieldsOnly=true&filter=\(filter)")
        #expect(
            basic["_embedded"]?["assets"]?.arrayValue?.first?["variables"] == .array([.object(["name": .string("range"), "value": .string("5")])]))
        #expect(basic["_links"]?["self"]?["href"]?.stringValue?.contains("basicFieldsOnly=true") == true)
    }
}
