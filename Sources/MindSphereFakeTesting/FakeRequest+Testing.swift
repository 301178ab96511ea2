public import HTTPTypes
public import MindSphereFake

extension FakeRequest {
    /// The path of the Technical Token Manager's token endpoint.
    public static let tokenPath = "/api/technicaltokenmanager/v3/oauth/token"

    /// A Technical Token Manager token request as an app sends it: `body` as JSON, `key` in `X-SPACE-AUTH-KEY`
    /// (left out when `nil`), `query` appended to the path as written (e.g. `?appName=x`). The defaults ask for a
    /// token of the default credential.
    public static func tokenRequest(
        body: String = AppCredential.fakeDefault.tokenRequestBody(),
        key: String? = AppCredential.fakeDefault.spaceAuthKey(),
        query: String = ""
    ) -> FakeRequest {
        var fields: HTTPFields = [.contentType: "application/json", hostField: testHost]
        if let key { fields[HTTPField.Name("X-SPACE-AUTH-KEY")!] = key }
        return FakeRequest(method: .post, target: tokenPath + query, headerFields: fields, body: Array(body.utf8))
    }

    /// A request with `Authorization: Bearer <token>`, and a JSON `body` when given.
    public static func authorized(_ method: HTTPRequest.Method, _ target: String, token: String, body: String? = nil) -> FakeRequest {
        var fields: HTTPFields = [.authorization: "Bearer \(token)", hostField: testHost]
        if body != nil { fields[.contentType] = "application/json" }
        return FakeRequest(method: method, target: target, headerFields: fields, body: Array((body ?? "").utf8))
    }

    /// The `Host` these requests carry, so absolute links in answers have a stable base.
    public static let testHost = "gateway.test"

    private static let hostField = HTTPField.Name("Host")!
}
