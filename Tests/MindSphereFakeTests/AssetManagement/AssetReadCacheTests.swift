import HTTPTypes
import Testing

@testable import MindSphereFake

/// `GET /assets/{id}` reuses rendered bytes; every change that shapes the asset must show in the next read.
@Suite struct AssetReadCacheTests {
    @Test func readChild_afterParentRename_showsNewNameInHierarchyPath() throws {
        let client = try AssetClient()
        let parent = try require(client.createAsset(name: "line")["assetId"]?.stringValue)
        let child = try require(client.createAsset(name: "robot", parentID: parent)["assetId"]?.stringValue)
        let before = try client.getJSON("/assets/\(child)")
        #expect(before["hierarchyPath"]?.arrayValue?.last?["name"] == .string("line"))
        let renamed = client.send(.put, "/assets/\(parent)", body: #"{"name":"cell"}"#, headers: ["If-Match": "0"])
        #expect(renamed.status == .ok)
        let after = try client.getJSON("/assets/\(child)")
        #expect(after["hierarchyPath"]?.arrayValue?.last?["name"] == .string("cell"))
    }

    @Test func readAsset_afterUpdate_showsNewValuesAndEtag() throws {
        let client = try AssetClient()
        let id = try require(client.createAsset(name: "pump")["assetId"]?.stringValue)
        #expect(try client.getJSON("/assets/\(id)")["description"] != .string("changed"))
        let patched = client.send(
            .patch, "/assets/\(id)", body: #"{"description":"changed"}"#,
            headers: ["If-Match": "0", "Content-Type": "application/merge-patch+json"])
        #expect(patched.status == .ok)
        let after = try client.getJSON("/assets/\(id)")
        #expect(after["description"] == .string("changed"))
        #expect(after["etag"] == .int(1))
    }

    @Test func readAsset_throughAnotherHost_rendersThatHostsLinks() throws {
        let client = try AssetClient()
        let id = try require(client.createAsset(name: "valve")["assetId"]?.stringValue)
        let first = try client.getJSON("/assets/\(id)")
        let viaOtherHost = client.send(.get, "/assets/\(id)", headers: ["Host": "other.example:9"])
        let firstHref = first["_links"]?["self"]?["href"]?.stringValue ?? ""
        let otherHref = viaOtherHost.bodyJSON?["_links"]?["self"]?["href"]?.stringValue ?? ""
        #expect(!firstHref.contains("other.example"))
        #expect(otherHref.hasPrefix("http://other.example:9/"))
    }
}
