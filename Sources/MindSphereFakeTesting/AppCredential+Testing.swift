import Foundation
public import MindSphereFake

extension AppCredential {
    /// The `X-SPACE-AUTH-KEY` value an app sends for this credential: `Basic base64(clientId:clientSecret)`.
    public func spaceAuthKey(scheme: String = "Basic") -> String {
        Self.spaceAuthKey(clientID: clientID, secret: clientSecret, scheme: scheme)
    }

    /// The `X-SPACE-AUTH-KEY` value for any client id and secret (also ones no scenario knows, to test refusals).
    public static func spaceAuthKey(clientID: String, secret: String, scheme: String = "Basic") -> String {
        "\(scheme) " + Data("\(clientID):\(secret)".utf8).base64EncodedString()
    }

    /// The JSON body of this app's Technical Token Manager request, acting in `userTenant` (the host tenant when
    /// `nil`), with the fields in the order the platform documents them.
    public func tokenRequestBody(userTenant: String? = nil) -> String {
        let fields = [
            ("grant_type", "client_credentials"), ("appName", appName), ("appVersion", appVersion),
            ("hostTenant", hostTenant), ("userTenant", userTenant ?? hostTenant),
        ]
        return "{" + fields.map { "\(JSONWriter.string(.string($0.0))):\(JSONWriter.string(.string($0.1)))" }.joined(separator: ",") + "}"
    }
}
