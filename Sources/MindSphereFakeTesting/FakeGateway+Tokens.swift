import HTTPTypes
public import MindSphereFake

extension FakeGateway {
    /// A fresh access token for `credential` (the default one unless told), taken the way an app takes it: a
    /// Technical Token Manager request handed to `handle`, no socket.
    /// - Throws: `FakeTestingError` when the fake refuses (unknown credential, an injected fault, ...).
    public func token(for credential: AppCredential = .fakeDefault, userTenant: String? = nil) throws(FakeTestingError) -> String {
        let response = handle(.tokenRequest(body: credential.tokenRequestBody(userTenant: userTenant), key: credential.spaceAuthKey()))
        return try Self.accessToken(in: response, asked: "token request")
    }

    /// A fresh access token acting in `tenant` (the scenario's first when `nil`), minted through the control plane
    /// (`POST /_fake/tokens`) for the tenant's app or service credential; `controlToken` when the fake needs one.
    /// - Throws: `FakeTestingError` when the scenario has no such tenant or the control plane refuses.
    public func token(forTenant tenant: String?, controlToken: String? = nil) throws(FakeTestingError) -> String {
        var fields: HTTPFields = [.contentType: "application/json", HTTPField.Name("Host")!: "localhost"]
        if let controlToken { fields[HTTPField.Name("X-Fake-Control-Token")!] = controlToken }
        let body = tenant.map { JSONWriter.string(.object(["tenant": .string($0)])) } ?? ""
        let response = handle(FakeRequest(method: .post, target: "/_fake/tokens", headerFields: fields, body: Array(body.utf8)))
        return try Self.accessToken(in: response, asked: "POST /_fake/tokens")
    }

    private static func accessToken(in response: FakeResponse, asked: String) throws(FakeTestingError) -> String {
        guard response.status == .ok, let token = response.bodyJSON?["access_token"]?.stringValue else {
            throw FakeTestingError("\(asked) failed: \(response.status) \(response.bodyText)")
        }
        return token
    }
}
