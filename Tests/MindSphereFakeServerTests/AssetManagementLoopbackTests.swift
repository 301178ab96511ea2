import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

@Suite struct AssetManagementLoopbackTests {
    private func startServer() throws -> FakeServer {
        try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 11)))
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func seedSnippet_getAssets_printsEmbeddedAssetsPage() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let token = try await client.token()
        let response = try await client.send("GET", "/api/assetmanagement/v3/assets", headers: ["Authorization": "Bearer " + token])
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(response.body.hasPrefix(#"{"_embedded":{"assets":[{"assetId":""#))
        let page = try json(response.body)
        let links = try #require(page["_links"] as? [String: Any])
        let selfLink = try #require((links["self"] as? [String: Any])?["href"] as? String)
        #expect(selfLink == server.baseURL + "/api/assetmanagement/v3/assets?basicFieldsOnly=false&page=0&size=10&sort=name,id,asc")
        let info = try #require(page["page"] as? [String: Any])
        #expect(info["size"] as? Int == 10 && info["totalElements"] as? Int == 1 && info["number"] as? Int == 0)
    }

    @Test func createReadUpdateDelete_overTheWire() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let auth = ["Authorization": "Bearer " + (try await client.token())]
        let root = try json(try await client.send("GET", "/api/assetmanagement/v3/assets/root?", headers: auth).body)
        let rootID = try #require(root["assetId"] as? String)
        let body = #"{"name":"machine","typeId":"core.basicsite","parentId":"\#(rootID)"}"#
        let created = try await client.send(
            "POST", "/api/assetmanagement/v3/assets",
            headers: auth.merging(["Content-Type": "application/json"]) { $1 }, body: body)
        #expect(created.status == 201)
        let id = try #require(try json(created.body)["assetId"] as? String)
        let patched = try await client.send(
            "PATCH", "/api/assetmanagement/v3/assets/\(id)",
            headers: auth.merging(["Content-Type": "application/merge-patch+json", "If-Match": "0"]) { $1 },
            body: #"{"description":"over the wire"}"#)
        #expect(patched.status == 200)
        #expect(try json(patched.body)["etag"] as? Int == 1)
        let stale = try await client.send("DELETE", "/api/assetmanagement/v3/assets/\(id)", headers: auth.merging(["If-Match": "0"]) { $1 })
        #expect(stale.status == 412)
        #expect(stale.body.contains("mdsp.core.generic.noMatch"))
        let deleted = try await client.send("DELETE", "/api/assetmanagement/v3/assets/\(id)", headers: auth.merging(["If-Match": "1"]) { $1 })
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
    }

    @Test func filteredList_overTheWire_encodesFilterInLinks() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let auth = ["Authorization": "Bearer " + (try await client.token())]
        let filter = #"{"and":{"deleted":null,"name":{"startsWith":"iiot"}}}"#
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let response = try await client.send("GET", "/api/assetmanagement/v3/assets?filter=\(filter)&size=1", headers: auth)
        #expect(response.status == 200)
        #expect(response.body.contains(#""totalElements":1"#))
        let malformed = try await client.send("GET", "/api/assetmanagement/v3/assets?filter=%7Bname", headers: auth)
        #expect(malformed.status == 400)
        #expect(malformed.body.contains("mdsp.core.generic.invalidParameter"))
    }
}
