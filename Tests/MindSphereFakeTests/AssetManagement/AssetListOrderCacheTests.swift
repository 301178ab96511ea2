import HTTPTypes
import Testing

@testable import MindSphereFake

/// `GET /assets` keeps sorted orders between requests; every asset change must show in the next list.
@Suite struct AssetListOrderCacheTests {
    private static let notDeleted = "filter=%7B%22deleted%22:null%7D"

    private func primeOrders(_ client: AssetClient) throws {
        _ = try client.getJSON("/assets")
        _ = try client.getJSON("/assets?sort=name,desc")
        _ = try client.getJSON("/assets?sort=parentId,name,asc")
        _ = try client.getJSON("/assets?\(Self.notDeleted)")
    }

    @Test func listAssets_afterCreate_showsNewAssetInCachedOrders() throws {
        let client = try AssetClient()
        for name in ["bravo", "Charlie"] { try client.createAsset(name: name) }
        try primeOrders(client)
        try client.createAsset(name: "Alpha")
        #expect(AssetClient.names(try client.getJSON("/assets")) == ["Alpha", "bravo", "Charlie", "iiotuxpc"])
        #expect(AssetClient.names(try client.getJSON("/assets?sort=name,desc")) == ["iiotuxpc", "Charlie", "bravo", "Alpha"])
        let filtered = try client.getJSON("/assets?\(Self.notDeleted)")
        #expect(filtered["page"]?["totalElements"] == .int(4))
    }

    @Test func listAssets_afterRename_reordersCachedOrder() throws {
        let client = try AssetClient()
        let bravo = try require(client.createAsset(name: "bravo")["assetId"]?.stringValue)
        try client.createAsset(name: "charlie")
        try primeOrders(client)
        let renamed = client.send(.put, "/assets/\(bravo)", body: #"{"name":"zulu"}"#, headers: ["If-Match": "0"])
        #expect(renamed.status == .ok)
        #expect(AssetClient.names(try client.getJSON("/assets")) == ["charlie", "iiotuxpc", "zulu"])
        let patched = client.send(
            .patch, "/assets/\(bravo)", body: #"{"name":"Able"}"#,
            headers: ["If-Match": "1", "Content-Type": "application/merge-patch+json"])
        #expect(patched.status == .ok)
        #expect(AssetClient.names(try client.getJSON("/assets")) == ["Able", "charlie", "iiotuxpc"])
        #expect(AssetClient.names(try client.getJSON("/assets?sort=name,desc")) == ["iiotuxpc", "charlie", "Able"])
    }

    @Test func listAssets_afterDelete_showsDeletionInCachedOrders() throws {
        let client = try AssetClient()
        let bravo = try require(client.createAsset(name: "bravo")["assetId"]?.stringValue)
        try client.createAsset(name: "charlie")
        try primeOrders(client)
        #expect(client.send(.delete, "/assets/\(bravo)", headers: ["If-Match": "0"]).status == .noContent)
        let all = try client.getJSON("/assets")
        let entry = all["_embedded"]?["assets"]?.arrayValue?.first { $0["assetId"]?.stringValue == bravo }
        #expect(entry?["deleted"]?.stringValue != nil)
        #expect(entry?["etag"] == .int(1))
        let remaining = try client.getJSON("/assets?\(Self.notDeleted)")
        #expect(AssetClient.names(remaining) == ["charlie", "iiotuxpc"])
        #expect(remaining["page"]?["totalElements"] == .int(2))
    }

    @Test func listAssets_afterMove_showsNewParentInCachedOrders() throws {
        let client = try AssetClient()
        let root = try client.rootID()
        let parent = try require(client.createAsset(name: "parent")["assetId"]?.stringValue)
        let child = try require(client.createAsset(name: "child")["assetId"]?.stringValue)
        try primeOrders(client)
        let childrenFilter = "filter=" + AssetManagementLinks.encodeQueryValue(#"{"parentId":"\#(parent)"}"#)
        #expect(AssetClient.names(try client.getJSON("/assets?\(childrenFilter)")).isEmpty)
        let moved = client.send(
            .post, "/assets/\(child)/move", body: #"{"newParentId":"\#(parent)"}"#,
            headers: ["If-Match": "0"])
        #expect(moved.status == .ok)
        #expect(AssetClient.names(try client.getJSON("/assets?\(childrenFilter)")) == ["child"])
        let byParent = try client.getJSON("/assets?sort=parentId,name,asc")
        let parents = (byParent["_embedded"]?["assets"]?.arrayValue ?? []).compactMap { $0["parentId"]?.stringValue }
        #expect(parents == ["", parent, root].sorted())
        let listedChild = byParent["_embedded"]?["assets"]?.arrayValue?.first { $0["assetId"]?.stringValue == child }
        #expect(listedChild?["parentId"] == .string(parent))
        #expect(listedChild?["etag"] == .int(1))
    }

    @Test func listAssets_pagesOfCachedOrder_matchWholeOrder() throws {
        let client = try AssetClient()
        for index in [7, 3, 11, 0, 5, 9, 1] { try client.createAsset(name: "n\(index < 10 ? "0" : "")\(index)") }
        let whole = AssetClient.names(try client.getJSON("/assets?size=100"))
        var paged: [String] = []
        for page in 0..<3 { paged += AssetClient.names(try client.getJSON("/assets?size=3&page=\(page)")) }
        #expect(paged == whole)
        #expect(whole == whole.sorted { $0.lowercased() < $1.lowercased() })
        try client.createAsset(name: "n04")
        let after = AssetClient.names(try client.getJSON("/assets?size=3&page=1"))
        #expect(after == ["n03", "n04", "n05"])
    }
}
