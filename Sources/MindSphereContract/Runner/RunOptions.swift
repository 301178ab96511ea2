import Foundation
import HTTPTypes

/// Which checks a run selects and how it behaves.
public struct RunOptions: Sendable {
    /// Only these tiers (all when empty).
    public var tiers: Set<ContractCheck.Tier>
    /// Only checks whose id equals or starts with one of these (all when empty), e.g. `ttm.` or `am.assets.list`.
    public var only: [String]
    /// Run only checks that write nothing.
    public var readOnly: Bool
    /// The run's prefix (a fresh random one by default).
    public var prefix: RunPrefix

    /// Options; the defaults run everything.
    public init(tiers: Set<ContractCheck.Tier> = [], only: [String] = [], readOnly: Bool = false, prefix: RunPrefix = RunPrefix()) {
        self.tiers = tiers
        self.only = only
        self.readOnly = readOnly
        self.prefix = prefix
    }

    /// Whether `check` is selected.
    public func selects(_ check: ContractCheck) -> Bool {
        if !tiers.isEmpty && !tiers.contains(check.tier) { return false }
        if !only.isEmpty && !only.contains(where: { check.id == $0 || check.id.hasPrefix($0) }) { return false }
        return true
    }
}
