public import Logging

/// How a fake behaves, apart from the data it holds; every field has a default.
public struct FakeConfiguration: Sendable {
    /// The scenario loaded at start and restored by reset.
    public var scenario: Scenario
    /// The key that signs tokens; by default one generated per process.
    public var signingKey: SigningKey
    /// Seed for generated ids, so runs can repeat; `nil` seeds from the system's random source.
    public var seed: UInt64?
    /// How many requests the journal keeps (0 turns it off).
    public var journalCapacity: Int
    /// Reads files named by scenarios posted at run time (`include:`, fixtures); `nil` refuses such scenarios.
    public var scenarioFileReader: (any ScenarioFileReader)?
    /// When set, every `/_fake/` request must carry `X-Fake-Control-Token` with exactly this value, else 401
    /// (`ControlPlaneGuard`); an empty string admits nothing. `nil` leaves the control plane to the Host and Origin
    /// checks for requests that arrive over a listener.
    public var controlToken: String?
    /// Where one entry per answered request goes (`RequestLog`); by default nowhere.
    public var logger: Logger
    /// The dashboard's third-party files by name (`dygraph.min.js`, `dygraph.css`), served under `/_fake/ui/vendor/`;
    /// the CLI reads them from Debian's `libjs-dygraphs`. Empty: the page says which package to install.
    public var dashboardLibraries: [String: [UInt8]] = [:]

    /// A configuration.
    public init(
        scenario: Scenario = .minimal,
        signingKey: SigningKey = .processDefault,
        seed: UInt64? = nil,
        journalCapacity: Int = 1000,
        scenarioFileReader: (any ScenarioFileReader)? = nil,
        controlToken: String? = nil,
        logger: Logger = Logger(label: "mindsphere-fake", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.logger = logger
        self.controlToken = controlToken
        self.scenario = scenario
        self.signingKey = signingKey
        self.seed = seed
        self.journalCapacity = journalCapacity
        self.scenarioFileReader = scenarioFileReader
    }
}
