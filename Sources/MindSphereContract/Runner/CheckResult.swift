import Foundation
import HTTPTypes

/// What happened to one check in a run.
public struct CheckResult: Sendable {
    /// The outcome.
    public enum Outcome: Sendable, Equatable {
        /// The target behaved as the real gateway does.
        case passed
        /// It did not; the message says where (secrets redacted).
        case failed(String)
        /// Not run, e.g. the target lacks a capability or the run is read-only.
        case skipped(String)
    }

    /// The check's id.
    public var id: String
    /// The check's tier.
    public var tier: ContractCheck.Tier
    /// The check's summary.
    public var summary: String
    /// The assumption ids the check verifies.
    public var verifies: [String]
    /// The outcome.
    public var outcome: Outcome
    /// Seconds the check took.
    public var durationSeconds: Double
    /// The requests and responses the check recorded.
    public var exchanges: [Exchange]
    /// The alternative of each switchable assumption the target showed (`CheckContext.expectAlternative`).
    public var observedAlternatives: [String: String] = [:]

    /// A result.
    public init(
        id: String, tier: ContractCheck.Tier, summary: String, verifies: [String], outcome: Outcome,
        durationSeconds: Double, exchanges: [Exchange]
    ) {
        self.id = id
        self.tier = tier
        self.summary = summary
        self.verifies = verifies
        self.outcome = outcome
        self.durationSeconds = durationSeconds
        self.exchanges = exchanges
    }

    /// Whether the check failed.
    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// Whether the check was skipped.
    public var skipped: Bool {
        if case .skipped = outcome { return true }
        return false
    }
}
