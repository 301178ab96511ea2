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

    /// A stable id, e.g. `ttm.bad-secret`; contract checks name it.
    public let id: String
    /// What the fake does.
    public let behaviour: String
    /// The evidence level.
    public let evidence: Evidence

    /// An assumption.
    public init(_ id: String, _ evidence: Evidence, _ behaviour: String) {
        self.id = id
        self.evidence = evidence
        self.behaviour = behaviour
    }
}
