import Foundation
import HTTPTypes
import Testing

@testable import MindSphereFake

/// The list's rendered entries (`TenantAssetModel.listEntries`) against the twin that renders every entry afresh:
/// near misses of every part of the cache key (a host of the same length, the other form, a changed asset, a
/// changed type) must each give the twin's bytes.
@Suite struct AssetListEntryCacheTests {
    private static let base = "/api/assetmanagement/v3"
    private let store = AssetStore(identifiers: Identifiers(seed: 11))
    private let cached: Router
    private let fresh: Router

    init() {
        cached = .assetManagement(store: store)
        fresh = .assetManagement(store: store, listsThroughIndexes: false)
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, body: String, ifMatch: Int? = nil, through router: Router? = nil
    )
        -> FakeResponse
    {
        var fields: HTTPFields = [HTTPField.Name("Host")!: "gateway.test", .contentType: "application/json"]
        if let ifMatch { fields[HTTPField.Name("If-Match")!] = String(ifMatch) }
        let request = FakeRequest(method: method, target: Self.base + path, headerFields: fields, body: Array(body.utf8))
        return (router ?? cached).dispatch(request, tenant: "iiotuxpc", nowMilliseconds: 1_676_851_200_000)
    }

    /// Lists through both routers with `host` and expects equal bytes; returns the cached router's body.
    @discardableResult
    private func expectBothEqual(_ query: String, host: String = "gateway.test", _ comment: Comment) -> String {
        let request = FakeRequest(method: .get, target: Self.base + "/assets?" + query, headerFields: [HTTPField.Name("Host")!: host])
        let throughCache = cached.dispatch(request, tenant: "iiotuxpc", nowMilliseconds: 1_676_851_200_000)
        let rendered = fresh.dispatch(request, tenant: "iiotuxpc", nowMilliseconds: 1_676_851_200_000)
        #expect(throughCache.status == .ok)
        #expect(throughCache.bodyText == rendered.bodyText, comment)
        return throughCache.bodyText
    }

    /// The single-asset read's cache is kept per origin (scheme and host): a host of the same length, a longer one
    /// sharing its prefix, and the other scheme each get their own links, and going back gets the first ones again.
    @Test func assetRead_ofAnotherOrigin_carriesThatOriginsLinks() throws {
        let root = try #require(send(.get, "/assets/root", body: "").bodyJSON?["assetId"]?.stringValue)
        for (scheme, host) in [
            ("http", "gateway.test"), ("http", "gateway.tesu"), ("http", "gateway.test:1"), ("https", "gateway.test"),
            ("http", "gateway.test"),
        ] {
            let request = FakeRequest(
                method: .get, target: Self.base + "/assets/" + root, headerFields: [HTTPField.Name("Host")!: host], scheme: scheme)
            let body = cached.dispatch(request, tenant: "iiotuxpc", nowMilliseconds: 1_676_851_200_000).bodyJSON
            let link = body?["_links"]?["self"]?["href"]?.stringValue
            #expect(link == "\(scheme)://\(host)\(Self.base)/assets/\(root)", "\(scheme)://\(host)")
        }
    }

    @Test func everyPartOfTheKey_missesExactly() throws {
        let root = try #require(send(.get, "/assets/root", body: "").bodyJSON?["assetId"]?.stringValue)
        let created = send(.post, "/assets", body: #"{"name":"pump","typeId":"core.basicdevice","parentId":"\#(root)"}"#)
        let id = try #require(created.bodyJSON?["assetId"]?.stringValue)
        let first = expectBothEqual("size=5", "first rendering")
        #expect(expectBothEqual("size=5", "a cache hit") == first)

        let otherHost = expectBothEqual("size=5", host: "gateway.tesx", "a host of the same length")
        #expect(otherHost.contains("gateway.tesx") && !otherHost.contains("gateway.test"))
        #expect(expectBothEqual("size=5", "back to the first host") == first)

        let renamed = send(.patch, "/assets/\(id)", body: #"{"name":"pump-2"}"#, ifMatch: 0)
        #expect(renamed.status == .ok, "\(renamed.bodyText)")
        #expect(expectBothEqual("size=5", "after a rename").contains("pump-2"))

        let typeID = "iiotuxpc.pumptype"
        let typeBody =
            #"{"name":"pumptype","parentTypeId":"core.basicdevice","scope":"private","variables":[{"name":"rating","dataType":"STRING","defaultValue":"A"}]}"#
        #expect(send(.put, "/assettypes/\(typeID)", body: typeBody).status.code < 300)
        let typed = send(.post, "/assets", body: #"{"name":"typed","typeId":"\#(typeID)","parentId":"\#(root)"}"#)
        #expect(typed.status == .created, "\(typed.bodyText)")
        let derivedBody = #"{"name":"bigpump","parentTypeId":"\#(typeID)","scope":"private"}"#
        #expect(send(.put, "/assettypes/iiotuxpc.bigpump", body: derivedBody).status.code < 300)
        let derived = send(.post, "/assets", body: #"{"name":"big","typeId":"iiotuxpc.bigpump","parentId":"\#(root)"}"#)
        #expect(derived.status == .created, "\(derived.bodyText)")
        // The derived asset inherits `rating` with its default: the full form shows it, basicFieldsOnly does not.
        let full = expectBothEqual("size=5", "the full form")
        let basic = expectBothEqual("size=5&basicFieldsOnly=true", "the basicFieldsOnly form")
        #expect(full.components(separatedBy: #""name":"rating""#).count > basic.components(separatedBy: #""name":"rating""#).count)
        #expect(expectBothEqual("size=5", "the full form again") == full)
        let before = expectBothEqual("size=5", "with an asset of the new type")
        let changedType = typeBody.replacingOccurrences(of: #""defaultValue":"A""#, with: #""defaultValue":"B""#)
        #expect(send(.patch, "/assettypes/\(typeID)", body: changedType, ifMatch: 0).status == .ok)
        let after = expectBothEqual("size=5", "after the type's default changed")
        #expect(before != after)
    }
}
