/// An application credential of the Technical Token Manager: client id `{tenant}-{appName}-{appVersion}`.
public struct AppCredential: Sendable, Equatable {
    /// The tenant that hosts the app (`hostTenant`).
    public var hostTenant: String
    /// The app's internal name.
    public var appName: String
    /// The app version, e.g. `v1.0.0`.
    public var appVersion: String
    /// The client secret.
    public var clientSecret: String
    /// Tenants the app is provisioned to (`userTenant` values accepted besides the host tenant).
    public var userTenants: [String]
    /// Scopes granted to tokens of this app.
    public var scopes: [String]

    /// The client id, `{hostTenant}-{appName}-{appVersion}`.
    public var clientID: String { "\(hostTenant)-\(appName)-\(appVersion)" }

    /// A credential.
    public init(
        hostTenant: String,
        appName: String,
        appVersion: String,
        clientSecret: String,
        userTenants: [String] = [],
        scopes: [String] = AppCredential.defaultScopes
    ) {
        self.hostTenant = hostTenant
        self.appName = appName
        self.appVersion = appVersion
        self.clientSecret = clientSecret
        self.userTenants = userTenants
        self.scopes = scopes
    }

    /// The scopes app credentials get unless a scenario says otherwise (admin-level, as for app credentials).
    public static let defaultScopes = [
        "mdsp:core:assetmanagement.admin", "mdsp:core:iot.timAdmin", "iot.tim.r", "iot.tim.w", "iot.tim.d", "tm.t.r",
    ]
}

/// A service credential for the tenant's `/oauth/token` endpoint (Basic auth, client credentials grant).
public struct ServiceCredential: Sendable, Equatable {
    /// The client id.
    public var clientID: String
    /// The client secret.
    public var clientSecret: String
    /// The tenant its tokens act in.
    public var tenant: String
    /// Scopes granted to its tokens.
    public var scopes: [String]

    /// A credential.
    public init(clientID: String, clientSecret: String, tenant: String, scopes: [String] = AppCredential.defaultScopes) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tenant = tenant
        self.scopes = scopes
    }
}
