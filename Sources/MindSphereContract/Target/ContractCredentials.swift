import Foundation
import HTTPTypes
public import MindSphereFake

/// The app credentials a MindSphere app gets from its environment, used to take Technical Token Manager tokens.
/// `description` never shows the secret.
public struct ContractCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The key-store client id (`MDSP_KEY_STORE_CLIENT_ID`), e.g. `mytenant-myapp-v1.0.0`.
    public var clientID: String
    /// The key-store client secret (`MDSP_KEY_STORE_CLIENT_SECRET`); never printed.
    public var clientSecret: String
    /// The app's internal name (`MDSP_OS_VM_APP_NAME`).
    public var appName: String
    /// The app version (`MDSP_OS_VM_APP_VERSION`).
    public var appVersion: String
    /// The tenant hosting the app (`MDSP_HOST_TENANT`).
    public var hostTenant: String
    /// The tenant whose data the run reads and writes (`MDSP_USER_TENANT`).
    public var userTenant: String

    /// Credentials.
    public init(clientID: String, clientSecret: String, appName: String, appVersion: String, hostTenant: String, userTenant: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.appName = appName
        self.appVersion = appVersion
        self.hostTenant = hostTenant
        self.userTenant = userTenant
    }

    /// The credential of the fake's built-in scenario (tenant `iiotuxpc`, app `testdm` `v1.0.0`).
    public static let fakeDefault = ContractCredentials(app: .fakeDefault)

    /// The credentials of a fake's app credential, acting in its host tenant.
    public init(app: AppCredential) {
        self.init(
            clientID: app.clientID, clientSecret: app.clientSecret, appName: app.appName, appVersion: app.appVersion,
            hostTenant: app.hostTenant, userTenant: app.hostTenant)
    }

    /// The `X-SPACE-AUTH-KEY` value: `Basic base64(clientId:clientSecret)`.
    public var spaceAuthKey: String {
        "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
    }

    /// The values that must never appear in output.
    public var secrets: [String] {
        [clientSecret, Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()].filter { !$0.isEmpty }
    }

    /// Everything except the secret.
    public var description: String {
        "client \(clientID), app \(appName) \(appVersion), host tenant \(hostTenant), user tenant \(userTenant), secret <redacted>"
    }
}
