import Synchronization

/// The assumption choices in force in one fake, shared by the APIs that read them. Thread-safe; each request reads
/// one snapshot, so a switch at run time never splits a request between two behaviours.
public final class AssumptionSettings: Sendable {
    private let current: Mutex<AssumptionChoices>

    /// Settings starting at `choices` (the registry's defaults unless given).
    public init(_ choices: AssumptionChoices = .defaults) {
        current = Mutex(choices)
    }

    /// The choices in force now.
    public var choices: AssumptionChoices {
        current.withLock { $0 }
    }

    /// Replaces every choice (a scenario load or reset).
    public func replace(with choices: AssumptionChoices) {
        current.withLock { $0 = choices }
    }

    /// Changes the choices named in `picks` and keeps the others; all or nothing.
    /// - Throws: `FakeError` (400) for an unknown id or alternative, having changed nothing.
    public func pick(_ picks: [String: String]) throws(FakeError) {
        try current.withLock { (choices: inout AssumptionChoices) throws(FakeError) in
            var changed = choices
            for (id, alternative) in picks.sorted(by: { $0.key < $1.key }) { try changed.pick(alternative, for: id) }
            choices = changed
        }
    }
}
