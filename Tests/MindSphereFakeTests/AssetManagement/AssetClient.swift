import HTTPTypes
import MindSphereFakeTesting

@testable import MindSphereFake

/// A caller of Asset Management on a core-level fake: one token, shortcuts for requests and JSON bodies.
struct AssetClient {
    static let base = "/api/assetmanagement/v3"

    let fake: FakeGateway
    let token: String

    /// A fake on the minimal scenario (tenant `iiotuxpc`) and a token for it.
    init(scenario: Scenario = .minimal) throws {
        fake = try TestGateway.make(scenario: scenario)
        token = try fake.token()
    }

    /// A caller on an existing fake with `token`.
    init(fake: FakeGateway, token: String) {
        self.fake = fake
        self.token = token
    }

    /// Sends a request below the API base path; `headers` are added as given (empty values kept).
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, headers: [String: String] = [:]) -> FakeResponse {
        var request = FakeRequest.authorized(method, Self.base + path, token: token, body: body)
        for (name, value) in headers { request.headerFields[HTTPField.Name(name)!] = value }
        return fake.handle(request)
    }

    /// GET, returning the JSON body (fails the test helper on non-200).
    func getJSON(_ path: String) throws -> JSONValue {
        let response = send(.get, path)
        guard response.status == .ok, let json = response.bodyJSON else {
            throw TestFailure("GET \(path) answered \(response.status): \(response.bodyText)")
        }
        return json
    }

    /// The root asset's id.
    func rootID() throws -> String {
        try require(getJSON("/assets/root")["assetId"]?.stringValue, "root assetId")
    }

    /// Creates an asset and returns its JSON.
    @discardableResult
    func createAsset(name: String, typeID: String = "core.basicsite", parentID: String? = nil, extra: String = "") throws -> JSONValue {
        let parent = try parentID ?? rootID()
        let body = #"{"name":"\#(name)","typeId":"\#(typeID)","parentId":"\#(parent)"\#(extra)}"#
        let response = send(.post, "/assets", body: body)
        guard response.status == .created, let json = response.bodyJSON else {
            throw TestFailure("POST /assets answered \(response.status): \(response.bodyText)")
        }
        return json
    }

    /// Creates (PUT) an aspect type `iiotuxpc.<name>` and returns its JSON.
    @discardableResult
    func createAspectType(_ name: String, category: String = "static", variables: String) throws -> JSONValue {
        let body = #"{"name":"\#(name)","category":"\#(category)","scope":"private","variables":\#(variables)}"#
        let response = send(.put, "/aspecttypes/iiotuxpc.\(name)", body: body)
        guard response.status == .created, let json = response.bodyJSON else {
            throw TestFailure("PUT aspect type answered \(response.status): \(response.bodyText)")
        }
        return json
    }

    /// Creates (PUT) an asset type `iiotuxpc.<name>` and returns its JSON.
    @discardableResult
    func createAssetType(
        _ name: String, parent: String = "core.basicasset", aspects: String = "[]", variables: String = "[]",
        instantiable: Bool = true
    ) throws -> JSONValue {
        let body = #"{"name":"\#(name)","parentTypeId":"\#(parent)","instantiable":\#(instantiable),"aspects":\#(aspects),"variables":\#(variables)}"#
        let response = send(.put, "/assettypes/iiotuxpc.\(name)", body: body)
        guard response.status == .created, let json = response.bodyJSON else {
            throw TestFailure("PUT asset type answered \(response.status): \(response.bodyText)")
        }
        return json
    }

    /// The error code and message of a platform error response.
    static func error(_ response: FakeResponse) -> (code: String, message: String) {
        let first = response.bodyJSON?["errors"]?.arrayValue?.first
        return (first?["code"]?.stringValue ?? "", first?["message"]?.stringValue ?? "")
    }

    /// The names in `_embedded.<collection>` of a list answer.
    static func names(_ list: JSONValue, _ collection: String = "assets") -> [String] {
        (list["_embedded"]?[collection]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }
}

/// `#require` for helpers outside a test body.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw TestFailure("missing \(what)") }
    return value
}
