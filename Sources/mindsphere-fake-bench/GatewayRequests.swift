import HTTPTypes
import MindSphereFake
import MindSphereFakeTesting

/// The core with the gateway bench's two requests: `GET /_fake/health` and the authenticated
/// `GET /api/assetmanagement/v3/assets/{id}` of the root asset, each made afresh on demand.
struct GatewayRequests: Sendable {
    /// The core on the default scenario.
    let gateway: FakeGateway
    /// The health request, as it arrives on the server's listener (port 8080, as in its Host), so the control-plane
    /// guard checks Host as it does there.
    let health: @Sendable () -> FakeRequest
    /// The authenticated asset read, with a bearer token issued by `gateway`.
    let asset: @Sendable () -> FakeRequest

    /// The cases by the names the bench reports them under.
    var byName: [(name: String, request: @Sendable () -> FakeRequest)] { [("health", health), ("authenticatedGet", asset)] }

    /// A fresh core and its requests; both requests are checked to answer 200.
    init() throws {
        let gateway = try FakeGateway()
        let token = try gateway.token()
        let root = gateway.handle(
            FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets/root", headerFields: Self.headers(token)))
        guard let assetID = root.bodyJSON?["assetId"]?.stringValue else { fatalError("no root asset: \(root.bodyText)") }
        self.gateway = gateway
        // Fresh storage per call, as each server thread makes its own: no request storage shared between threads.
        health = { FakeRequest(method: .get, target: "/_fake/health", headerFields: Self.headers(nil), listenerPort: 8080) }
        asset = { FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets/\(assetID)", headerFields: Self.headers(token)) }
        guard gateway.handle(asset()).status == .ok, gateway.handle(health()).status == .ok else {
            fatalError("a case does not answer 200")
        }
    }

    /// Fresh header fields (new storage) with `Host` and, given a token, `Authorization`.
    private static func headers(_ token: String?) -> HTTPFields {
        var fields: HTTPFields = [HTTPField.Name("Host")!: String("127.0.0.1:8080".utf8)]
        if let token { fields[.authorization] = "Bearer " + token }
        return fields
    }
}
