/// Builds one `Scenario` from a scenario file and the files it includes, in order: includes first, then the
/// including file's own content (which overrides scalars such as `name` and merges into tenants of the same name).
struct ScenarioCompiler {
    let loader: ScenarioLoader
    var scenario = Scenario(name: "scenario", tenants: [])
    var seedGiven = false
    var nameGiven = false
    var openFiles: [String] = []
    /// The file compilation started with.
    var rootFile = "<scenario>"
    /// Asset ids by tenant and name, for `parent:` and `asset:` references (`nil` marks an ambiguous name).
    var assetIDsByName: [String: [String: String?]] = [:]
    /// Asset ids already used, by tenant (the type-level check is Asset Management's; this one names both lines).
    var assetIDs: [String: Set<String>] = [:]
    /// The root asset id of each tenant, once known.
    var rootAssetIDs: [String: String] = [:]
    /// The type ids of seeded assets, by tenant and asset id (to type CSV columns).
    var assetTypeIDs: [String: [String: String]] = [:]

    init(loader: ScenarioLoader) {
        self.loader = loader
    }

    private static let topLevelKeys: Set<String> = [
        "name", "description", "seed", "include", "tokenLifetimeSeconds", "ingestionDelayMilliseconds",
        "ingestionDelaySeconds", "tenants", "faults", "assumptions",
    ]

    /// Compiles one file (and, first, the files it includes).
    mutating func compile(text: String, file: String) throws(ScenarioError) {
        if openFiles.contains(file) {
            throw ScenarioError("include cycle: \((openFiles + [file]).joined(separator: " -> "))", at: SourceLocation(file: file, line: 1))
        }
        if openFiles.isEmpty { rootFile = file }
        openFiles.append(file)
        defer { openFiles.removeLast() }
        let root = try ScenarioNode.parse(text, file: file)
        try root.onlyKeys(Self.topLevelKeys, in: "the scenario")
        if let seed = root.child("seed"), !seedGiven {
            let value = try seed.integer("seed")
            guard value >= 0 else { throw seed.error("seed must not be negative") }
            scenario.seed = UInt64(value)
            seedGiven = true
        }
        if let include = root.child("include") {
            for item in try include.items("include", allowSingle: true) {
                let path = try item.string("an include")
                let included = try loader.read(path, relativeTo: file, at: item.location)
                try compile(text: included.text, file: included.path)
            }
        }
        if let name = root.child("name") {
            if !nameGiven || openFiles.count == 1 { scenario.name = try name.string("name") }
            nameGiven = true
        }
        if let lifetime = root.child("tokenLifetimeSeconds") {
            let value = try lifetime.integer("tokenLifetimeSeconds")
            let range = Scenario.tokenLifetimeSecondsRange
            guard value >= range.lowerBound, value <= range.upperBound else {
                throw lifetime.error("tokenLifetimeSeconds must be from \(range.lowerBound) to \(range.upperBound) (10 years)")
            }
            scenario.tokenLifetimeSeconds = Int(value)
        }
        if let delay = root.child("ingestionDelayMilliseconds") {
            scenario.ingestionDelayMilliseconds = try Self.nonNegative(delay, "ingestionDelayMilliseconds")
        }
        if let delay = root.child("ingestionDelaySeconds") {
            let seconds = try delay.integer("ingestionDelaySeconds")
            guard (0...86_400).contains(seconds) else { throw delay.error("ingestionDelaySeconds must be from 0 to 86400") }
            scenario.ingestionDelayMilliseconds = Int(seconds) * 1000
        }
        if let assumptions = root.child("assumptions") {
            for (id, value) in try assumptions.entries("assumptions") {
                let alternative = try value.string("the alternative of assumption '\(id)'")
                do {
                    var check = AssumptionChoices.defaults
                    try check.pick(alternative, for: id)
                } catch {
                    throw value.error(error.message)
                }
                scenario.assumptions[id] = alternative
            }
        }
        if let tenants = root.child("tenants") {
            for tenant in try tenants.items("tenants") { try compileTenant(tenant) }
        }
        if let faults = root.child("faults") {
            for fault in try faults.items("faults") { try compileFault(fault) }
        }
    }

    /// The finished scenario.
    func finish() throws(ScenarioError) -> Scenario {
        guard !scenario.tenants.isEmpty else {
            throw ScenarioError(
                "the scenario has no tenants (add 'tenants:' with at least one '- name: <tenant>')",
                at: SourceLocation(file: rootFile, line: 1))
        }
        return scenario
    }

    private mutating func compileFault(_ node: ScenarioNode) throws(ScenarioError) {
        guard case .object(let object) = node.json else { throw node.error("a fault rule must be a mapping") }
        do {
            var rule = try FaultRule(json: object)
            if rule.id.isEmpty { rule.id = "scenario-fault-\(scenario.faults.count + 1)" }
            scenario.faults.append(rule)
        } catch {
            throw node.error(error.message)
        }
    }

    private static func nonNegative(_ node: ScenarioNode, _ what: String) throws(ScenarioError) -> Int {
        let value = try node.integer(what)
        guard (0...86_400_000).contains(value) else { throw node.error("\(what) must be from 0 to 86400000") }
        return Int(value)
    }

    /// A deterministic 32-hex id for a generated resource, from the scenario seed and a stable description.
    func derivedID(_ description: String) -> String {
        Identifiers.derived(from: "\(scenario.seed)/\(description)")
    }
}
