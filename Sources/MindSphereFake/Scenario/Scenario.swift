/// Everything a fake starts with: tenants, credentials and (in the asset and time-series parts) seed data.
public struct Scenario: Sendable {
    /// A short name, shown by the control plane.
    public var name: String
    /// The tenants that exist.
    public var tenants: [String]
    /// Technical Token Manager app credentials.
    public var appCredentials: [AppCredential]
    /// `/oauth/token` service credentials.
    public var serviceCredentials: [ServiceCredential]
    /// Lifetime of issued tokens in seconds.
    public var tokenLifetimeSeconds: Int
    /// Aspect types to create, in order.
    public var aspectTypes: [ScenarioResource] = []
    /// Asset types to create, in order (parents before children).
    public var assetTypes: [ScenarioResource] = []
    /// Assets to create, in order (parents before children; the tenant's root asset first).
    public var assets: [ScenarioResource] = []
    /// Time-series records to load.
    public var timeSeries: [ScenarioTimeSeries] = []
    /// Seed for generated ids, so runs repeat.
    public var seed: UInt64 = 1
    /// Fault rules active from the start (and again after every reset).
    public var faults: [FaultRule] = []
    /// Milliseconds after which written time-series data becomes readable; 0 (the default) means at once.
    public var ingestionDelayMilliseconds: Int = 0

    /// A scenario.
    public init(
        name: String,
        tenants: [String],
        appCredentials: [AppCredential] = [],
        serviceCredentials: [ServiceCredential] = [],
        tokenLifetimeSeconds: Int = 1800
    ) {
        self.name = name
        self.tenants = tenants
        self.appCredentials = appCredentials
        self.serviceCredentials = serviceCredentials
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
    }

    /// The minimal built-in scenario: tenant `iiotuxpc` with the app credential `iiotuxpc-testdm-v1.0.0`.
    public static let minimal = Scenario(
        name: "minimal",
        tenants: ["iiotuxpc"],
        appCredentials: [
            AppCredential(hostTenant: "iiotuxpc", appName: "testdm", appVersion: "v1.0.0", clientSecret: "fake-secret-for-local-use")
        ],
        serviceCredentials: [
            ServiceCredential(clientID: "iiotuxpc-service", clientSecret: "fake-secret-for-local-use", tenant: "iiotuxpc")
        ]
    )
}
