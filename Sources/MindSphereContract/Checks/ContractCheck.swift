import Foundation
import HTTPTypes

/// One contract check: a named, tiered piece of behaviour of the real gateway, written once against `ContractTarget`.
public struct ContractCheck: Sendable, Identifiable {
    /// How strict a check is.
    public enum Tier: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        /// Happy paths; failing one means the target is unusable.
        case happyPath = 1
        /// Behaviour: paging, filters, etags, validation, partial success.
        case behaviour = 2
        /// Exact error bodies and limits.
        case strict = 3

        /// Orders by strictness.
        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `tier 1` etc.
        public var description: String { "tier \(rawValue)" }
    }

    /// A stable dotted id, e.g. `am.assets.list`; `--only` matches it.
    public let id: String
    /// The tier.
    public let tier: Tier
    /// What the check shows, in one line.
    public let summary: String
    /// Capabilities the target must have; checks that create anything require `.writes`.
    public let requires: TargetCapabilities
    /// Ids of the assumptions (`AssumptionRegistry`) whose truth on a real tenant this check reveals.
    public let verifies: [String]
    /// The check itself: throws `CheckFailure` when the target does not behave as the real gateway does.
    public let body: @Sendable (CheckContext) async throws -> Void

    /// A check.
    public init(
        _ id: String, tier: Tier, requires: TargetCapabilities = [], verifies: [String] = [], _ summary: String,
        body: @escaping @Sendable (CheckContext) async throws -> Void
    ) {
        self.id = id
        self.tier = tier
        self.summary = summary
        self.requires = requires
        self.verifies = verifies
        self.body = body
    }

    /// Whether the check writes anything (it is skipped in read-only runs).
    public var writes: Bool { requires.contains(.writes) }
}
