import Foundation
import HTTPTypes
@testable import MindSphereFake

/// Helpers for core-level tests: a fake on a frozen clock and shortcuts for tokens and requests.
enum TestGateway {
    /// 2023-02-20T00:00:00Z, a fixed "now" for tests.
    static let epoch: Int64 = 1_676_851_200_000

    /// A fake on the minimal scenario with a frozen clock at `epoch`.
    static func make(scenario: Scenario = .minimal) throws -> FakeGateway {
        try FakeGateway(configuration: FakeConfiguration(scenario: scenario, seed: 42), clock: .frozen(at: epoch))
    }

    /// The X-SPACE-AUTH-KEY value for a client id and secret.
    static func spaceAuthKey(_ clientID: String = "iiotuxpc-testdm-v1.0.0", _ secret: String = "fake-secret-for-local-use",
                             scheme: String = "Basic") -> String {
        "\(scheme) " + Data("\(clientID):\(secret)".utf8).base64EncodedString()
    }

    /// The seed's token request body.
    static let tokenBody = #"{"grant_type":"client_credentials","appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#

    /// A token request through the Technical Token Manager route.
    static func tokenRequest(body: String = tokenBody, key: String? = spaceAuthKey(), query: String = "") -> FakeRequest {
        var fields: HTTPFields = [.contentType: "application/json", HTTPField.Name("Host")!: "gateway.test"]
        if let key { fields[HTTPField.Name("X-SPACE-AUTH-KEY")!] = key }
        return FakeRequest(method: .post, target: "/api/technicaltokenmanager/v3/oauth/token" + query,
                           headerFields: fields, body: Array(body.utf8))
    }

    /// A fresh access token for the default credential.
    static func token(_ fake: FakeGateway) throws -> String {
        let response = fake.handle(tokenRequest())
        guard response.status == .ok, let token = response.bodyJSON?["access_token"]?.stringValue else {
            throw TestFailure("token request failed: \(response.status) \(response.bodyText)")
        }
        return token
    }

    /// A request with `Authorization: Bearer <token>`.
    static func authorized(_ method: HTTPRequest.Method, _ target: String, token: String, body: String? = nil) -> FakeRequest {
        var fields: HTTPFields = [.authorization: "Bearer \(token)", HTTPField.Name("Host")!: "gateway.test"]
        if body != nil { fields[.contentType] = "application/json" }
        return FakeRequest(method: method, target: target, headerFields: fields, body: Array((body ?? "").utf8))
    }
}

/// A failure inside a test helper.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
