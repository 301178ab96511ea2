import Synchronization

/// The active fault rules, matched against every API request (never the control plane). Thread-safe; costs one
/// atomic load per request while no rule is active.
public final class FaultInjector: Sendable {
    /// A rule with how often it has fired.
    public struct ActiveRule: Sendable {
        /// The rule.
        public var rule: FaultRule
        /// How many requests it has hit so far.
        public var fired: Int
        /// How many more it will hit (`nil`: unlimited).
        public var remaining: Int? { rule.times.map { max(0, $0 - fired) } }

        /// The rule's JSON form plus `fired` and `remaining`.
        public var json: JSONValue {
            guard case .object(var object) = rule.json else { return rule.json }
            object["fired"] = .int(fired)
            object["remaining"] = remaining.map(JSONValue.int) ?? .null
            return .object(object)
        }
    }

    private struct Armed {
        var active: ActiveRule
        let glob: PathGlob
        var random: UInt64
    }

    private let rules = Mutex<[Armed]>([])
    private let count = Atomic<Int>(0)
    private let identifiers: Identifiers

    /// An injector with no rules; ids of rules added without one come from `identifiers`.
    package init(identifiers: Identifiers) {
        self.identifiers = identifiers
    }

    /// The rule hitting a request, if any: the first rule in order whose method and path match, that is not spent,
    /// and whose probability draw succeeds. It is counted as fired.
    public func match(method: String, path: String) -> FaultRule? {
        guard count.load(ordering: .relaxed) > 0 else { return nil }
        return rules.withLock { rules -> FaultRule? in
            for index in rules.indices {
                let rule = rules[index].active.rule
                if let wanted = rule.method, wanted != method { continue }
                if let times = rule.times, rules[index].active.fired >= times { continue }
                guard rules[index].glob.matches(path) else { continue }
                if let probability = rule.probability, Self.unit(&rules[index].random) >= probability { continue }
                rules[index].active.fired += 1
                return rule
            }
            return nil
        }
    }

    /// Adds a rule at the end; a rule without id gets one. Returns the rule as stored.
    @discardableResult
    public func add(_ rule: FaultRule) -> FaultRule {
        var rule = rule
        if rule.id.isEmpty { rule.id = identifiers.next() }
        rules.withLock { rules in
            rules.removeAll { $0.active.rule.id == rule.id }
            rules.append(Armed(active: ActiveRule(rule: rule, fired: 0), glob: PathGlob(rule.pathPattern), random: rule.seed))
            count.store(rules.count, ordering: .relaxed)
        }
        return rule
    }

    /// Replaces every rule with `newRules` (fresh counters).
    public func replace(with newRules: [FaultRule]) {
        removeAll()
        for rule in newRules { add(rule) }
    }

    /// The rules in match order, with their counters.
    public func list() -> [ActiveRule] {
        rules.withLock { $0.map(\.active) }
    }

    /// Removes the rule with `id`; returns whether there was one.
    @discardableResult
    public func remove(id: String) -> Bool {
        rules.withLock { rules in
            let before = rules.count
            rules.removeAll { $0.active.rule.id == id }
            count.store(rules.count, ordering: .relaxed)
            return rules.count != before
        }
    }

    /// Removes every rule.
    public func removeAll() {
        rules.withLock { rules in
            rules.removeAll()
            count.store(0, ordering: .relaxed)
        }
    }

    private static func unit(_ state: inout UInt64) -> Double {
        Identifiers.unitInterval(&state)
    }
}
