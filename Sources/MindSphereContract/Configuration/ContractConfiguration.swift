import Foundation
import HTTPTypes

/// Where a contract run goes and with which credentials, read from the environment a MindSphere app gets
/// (see `ContractConfiguration+Environment.swift`), with command-line flags taking precedence.
public struct ContractConfiguration: Sendable, CustomStringConvertible {
    /// The gateway URL (`MDSP_GATEWAY_URL`), e.g. `https://gateway.eu1.mindsphere.io`.
    public var gatewayURL: String?
    /// The key-store client id (`MDSP_KEY_STORE_CLIENT_ID`).
    public var clientID: String?
    /// The key-store client secret (`MDSP_KEY_STORE_CLIENT_SECRET`); only ever read from the environment.
    public var clientSecret: String?
    /// The app name (`MDSP_OS_VM_APP_NAME`).
    public var appName: String?
    /// The app version (`MDSP_OS_VM_APP_VERSION`).
    public var appVersion: String?
    /// The host tenant (`MDSP_HOST_TENANT`).
    public var hostTenant: String?
    /// The user tenant (`MDSP_USER_TENANT`; the host tenant when absent).
    public var userTenant: String?
    /// A PEM file with a CA or self-signed certificate to trust in addition to the system store (`MDSP_CONTRACT_CA_CERT`).
    public var caCertificateFile: String?
    /// Minimum milliseconds between requests to a real gateway (`MDSP_CONTRACT_PACING_MS`, default 200).
    public var pacingMilliseconds: Int
    /// The token a fake started with `--control-token` wants on every `/_fake/` call (`MDSP_FAKE_CONTROL_TOKEN`).
    public var controlToken: String?

    /// A configuration; every field defaults to unset.
    public init(
        gatewayURL: String? = nil, clientID: String? = nil, clientSecret: String? = nil, appName: String? = nil,
        appVersion: String? = nil, hostTenant: String? = nil, userTenant: String? = nil,
        caCertificateFile: String? = nil, pacingMilliseconds: Int = 200, controlToken: String? = nil
    ) {
        self.gatewayURL = gatewayURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.appName = appName
        self.appVersion = appVersion
        self.hostTenant = hostTenant
        self.userTenant = userTenant
        self.caCertificateFile = caCertificateFile
        self.pacingMilliseconds = pacingMilliseconds
        self.controlToken = controlToken
    }

    /// The credentials, when every part is set.
    /// - Throws: `CheckFailure` naming the missing environment variables.
    public func credentials() throws -> ContractCredentials {
        var missing: [String] = []
        if clientID?.isEmpty ?? true { missing.append("MDSP_KEY_STORE_CLIENT_ID") }
        if clientSecret?.isEmpty ?? true { missing.append("MDSP_KEY_STORE_CLIENT_SECRET") }
        if appName?.isEmpty ?? true { missing.append("MDSP_OS_VM_APP_NAME") }
        if appVersion?.isEmpty ?? true { missing.append("MDSP_OS_VM_APP_VERSION") }
        if hostTenant?.isEmpty ?? true { missing.append("MDSP_HOST_TENANT") }
        guard missing.isEmpty, let clientID, let clientSecret, let appName, let appVersion, let hostTenant else {
            throw CheckFailure("missing credentials: set " + missing.joined(separator: ", "))
        }
        return ContractCredentials(
            clientID: clientID, clientSecret: clientSecret, appName: appName, appVersion: appVersion,
            hostTenant: hostTenant, userTenant: userTenant ?? hostTenant)
    }

    /// Whether a real tenant is configured (gateway URL and all credentials).
    public var hasRealTenant: Bool {
        gatewayURL?.isEmpty == false && (try? credentials()) != nil
    }

    /// The trust settings for HTTPS.
    public var trust: TLSTrust {
        caCertificateFile.map { .certificateAuthority(pemFile: $0) } ?? .system
    }

    /// Everything except the secret.
    public var description: String {
        "gateway \(gatewayURL ?? "unset"), client \(clientID ?? "unset"), app \(appName ?? "unset") \(appVersion ?? "unset"), "
            + "host tenant \(hostTenant ?? "unset"), user tenant \(userTenant ?? hostTenant ?? "unset"), "
            + "secret \(clientSecret == nil ? "unset" : "<redacted>")"
    }
}
