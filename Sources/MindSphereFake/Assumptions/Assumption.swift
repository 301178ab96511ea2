/// A behaviour the fake chose where the real gateway's is not established, with its evidence.
public struct Assumption: Sendable, Identifiable {
    /// How strong the evidence for the choice is (the tags of the API facts).
    public enum Evidence: String, Sendable {
        /// Deduced from indirect evidence.
        case inferred = "INFERRED"
        /// Seen only in a source of uncertain provenance.
        case low = "LOW"
        /// Not established at all; the most plausible behaviour was chosen.
        case unknown = "UNKNOWN"
    }

    /// One of two or more plausible behaviours a user can pick (per scenario `assumptions:` or at run time with
    /// `POST /_fake/assumptions`) where the evidence does not settle which one the platform shows.
    public struct Alternative: Sendable, Equatable {
        /// The name a scenario or the control plane uses, e.g. `lenient`.
        public let name: String
        /// What the fake does while this alternative is in force.
        public let behaviour: String

        /// An alternative.
        public init(_ name: String, _ behaviour: String) {
            self.name = name
            self.behaviour = behaviour
        }
    }

    /// A stable id, e.g. `ttm.bad-secret`; contract checks name it.
    public let id: String
    /// What the fake does (by default, for a switchable assumption).
    public let behaviour: String
    /// The evidence level.
    public let evidence: Evidence
    /// The behaviours a user can switch between, the default first; empty when the assumption is fixed.
    public let alternatives: [Alternative]

    /// A fixed assumption.
    public init(_ id: String, _ evidence: Evidence, _ behaviour: String) {
        self.init(id, evidence, behaviour, alternatives: [])
    }

    /// An assumption; with `alternatives` (the default first) a switchable one.
    public init(_ id: String, _ evidence: Evidence, _ behaviour: String, alternatives: [Alternative]) {
        self.id = id
        self.evidence = evidence
        self.behaviour = behaviour
        self.alternatives = alternatives
    }

    /// Whether a user can pick among alternatives.
    public var isSwitchable: Bool { !alternatives.isEmpty }

    /// The alternative in force unless a scenario or the control plane picks another; `nil` for a fixed assumption.
    public var defaultAlternative: String? { alternatives.first?.name }
}
