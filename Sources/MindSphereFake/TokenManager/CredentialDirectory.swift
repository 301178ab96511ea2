import Synchronization

/// The credentials and token lifetime of the loaded scenario, replaceable when another scenario is loaded. Client ids
/// are looked up by their exact bytes (`ExactText`), never by Unicode equivalence.
package final class CredentialDirectory: Sendable {
    private struct State {
        var apps: [ExactText: AppCredential] = [:]
        var services: [ExactText: ServiceCredential] = [:]
        var tokenLifetimeSeconds = 1800
    }

    private let state = Mutex(State())

    /// A directory holding the credentials of `scenario`.
    public init(scenario: Scenario) {
        load(scenario)
    }

    /// Replaces everything with the credentials of `scenario`.
    public func load(_ scenario: Scenario) {
        state.withLock { state in
            state.apps = Dictionary(scenario.appCredentials.map { (ExactText($0.clientID), $0) }, uniquingKeysWith: { $1 })
            state.services = Dictionary(scenario.serviceCredentials.map { (ExactText($0.clientID), $0) }, uniquingKeysWith: { $1 })
            state.tokenLifetimeSeconds = scenario.tokenLifetimeSeconds
        }
    }

    /// The app credential whose client id has exactly the bytes of `clientID`.
    public func appCredential(clientID: String) -> AppCredential? { state.withLock { $0.apps[ExactText(clientID)] } }

    /// The service credential whose client id has exactly the bytes of `clientID`.
    public func serviceCredential(clientID: String) -> ServiceCredential? { state.withLock { $0.services[ExactText(clientID)] } }

    /// Seconds a new token lives.
    public var tokenLifetimeSeconds: Int { state.withLock { $0.tokenLifetimeSeconds } }
}
