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
    /// Asset Management files to load (before types and assets, which may assign them).
    public var files: [ScenarioFile] = []
    /// Tenants whose model lock (`/model/lock`) is on after loading and after every reset.
    public var modelLockedTenants: [String] = []
    /// The `uploaded` time of seeded files (a dump keeps each file's own; scenarios use 2024-01-01T00:00:00Z).
    public var filesUploadedMilliseconds: Int64 = 1_704_067_200_000
    /// Seed for generated ids, so runs repeat.
    public var seed: UInt64 = 1
    /// Fault rules active from the start (and again after every reset).
    public var faults: [FaultRule] = []
    /// Milliseconds after which written time-series data becomes readable; 0 (the default) means at once.
    public var ingestionDelayMilliseconds: Int = 0
    /// Alternatives picked for switchable assumptions (`AssumptionRegistry.switchable`), by assumption id; the
    /// others keep their defaults. In force from load and again after every reset.
    public var assumptions: [String: String] = [:]
    /// The file the scenario was loaded from (as its reader names it), `nil` for one given as text or built in code.
    /// Scenarios posted at run time may read files only below this file's directory.
    public var sourceFile: String?

    /// The token lifetimes a scenario, a state dump or `serve --token-lifetime` may set: 1 second to 10 years
    /// (3650 days). Bounded so `iat + lifetime` can never overflow, whatever the clock reads.
    public static let tokenLifetimeSecondsRange: ClosedRange<Int> = 1...315_360_000
    /// The ingestion delays a scenario or the control plane may set: 0 to 24 hours, in milliseconds.
    public static let ingestionDelayMillisecondsRange: ClosedRange<Int> = 0...86_400_000

    /// Refuses settings outside their documented ranges, so a scenario built in code (or changed by a flag after
    /// loading) cannot put an unchecked number into the token or time-series arithmetic.
    /// - Throws: `ScenarioError` naming the setting.
    public func validateSettings() throws(ScenarioError) {
        let lifetimes = Self.tokenLifetimeSecondsRange
        let delays = Self.ingestionDelayMillisecondsRange
        guard lifetimes.contains(tokenLifetimeSeconds) else {
            throw ScenarioError("tokenLifetimeSeconds must be from \(lifetimes.lowerBound) to \(lifetimes.upperBound), got \(tokenLifetimeSeconds)")
        }
        guard delays.contains(ingestionDelayMilliseconds) else {
            throw ScenarioError(
                "ingestionDelayMilliseconds must be from \(delays.lowerBound) to \(delays.upperBound), got \(ingestionDelayMilliseconds)")
        }
        _ = try assumptionChoices()
    }

    /// The assumption choices the scenario puts in force.
    /// - Throws: `ScenarioError` naming an unknown assumption id or alternative.
    public func assumptionChoices() throws(ScenarioError) -> AssumptionChoices {
        do {
            return try AssumptionChoices(assumptions)
        } catch {
            throw ScenarioError("assumptions: \(error.message)")
        }
    }

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
        appCredentials: [.fakeDefault],
        serviceCredentials: [.fakeDefault]
    )
}
