import HTTPTypes
import Testing

@testable import MindSphereFake

/// File assignments on assets and asset types: PUT/DELETE, inheritance with origin, bodies honoured, refusals.
@Suite struct FileAssignmentTests {
    private func keys(_ json: JSONValue?) -> [String] {
        (json?["fileAssignments"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
    }

    private func origin(_ json: JSONValue?, _ key: String) -> String? {
        json?["fileAssignments"]?.arrayValue?.first { $0["key"]?.stringValue == key }?["_links"]?["origin"]?["href"]?.stringValue
    }

    private func fileID(_ json: JSONValue?, _ key: String) -> String? {
        json?["fileAssignments"]?.arrayValue?.first { $0["key"]?.stringValue == key }?["fileId"]?.stringValue
    }

    /// A type `iiotuxpc.Pump` assigning `manual`, a subtype `iiotuxpc.SubPump`, and the file id.
    private func pumpFamily(_ client: AssetClient) throws -> String {
        let file = try client.uploadFile([1, 2, 3], name: "manual")
        let pump = client.send(
            .put, "/assettypes/iiotuxpc.Pump",
            body: #"{"name":"Pump","fileAssignments":[{"key":"manual","fileId":"\#(file)"}]}"#)
        #expect(pump.status == .created)
        #expect(fileID(pump.bodyJSON, "manual") == file)
        #expect(client.send(.put, "/assettypes/iiotuxpc.SubPump", body: #"{"name":"SubPump","parentTypeId":"iiotuxpc.Pump"}"#).status == .created)
        return file
    }

    @Test func typeAssignment_isInheritedBySubtypesAndAssets_withOrigin() throws {
        let client = try AssetClient()
        let file = try pumpFamily(client)
        let plain = try client.getJSON("/assettypes/iiotuxpc.SubPump")
        #expect(keys(plain).isEmpty)
        let exploded = try client.getJSON("/assettypes/iiotuxpc.SubPump?exploded=true")
        #expect(keys(exploded) == ["manual"])
        #expect(origin(exploded, "manual")?.hasSuffix("/assettypes/iiotuxpc.Pump") == true)
        #expect(origin(try client.getJSON("/assettypes/iiotuxpc.Pump?exploded=true"), "manual") == nil)
        let asset = try client.createAsset(name: "p1", typeID: "iiotuxpc.SubPump")
        #expect(fileID(asset, "manual") == file)
        #expect(origin(asset, "manual")?.hasSuffix("/assettypes/iiotuxpc.Pump") == true)
        #expect(try client.getJSON("/files/\(file)")["isAssigned"] == .bool(true))
    }

    @Test func assetAssignment_overridesTheInheritedKey_andDeleteShowsItAgain() throws {
        let client = try AssetClient()
        _ = try pumpFamily(client)
        let own = try client.uploadFile([7], name: "own manual")
        let asset = try client.createAsset(name: "p1", typeID: "iiotuxpc.SubPump")
        let id = try #require(asset["assetId"]?.stringValue)
        let put = client.send(.put, "/assets/\(id)/fileAssignments/manual", body: #"{"fileId":"\#(own)"}"#, headers: ["If-Match": "0"])
        #expect(put.status == .ok)
        #expect(put.bodyJSON?["etag"] == .int(1))
        #expect(fileID(put.bodyJSON, "manual") == own)
        #expect(origin(put.bodyJSON, "manual") == nil)
        #expect(client.send(.delete, "/assets/\(id)/fileAssignments/manual", headers: ["If-Match": "0"]).status == .preconditionFailed)
        #expect(client.send(.delete, "/assets/\(id)/fileAssignments/manual", headers: ["If-Match": "1"]).status == .noContent)
        let after = try client.getJSON("/assets/\(id)")
        #expect(after["etag"] == .int(2))
        #expect(origin(after, "manual")?.hasSuffix("/assettypes/iiotuxpc.Pump") == true)
        let again = client.send(.delete, "/assets/\(id)/fileAssignments/manual", headers: ["If-Match": "2"])
        #expect(again.status == .notFound)
    }

    @Test func typeAssignment_putAndDelete_changeEveryAssetOfTheFamily() throws {
        let client = try AssetClient()
        _ = try pumpFamily(client)
        let wiring = try client.uploadFile([4], name: "wiring")
        let asset = try #require(try client.createAsset(name: "p1", typeID: "iiotuxpc.SubPump")["assetId"]?.stringValue)
        let put = client.send(
            .put, "/assettypes/iiotuxpc.SubPump/fileAssignments/wiring", body: #"{"fileId":"\#(wiring)"}"#,
            headers: ["If-Match": "0"])
        #expect(put.status == .ok)
        #expect(keys(put.bodyJSON) == ["wiring"])
        #expect(keys(try client.getJSON("/assets/\(asset)")) == ["manual", "wiring"])
        #expect(client.send(.delete, "/assettypes/iiotuxpc.Pump/fileAssignments/manual", headers: ["If-Match": "0"]).status == .noContent)
        #expect(keys(try client.getJSON("/assets/\(asset)")) == ["wiring"])
    }

    @Test func assignmentsInBodies_areHonoured_notDropped() throws {
        let client = try AssetClient()
        let first = try client.uploadFile([1], name: "first")
        let second = try client.uploadFile([2], name: "second")
        let created = try client.createAsset(name: "a", extra: #","fileAssignments":[{"key":"doc","fileId":"\#(first)"}]"#)
        let id = try #require(created["assetId"]?.stringValue)
        #expect(fileID(created, "doc") == first)
        #expect(fileID(try client.getJSON("/assets/\(id)"), "doc") == first)
        let patched = client.send(
            .patch, "/assets/\(id)", body: #"{"fileAssignments":[{"key":"doc","fileId":"\#(second)"}]}"#,
            headers: ["If-Match": "0", "Content-Type": "application/merge-patch+json"])
        #expect(patched.status == .ok)
        #expect(fileID(patched.bodyJSON, "doc") == second)
        let untouched = client.send(
            .patch, "/assets/\(id)", body: #"{"description":"d"}"#,
            headers: ["If-Match": "1", "Content-Type": "application/merge-patch+json"])
        #expect(fileID(untouched.bodyJSON, "doc") == second)
        let replaced = client.send(.put, "/assets/\(id)", body: #"{"name":"a"}"#, headers: ["If-Match": "2"])
        #expect(replaced.status == .ok)
        #expect(keys(replaced.bodyJSON).isEmpty)
        let type = client.send(.put, "/assettypes/iiotuxpc.Doc", body: #"{"name":"Doc","fileAssignments":[{"key":"k","fileId":"\#(first)"}]}"#)
        #expect(keys(type.bodyJSON) == ["k"])
        let typePatch = client.send(
            .patch, "/assettypes/iiotuxpc.Doc", body: #"{"description":"x"}"#,
            headers: ["If-Match": "0", "Content-Type": "application/merge-patch+json"])
        #expect(typePatch.status == .ok)
        #expect(keys(typePatch.bodyJSON) == ["k"])
    }

    @Test func refusals_nameTheUnknownFile_badKeys_duplicates_andDeleteWhileAssigned() throws {
        let client = try AssetClient()
        let file = try client.uploadFile([1], name: "f")
        let id = try #require(try client.createAsset(name: "a")["assetId"]?.stringValue)
        let unknown = client.send(.put, "/assets/\(id)/fileAssignments/doc", body: #"{"fileId":"abcd"}"#, headers: ["If-Match": "0"])
        #expect(unknown.status == .badRequest)
        #expect(AssetClient.error(unknown).message.contains("abcd"))
        let inBody = client.send(
            .post, "/assets",
            body: #"{"name":"b","typeId":"core.basicsite","parentId":"\#(try client.rootID())","fileAssignments":[{"key":"x","fileId":"abcd"}]}"#)
        #expect(inBody.status == .badRequest)
        #expect(AssetClient.error(inBody).message.contains("abcd"))
        let twice = client.send(
            .put, "/assettypes/iiotuxpc.T", body: #"{"name":"T","fileAssignments":[{"key":"x","fileId":"\#(file)"},{"key":"x","fileId":"\#(file)"}]}"#
        )
        #expect(twice.status == .badRequest)
        #expect(
            client.send(.put, "/assets/\(id)/fileAssignments/bad%20key", body: #"{"fileId":"\#(file)"}"#, headers: ["If-Match": "0"]).status
                == .badRequest)
        #expect(client.send(.put, "/assets/\(id)/fileAssignments/doc", body: #"{}"#, headers: ["If-Match": "0"]).status == .badRequest)
        #expect(client.send(.put, "/assets/\(id)/fileAssignments/doc", body: #"{"fileId":"\#(file)"}"#).status == .badRequest)
        #expect(
            client.send(.put, "/assettypes/core.basicasset/fileAssignments/doc", body: #"{"fileId":"\#(file)"}"#, headers: ["If-Match": "0"]).status
                == .forbidden)
        #expect(client.send(.put, "/assets/\(id)/fileAssignments/doc", body: #"{"fileId":"\#(file)"}"#, headers: ["If-Match": "0"]).status == .ok)
        let busy = client.send(.delete, "/files/\(file)", headers: ["If-Match": "0"])
        #expect(busy.status == .conflict)
        #expect(AssetClient.error(busy).message.contains(id))
        #expect(client.send(.delete, "/assets/\(id)/fileAssignments/doc", headers: ["If-Match": "1"]).status == .noContent)
        #expect(try client.getJSON("/files/\(file)")["isAssigned"] == .bool(false))
        #expect(client.send(.delete, "/files/\(file)", headers: ["If-Match": "0"]).status == .noContent)
    }
}
