import Synchronization

/// The fake's control operations as plain methods, for in-process Swift users; the `/_fake/` routes call the same.
///
/// ```swift
/// let fake = try FakeGateway(configuration: FakeConfiguration(scenario: try .defaultScenario()))
/// fake.control.freezeClock(true)
/// fake.control.advanceClock(milliseconds: 1_801_000)      // tokens issued before are now expired
/// fake.control.addFault(FaultRule(method: "PUT", pathPattern: "/api/iottimeseries/**",
///                                 action: .status(429, retryAfterSeconds: 5, delayMilliseconds: 0), times: 2))
/// try fake.control.reset()                                // back to the loaded scenario
/// ```
public final class FakeControl: Sendable {
    /// The clock every time-based rule reads.
    public let clock: FakeClock
    /// The active fault rules.
    public let faults: FaultInjector
    /// The request journal.
    public let journal: RequestJournal
    /// Reads files named by scenarios loaded at run time (`nil`: such scenarios may not name files).
    public let fileReader: (any ScenarioFileReader)?
    /// The alternatives in force for the switchable assumptions.
    public let assumptions: AssumptionSettings
    let tokens: TokenService
    let credentials: CredentialDirectory
    let assets: AssetStore
    private let timeSeries: TimeSeriesStore
    private let loaded: Mutex<Scenario>
    /// The file of the scenario the fake started with; posted scenarios may read files only below its directory.
    private let startedFrom: String?

    /// A control over the given parts of a gateway (`FakeGateway` builds it).
    package init(
        scenario: Scenario, clock: FakeClock, tokens: TokenService, credentials: CredentialDirectory, assets: AssetStore,
        timeSeries: TimeSeriesStore, faults: FaultInjector, journal: RequestJournal, fileReader: (any ScenarioFileReader)?,
        assumptions: AssumptionSettings = AssumptionSettings()
    ) {
        self.assumptions = assumptions
        self.loaded = Mutex(scenario)
        self.startedFrom = scenario.sourceFile
        self.clock = clock
        self.tokens = tokens
        self.credentials = credentials
        self.assets = assets
        self.timeSeries = timeSeries
        self.faults = faults
        self.journal = journal
        self.fileReader = fileReader
    }

    /// The scenario that reset restores.
    public var scenario: Scenario { loaded.withLock { $0 } }

    // MARK: Scenario and reset

    /// Back to the loaded scenario: its assets, series, credentials and faults; no revocations, an empty journal,
    /// and the clock back on the wall clock (running, no offset).
    /// - Throws: `ScenarioError` if the scenario no longer loads (it loaded before, so this does not happen in practice).
    public func reset() throws(ScenarioError) {
        clock.reset()
        try apply(scenario)
    }

    /// Loads `newScenario` in place of the current one (and makes it what reset restores). On failure the previous
    /// scenario stays loaded.
    /// - Throws: `ScenarioError` naming the resource that cannot be created.
    public func loadScenario(_ newScenario: Scenario) throws(ScenarioError) {
        let previous = scenario
        do {
            try apply(newScenario)
        } catch {
            try? apply(previous)
            throw error
        }
        loaded.withLock { $0 = newScenario }
    }

    /// Parses and loads a scenario text (YAML or JSON). Files it names are read through `fileReader`, confined by
    /// `ConfinedScenarioFileReader` to the directory of the scenario file the fake was started with.
    /// - Throws: `ScenarioError` naming file, line and problem.
    @discardableResult
    public func loadScenario(text: String, file: String = "<posted scenario>") throws(ScenarioError) -> Scenario {
        let reader = fileReader.map { ConfinedScenarioFileReader(base: $0, rootFile: startedFrom, postedName: file) }
        let parsed = try ScenarioLoader(reader: reader).load(text: text, file: file)
        try loadScenario(parsed)
        return parsed
    }

    /// Loads the scenario the gateway starts with (the clock is left as it was given).
    func start() throws(ScenarioError) {
        try apply(scenario)
    }

    private func apply(_ scenario: Scenario) throws(ScenarioError) {
        try scenario.validateSettings()
        // Before the seed data: the scenario's choices also decide how its own bodies and records are read.
        assumptions.replace(with: try scenario.assumptionChoices())
        credentials.load(scenario)
        try assets.load(scenario)
        try timeSeries.load(scenario)
        timeSeries.ingestionDelayMilliseconds = Int64(scenario.ingestionDelayMilliseconds)
        tokens.clearRevocations()
        faults.replace(with: scenario.faults)
        journal.clear()
    }

    /// Sets the ingestion delay (ms) until the next reset or scenario load, brought into
    /// `Scenario.ingestionDelayMillisecondsRange`.
    public func setIngestionDelay(milliseconds: Int) {
        let range = Scenario.ingestionDelayMillisecondsRange
        timeSeries.ingestionDelayMilliseconds = Int64(min(max(range.lowerBound, milliseconds), range.upperBound))
    }

    /// The current ingestion delay in milliseconds.
    public var ingestionDelayMilliseconds: Int { Int(timeSeries.ingestionDelayMilliseconds) }

    // MARK: Assumptions

    /// The alternatives in force now.
    public var assumptionChoices: AssumptionChoices { assumptions.choices }

    /// Puts the named alternatives in force until the next reset or scenario load (which restore the scenario's
    /// choices); all or nothing.
    /// - Throws: `FakeError` (400) naming an unknown assumption id or alternative.
    public func pickAssumptions(_ picks: [String: String]) throws(FakeError) {
        try assumptions.pick(picks)
    }

    /// Every assumption of the registry with its evidence and, for switchable ones, the alternatives and the one in
    /// force: `{"assumptions":[{"id","evidence","behaviour","alternatives":[{"name","behaviour"}],"inForce"}]}`.
    public var assumptionsJSON: JSONValue {
        let choices = assumptionChoices
        let entries = AssumptionRegistry.all.map { assumption -> JSONValue in
            let alternatives = assumption.alternatives.map { alternative -> JSONValue in
                .object(["name": .string(alternative.name), "behaviour": .string(alternative.behaviour)])
            }
            return .object([
                "id": .string(assumption.id),
                "evidence": .string(assumption.evidence.rawValue),
                "behaviour": .string(assumption.behaviour),
                "alternatives": .array(alternatives),
                "inForce": choices.alternative(of: assumption.id).map(JSONValue.string) ?? .null,
            ])
        }
        return .object(["assumptions": .array(entries)])
    }

    // MARK: Clock

    /// Moves the clock by `milliseconds` (negative moves it back).
    public func advanceClock(milliseconds: Int64) { clock.advance(milliseconds: milliseconds) }

    /// Sets the clock to `milliseconds` since 1970.
    public func setClock(milliseconds: Int64) { clock.set(milliseconds: milliseconds) }

    /// Freezes the clock at the current instant, or lets it run on.
    public func freezeClock(_ frozen: Bool) { clock.freeze(frozen) }

    /// The clock as the control plane shows it: `{"now","epochMilliseconds","frozen"}`.
    public var clockJSON: JSONValue {
        let now = clock.nowMilliseconds()
        return .object([
            "now": .string(Timestamp.format(milliseconds: now)),
            "epochMilliseconds": .number(.integer(now)),
            "frozen": .bool(clock.isFrozen),
        ])
    }

    // MARK: Tokens

    /// Expires every token issued so far.
    public func expireAllTokens() { tokens.revokeAll(nowSeconds: clock.nowSeconds()) }

    /// Expires one token, given as the compact token or its `jti`; returns whether it was recognised.
    @discardableResult
    public func expireToken(_ tokenOrID: String) -> Bool { tokens.revoke(tokenOrID: tokenOrID) }

    // MARK: Faults

    /// Adds a fault rule (after the existing ones) and returns it with its id.
    @discardableResult
    public func addFault(_ rule: FaultRule) -> FaultRule { faults.add(rule) }

    /// The active fault rules with their counters.
    public func faultRules() -> [FaultInjector.ActiveRule] { faults.list() }

    /// Removes one fault rule; returns whether it existed.
    @discardableResult
    public func removeFault(id: String) -> Bool { faults.remove(id: id) }

    /// Removes every fault rule.
    public func removeAllFaults() { faults.removeAll() }

    // MARK: Journal

    /// Journal entries (secrets masked), oldest first; see `RequestJournal.entries`.
    public func requests(pathContains: String? = nil, status: String? = nil, limit: Int = 100) -> [RequestJournal.Entry] {
        journal.entries(pathContains: pathContains, status: status, limit: limit)
    }

    // MARK: State

    /// Loads a dump as `state()` returns it (credentials stay those of the current scenario); it becomes what reset
    /// restores. The clock is set to the dump's reading.
    /// - Throws: `ScenarioError` when the dump does not load.
    public func loadState(_ dump: JSONValue) throws(ScenarioError) {
        let reader = StateDumpReader(base: scenario)
        let now = try reader.clockReading(in: dump)
        try loadScenario(try reader.scenario(from: dump))
        if let now {
            clock.set(milliseconds: now)
            clock.freeze(dump["clock"]?["frozen"]?.boolValue ?? false)
        }
    }

    /// A dump of the whole state: the scenario's settings, clock, faults, Asset Management and IoT Time Series.
    public func state() -> JSONValue {
        let scenario = self.scenario
        return .object([
            "scenario": .object([
                "name": .string(scenario.name),
                "seed": .number(.integer(Int64(truncatingIfNeeded: scenario.seed))),
                "tenants": .array(scenario.tenants.map(JSONValue.string)),
                "tokenLifetimeSeconds": .int(credentials.tokenLifetimeSeconds),
                "ingestionDelayMilliseconds": .int(ingestionDelayMilliseconds),
                "assumptions": assumptionChoices.json,
            ]),
            "clock": clockJSON,
            "faults": .array(faults.list().map(\.json)),
            "assetManagement": assets.stateDump(tenants: scenario.tenants),
            "timeSeries": timeSeries.snapshot(),
        ])
    }
}
