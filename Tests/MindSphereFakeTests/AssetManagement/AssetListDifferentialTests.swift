import HTTPTypes
import Testing

@testable import MindSphereFake

/// `GET /assets` through the indexes against the twin that tests every asset: random tenants, random changes and
/// random filters over every function and operator of the filter language; whole responses must be equal.
@Suite struct AssetListDifferentialTests {
    /// Texts chosen to break byte-wise shortcuts: letter case, a Kelvin sign that Swift equates with `K`, composed
    /// and decomposed accents, CR LF (one character in Swift), a shared prefix.
    private static let texts = [
        "asset-0", "asset-01", "Asset-1", "K", "\u{212A}elvin", "Kelvin", "caf\u{E9}", "cafe\u{301}",
        "a\r\nb", "a\r", "b", "asset-09x", "",
    ]
    private static let fields = ["name", "externalId", "typeId", "parentId", "deleted", "description", "assetId", "twinType", "colour"]
    private static let types = [
        "core.basicasset", "core.basicsite", "core.basicarea", "core.basicdevice", "core.basichierarchy",
        "core.basicagent", "core.mcnano",
    ]
    private static let base = "/api/assetmanagement/v3"

    private struct Pair {
        let indexed: Router
        let scanned: Router
        let tenant = "iiotuxpc"
        let now: Int64 = 1_676_851_200_000

        init() {
            let store = AssetStore(identifiers: Identifiers(seed: 7))
            indexed = .assetManagement(store: store)
            scanned = .assetManagement(store: store, listsThroughIndexes: false)
        }

        func send(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, ifMatch: Int? = nil) -> FakeResponse {
            var fields: HTTPFields = [HTTPField.Name("Host")!: "gateway.test"]
            if body != nil { fields[.contentType] = "application/json" }
            if let ifMatch { fields[HTTPField.Name("If-Match")!] = String(ifMatch) }
            let request = FakeRequest(
                method: method, target: AssetListDifferentialTests.base + path, headerFields: fields,
                body: Array((body ?? "").utf8))
            return indexed.dispatch(request, tenant: tenant, nowMilliseconds: now)
        }

        func list(_ query: String, through router: Router) -> FakeResponse {
            let request = FakeRequest(
                method: .get, target: AssetListDifferentialTests.base + "/assets?" + query,
                headerFields: [HTTPField.Name("Host")!: "gateway.test"])
            return router.dispatch(request, tenant: tenant, nowMilliseconds: now)
        }
    }

    private static func quoted(_ text: String) -> String { JSONWriter.string(.string(text)) }

    private static func randomCondition(_ random: inout SeededRandomNumberGenerator, depth: Int) -> String {
        let text = quoted(texts.randomElement(using: &random)!)
        switch Int.random(in: 0..<(depth > 0 ? 12 : 9), using: &random) {
        case 0: return text
        case 1: return "null"
        case 2: return #"{"eq":\#(text)}"#
        case 3: return #"{"startsWith":\#(text)}"#
        case 4: return #"{"endsWith":\#(text)}"#
        case 5: return #"{"contains":\#(text)}"#
        case 6: return #"{"in":{"value":[\#(text),\#(quoted(texts.randomElement(using: &random)!)),null]}}"#
        case 7: return #"{"before":"2023-02-21T00:00:00.000Z"}"#
        case 8: return #"{"between":"[2023-01-01T00:00:00.000Z, 2023-03-01T00:00:00.000Z)"}"#
        case 9: return #"{"not":\#(randomCondition(&random, depth: depth - 1))}"#
        case 10: return #"{"or":[\#(randomCondition(&random, depth: depth - 1)),\#(randomCondition(&random, depth: depth - 1))]}"#
        default: return #"{"and":[\#(randomCondition(&random, depth: depth - 1)),\#(randomCondition(&random, depth: depth - 1))]}"#
        }
    }

    private static func randomFilter(_ random: inout SeededRandomNumberGenerator, depth: Int, ids: [String]) -> String {
        switch Int.random(in: 0..<(depth > 0 ? 7 : 3), using: &random) {
        case 0: return #"{"hasType":\#(quoted(types.randomElement(using: &random)!))}"#
        case 1:
            let field = fields.randomElement(using: &random)!
            if ["parentId", "assetId"].contains(field), let id = ids.randomElement(using: &random), Bool.random(using: &random) {
                return "{\(quoted(field)):\(quoted(id))}"
            }
            if field == "typeId" { return "{\(quoted(field)):\(quoted(types.randomElement(using: &random)!))}" }
            return "{\(quoted(field)):\(randomCondition(&random, depth: 2))}"
        case 2: return #"{"deleted":null}"#
        case 3: return #"{"not":\#(randomFilter(&random, depth: depth - 1, ids: ids))}"#
        case 4: return #"{"or":[\#(randomFilter(&random, depth: depth - 1, ids: ids)),\#(randomFilter(&random, depth: depth - 1, ids: ids))]}"#
        case 5: return #"{"and":{"deleted":null,"name":\#(randomCondition(&random, depth: 1))}}"#
        default: return #"{"and":[\#(randomFilter(&random, depth: depth - 1, ids: ids)),\#(randomFilter(&random, depth: depth - 1, ids: ids))]}"#
        }
    }

    /// Grows a tenant with random assets and random renames, moves and deletions between list requests.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func indexedLists_equalScannedLists(seed: UInt64) throws {
        var random = SeededRandomNumberGenerator(seed: seed)
        let fake = Pair()
        let root = try #require(fake.send(.get, "/assets/root").bodyJSON?["assetId"]?.stringValue)
        var ids = [root]
        var etags: [String: Int] = [:]
        var compared = 0
        for step in 0..<160 {
            let action = Int.random(in: 0..<10, using: &random)
            if action < 5 || ids.count < 4 {
                let name = Self.texts.randomElement(using: &random)!.isEmpty ? "x" : Self.texts.randomElement(using: &random)!
                var body: JSONObject = [
                    "name": .string(name.isEmpty ? "n\(step)" : name),
                    "typeId": .string(Self.types[Int.random(in: 0..<4, using: &random)]),
                    "parentId": .string(ids.randomElement(using: &random)!),
                ]
                if Bool.random(using: &random) { body["externalId"] = .string(Self.texts.randomElement(using: &random)! + "\(step % 3)") }
                if Bool.random(using: &random) { body["description"] = .string(Self.texts.randomElement(using: &random)!) }
                let response = fake.send(.post, "/assets", body: JSONWriter.string(.object(body)))
                if let id = response.bodyJSON?["assetId"]?.stringValue {
                    ids.append(id)
                    etags[id] = 0
                }
            } else if action < 7, let id = ids.dropFirst().randomElement(using: &random), let etag = etags[id] {
                let name = Self.texts.randomElement(using: &random)!
                let body = JSONWriter.string(
                    .object([
                        "name": .string(name.isEmpty ? "renamed" : name),
                        "externalId": .string(Self.texts.randomElement(using: &random)!),
                    ]))
                if fake.send(.put, "/assets/\(id)", body: body, ifMatch: etag).status == .ok { etags[id] = etag + 1 }
            } else if action < 8, let id = ids.dropFirst().randomElement(using: &random), let etag = etags[id] {
                if fake.send(.delete, "/assets/\(id)", ifMatch: etag).status == .noContent { etags[id] = nil }
            } else if let id = ids.dropFirst().randomElement(using: &random), let parent = ids.randomElement(using: &random), etags[id] != nil {
                let body = JSONWriter.string(.object(["newParentId": .string(parent)]))
                if fake.send(.post, "/assets/\(id)/move", body: body, ifMatch: etags[id]).status == .ok { etags[id]! += 1 }
            }
            for _ in 0..<3 {
                let filter = Self.randomFilter(&random, depth: 3, ids: ids)
                let sort = ["", "&sort=name,desc", "&sort=typeId", "&sort=externalId,name,asc"].randomElement(using: &random)!
                let query =
                    "filter=" + AssetManagementLinks.encodeQueryValue(filter) + "&size=\(Int.random(in: 1...7, using: &random))"
                    + "&page=\(Int.random(in: 0...2, using: &random))" + sort
                    + (Int.random(in: 0..<4, using: &random) == 0 ? "&basicFieldsOnly=true" : "")
                let indexed = fake.list(query, through: fake.indexed)
                let scanned = fake.list(query, through: fake.scanned)
                #expect(indexed.status == scanned.status, "\(filter)")
                #expect(indexed.bodyText == scanned.bodyText, "filter \(filter) after step \(step)")
                if indexed.status == .ok { compared += 1 }
            }
        }
        #expect(compared > 300)
    }
}
