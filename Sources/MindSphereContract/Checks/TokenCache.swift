import Foundation
import HTTPTypes
public import MindSphereFake

/// Takes Technical Token Manager tokens with the target's app credentials, keeps one, and renews it five minutes
/// before it expires (as the Java SDK does) or when the gateway refuses it.
public actor TokenCache {
    private let target: any ContractTarget
    private var token: String?
    private var renewAt = Date.distantPast
    /// Every token value taken so far (so reports can redact them).
    public private(set) var issued: [String] = []

    /// A cache for `target`.
    public init(target: any ContractTarget) {
        self.target = target
    }

    /// The path of the Technical Token Manager's token endpoint.
    public static let tokenPath = "/api/technicaltokenmanager/v3/oauth/token"

    /// A valid bearer token.
    /// - Throws: `CheckFailure` when the Technical Token Manager refuses the credentials.
    public func bearerToken() async throws -> String {
        if let token, Date() < renewAt { return token }
        let response = try await target.send(Self.tokenRequest(target.credentials))
        guard response.status == .ok, let json = response.bodyJSON, let value = json["access_token"]?.stringValue else {
            throw CheckFailure("the Technical Token Manager refused the run's credentials: status \(response.status.code)")
        }
        var lifetime: Double = 1799
        if case .number(let number)? = json["expires_in"] { lifetime = number.doubleValue }
        token = value
        issued.append(value)
        renewAt = Date().addingTimeInterval(max(lifetime - 300, lifetime / 2))
        return value
    }

    /// Forgets the current token; the next call takes a new one.
    public func invalidate() {
        token = nil
    }

    /// The token request a MindSphere app sends (the seed's shape: JSON body, `X-SPACE-AUTH-KEY: Basic ...`).
    public static func tokenRequest(_ credentials: ContractCredentials, authKey: String? = nil) -> FakeRequest {
        let body: JSONValue = .object([
            "grant_type": .string("client_credentials"),
            "appName": .string(credentials.appName),
            "appVersion": .string(credentials.appVersion),
            "hostTenant": .string(credentials.hostTenant),
            "userTenant": .string(credentials.userTenant),
        ])
        var fields = HTTPFields()
        fields[HTTPField.Name("X-SPACE-AUTH-KEY")!] = authKey ?? credentials.spaceAuthKey
        fields[.contentType] = "application/json"
        return FakeRequest(method: .post, target: tokenPath, headerFields: fields, body: JSONWriter.bytes(body))
    }
}
