import Foundation
import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// The dashboard's control-plane endpoints (`/_fake/assets`, `/_fake/tokens`) and its files under `/_fake/ui/`.
@Suite struct DashboardTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func fake(libraries: [String: [UInt8]] = [:]) throws -> FakeGateway {
        var configuration = FakeConfiguration(scenario: try .defaultScenario(), seed: 7)
        configuration.dashboardLibraries = libraries
        return try FakeGateway(configuration: configuration, clock: .frozen(at: TestGateway.epoch))
    }

    private func get(_ fake: FakeGateway, _ target: String) -> FakeResponse {
        fake.handle(FakeRequest(method: .get, target: target))
    }

    private func post(_ fake: FakeGateway, _ target: String, body: String? = nil) -> FakeResponse {
        var fields: HTTPFields = [:]
        if body != nil { fields[.contentType] = "application/json" }
        return fake.handle(FakeRequest(method: .post, target: target, headerFields: fields, body: Array((body ?? "").utf8)))
    }

    private func names(_ node: JSONValue?) -> [String] {
        guard let node, let name = node["name"]?.stringValue else { return [] }
        return [name] + (node["children"]?.arrayValue ?? []).flatMap { names($0) }
    }

    @Test func assetTree_defaultScenario_nestsTheSeedsFourAssetsUnderTheRoot() throws {
        let tree = get(try fake(), "/_fake/assets")
        #expect(tree.status == .ok)
        let tenant = tree.bodyJSON?["tenants"]?.arrayValue?.first
        #expect(tenant?["tenant"]?.stringValue == "iiotuxpc")
        #expect(tenant?["assets"] == .int(4))
        let root = tenant?["root"]
        #expect(root?["name"]?.stringValue == "iiotuxpc")
        #expect(root?["parentId"] == .null)
        #expect(Set(names(root)) == ["iiotuxpc", "machine", "MobilePhone", "RPI Device"])
        let phone = root?["children"]?.arrayValue?.first { $0["name"]?.stringValue == "MobilePhone" }
        #expect(phone?["typeId"]?.stringValue == "iiotuxpc.mobilephone")
        #expect(phone?["parentId"] == root?["assetId"])
    }

    @Test func assetTree_showsAnAssetCreatedThroughTheAPI_andDropsItWhenDeleted() throws {
        let fake = try fake()
        let token = try fake.token()
        let rootID = try #require(get(fake, "/_fake/assets").bodyJSON?["tenants"]?.arrayValue?.first?["root"]?["assetId"]?.stringValue)
        let created = fake.handle(
            FakeRequest.authorized(
                .post, "/api/assetmanagement/v3/assets", token: token,
                body: #"{"name":"Pump 7","typeId":"iiotuxpc.station","parentId":"\#(rootID)"}"#))
        #expect(created.status == .created, "\(created.bodyText)")
        let afterCreate = names(get(fake, "/_fake/assets").bodyJSON?["tenants"]?.arrayValue?.first?["root"])
        #expect(afterCreate.contains("Pump 7"))
        let id = try #require(created.bodyJSON?["assetId"]?.stringValue)
        var delete = FakeRequest.authorized(.delete, "/api/assetmanagement/v3/assets/\(id)", token: token)
        delete.headerFields[HTTPField.Name("If-Match")!] = "0"
        #expect(fake.handle(delete).status == .noContent)
        let afterDelete = names(get(fake, "/_fake/assets").bodyJSON?["tenants"]?.arrayValue?.first?["root"])
        #expect(!afterDelete.contains("Pump 7"))
    }

    @Test func mintedToken_readsTheAPIs_untilTokensAreExpired() throws {
        let fake = try fake()
        let minted = post(fake, "/_fake/tokens", body: #"{"tenant":"iiotuxpc"}"#)
        #expect(minted.status == .ok)
        #expect(minted.bodyJSON?["client_id"]?.stringValue == "iiotuxpc-testdm-v1.0.0")
        let token = try #require(minted.bodyJSON?["access_token"]?.stringValue)
        let read = FakeRequest.authorized(
            .get,
            "/api/iottimeseries/v3/timeseries/574fbc1ab7964fa3a6acf1173707a256/acceleration"
                + "?from=2023-02-22T00:00:00Z&to=2023-02-23T00:00:00Z", token: token)
        #expect(fake.handle(read).bodyJSON?.arrayValue?.count == 4)
        #expect(post(fake, "/_fake/tokens/expire").status == .ok)
        #expect(fake.handle(read).status == .unauthorized)
        #expect(post(fake, "/_fake/tokens").bodyJSON?["tenant"]?.stringValue == "iiotuxpc", "no body: the first tenant")
    }

    @Test func mintToken_badRequests_answerInTheControlShape() throws {
        let fake = try fake()
        let unknown = post(fake, "/_fake/tokens", body: #"{"tenant":"nobody"}"#)
        #expect(unknown.status == .notFound)
        #expect(unknown.bodyJSON?["message"]?.stringValue?.contains("nobody") == true)
        for body in [#"{"tenant":5}"#, #"{"user":"x"}"#, "[]", "nope"] {
            let response = post(fake, "/_fake/tokens", body: body)
            #expect(response.status == .badRequest, "\(body)")
            #expect(response.bodyJSON?["error"]?.stringValue == "bad_request", "\(body)")
        }
    }

    @Test func page_isServedAsHTML_andItsScriptAndStyle() throws {
        let fake = try fake()
        let page = get(fake, "/_fake/ui/")
        #expect(page.status == .ok)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.bodyText.contains("/_fake/ui/app.js"))
        #expect(get(fake, "/_fake/ui/app.js").header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(get(fake, "/_fake/ui/app.css").header("Content-Type") == "text/css; charset=utf-8")
        let redirect = get(fake, "/_fake/ui")
        #expect(redirect.status == .permanentRedirect)
        #expect(redirect.header("Location") == "/_fake/ui/")
        #expect(get(fake, "/_fake/ui/nothing.js").status == .notFound)
    }

    @Test func vendorLibrary_servedWhenHandedIn_elseA404NamingThePackage() throws {
        let missing = get(try fake(), "/_fake/ui/vendor/dygraph.min.js")
        #expect(missing.status == .notFound)
        #expect(missing.bodyJSON?["message"]?.stringValue?.contains("libjs-dygraphs") == true)
        let bytes = Array("window.Dygraph = function () {};".utf8)
        let served = get(try fake(libraries: ["dygraph.min.js": bytes]), "/_fake/ui/vendor/dygraph.min.js")
        #expect(served.status == .ok)
        #expect(served.body == bytes)
        #expect(served.header("Content-Type") == "text/javascript; charset=utf-8")
    }

    @Test func page_overAListener_passesTheControlPlaneGuard() throws {
        let fake = try fake()
        let evil = fake.handle(
            FakeRequest(
                method: .get, target: "/_fake/ui/", headerFields: [HTTPField.Name("Host")!: "evil.example:8080"],
                listenerPort: 8080))
        #expect(evil.status == .forbidden)
        let local = fake.handle(
            FakeRequest(
                method: .get, target: "/_fake/ui/", headerFields: [HTTPField.Name("Host")!: "127.0.0.1:8080"],
                listenerPort: 8080))
        #expect(local.status == .ok)
    }

    @Test func embeddedFiles_equalTheFilesInDashboard() throws {
        for (name, text) in DashboardFiles.all {
            let onDisk = try String(contentsOf: Self.root.appendingPathComponent("dashboard/\(name)"), encoding: .utf8)
            #expect(text + "\n" == onDisk, "run dashboard/embed.sh after editing dashboard/\(name)")
        }
        #expect(Set(DashboardFiles.all.keys) == ["index.html", "app.js", "app.css"])
    }
}
