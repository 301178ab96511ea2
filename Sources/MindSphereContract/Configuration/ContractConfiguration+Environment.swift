import Foundation
import HTTPTypes

extension ContractConfiguration {
    /// The environment variables the kit reads; the credential names are those a MindSphere (Cloud Foundry) app
    /// receives.
    public enum Variable {
        /// The gateway base URL.
        public static let gatewayURL = "MDSP_GATEWAY_URL"
        /// The key-store client id.
        public static let clientID = "MDSP_KEY_STORE_CLIENT_ID"
        /// The key-store client secret.
        public static let clientSecret = "MDSP_KEY_STORE_CLIENT_SECRET"
        /// The app name.
        public static let appName = "MDSP_OS_VM_APP_NAME"
        /// The app version.
        public static let appVersion = "MDSP_OS_VM_APP_VERSION"
        /// The host tenant.
        public static let hostTenant = "MDSP_HOST_TENANT"
        /// The user tenant.
        public static let userTenant = "MDSP_USER_TENANT"
        /// A PEM file to trust for HTTPS.
        public static let caCertificate = "MDSP_CONTRACT_CA_CERT"
        /// Milliseconds between requests to a real gateway.
        public static let pacing = "MDSP_CONTRACT_PACING_MS"
        /// The control token of a fake started with `--control-token`.
        public static let controlToken = "MDSP_FAKE_CONTROL_TOKEN"
    }

    /// The configuration from `environment` (the process environment by default); empty values count as unset.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ContractConfiguration {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        return ContractConfiguration(
            gatewayURL: value(Variable.gatewayURL), clientID: value(Variable.clientID),
            clientSecret: value(Variable.clientSecret), appName: value(Variable.appName),
            appVersion: value(Variable.appVersion), hostTenant: value(Variable.hostTenant),
            userTenant: value(Variable.userTenant), caCertificateFile: value(Variable.caCertificate),
            pacingMilliseconds: value(Variable.pacing).flatMap(Int.init) ?? 200,
            controlToken: value(Variable.controlToken)
        )
    }
}
