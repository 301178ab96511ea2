import HTTPTypes
import Testing

@testable import MindSphereFake

/// Every href Asset Management renders must answer GET 200: a client that follows links (HAL is made for that) never
/// meets a link to nothing.
@Suite struct AssetLinkCrawlTests {
    @Test func everyRenderedLink_answers200() throws {
        let client = try AssetClient(scenario: try Scenario.defaultScenario())
        let host = "http://gateway.test" + AssetClient.base
        var queue = ["/", "/assets", "/assettypes", "/aspecttypes", "/assettypes?exploded=true"]
        var seen = Set(queue)
        var visited = 0
        while let path = queue.first, visited < 400 {
            queue.removeFirst()
            visited += 1
            let response = client.send(.get, path)
            #expect(response.status == .ok, "GET \(path) answered \(response.status.code)")
            guard let json = response.bodyJSON else { continue }
            for href in Self.hrefs(in: json) {
                #expect(href.hasPrefix(host), "link \(href) leaves the API")
                let next = String(href.dropFirst(host.count))
                if seen.insert(next).inserted { queue.append(next) }
            }
        }
        #expect(visited > 20, "the crawl reached only \(visited) resources")
        #expect(seen.contains { $0.contains("/aspects/") }, "no aspect's self link was followed")
        #expect(seen.contains { $0.hasSuffix("/location") }, "no location link was followed")
    }

    @Test func aspectSelfLink_answersTheAspectAsListed() throws {
        let client = try AssetClient(scenario: try Scenario.defaultScenario())
        let assets = try client.getJSON("/assets")["_embedded"]?["assets"]?.arrayValue ?? []
        let phone = try require(assets.first { $0["name"]?.stringValue == "MobilePhone" }?["assetId"]?.stringValue)
        let listed = try require(client.getJSON("/assets/\(phone)/aspects")["_embedded"]?["aspects"]?.arrayValue?.first)
        #expect(try client.getJSON("/assets/\(phone)/aspects/\(try require(listed["name"]?.stringValue))") == listed)
        #expect(client.send(.get, "/assets/\(phone)/aspects/nothere").status == .notFound)
    }

    /// Every `href` in `json`, depth first.
    private static func hrefs(in json: JSONValue) -> [String] {
        switch json {
        case .object(let object):
            return object.members.flatMap { key, value -> [String] in
                if key == "href", let text = value.stringValue { return [text] }
                return hrefs(in: value)
            }
        case .array(let items):
            return items.flatMap(hrefs)
        default:
            return []
        }
    }
}
