/// What an index knows about which assets a filter matches: the slots in `sure` match, those in `maybe` might
/// (the filter decides them one by one), every other slot does not. The two never overlap.
struct AssetCandidates: Sendable, Equatable {
    /// Slots that match for certain.
    var sure: SlotSet
    /// Slots the filter has to test.
    var maybe: SlotSet

    /// Nothing known: every slot of `universe` has to be tested.
    static func unknown(_ universe: SlotSet) -> AssetCandidates { AssetCandidates(sure: SlotSet(), maybe: universe) }

    /// Exactly `slots` match.
    static func exactly(_ slots: SlotSet) -> AssetCandidates { AssetCandidates(sure: slots, maybe: SlotSet()) }

    /// The slots that may match at all.
    var possible: SlotSet { sure.union(maybe) }

    /// Both hold: sure where both are sure, to be tested where both may match.
    func and(_ other: AssetCandidates) -> AssetCandidates {
        let sure = sure.intersection(other.sure)
        return AssetCandidates(sure: sure, maybe: possible.intersection(other.possible).subtracting(sure))
    }

    /// Either holds: sure where one is sure, to be tested where one may match.
    func or(_ other: AssetCandidates) -> AssetCandidates {
        let sure = sure.union(other.sure)
        return AssetCandidates(sure: sure, maybe: possible.union(other.possible).subtracting(sure))
    }

    /// The negation within `universe`: sure where this cannot match; what had to be tested still has to be.
    func negated(within universe: SlotSet) -> AssetCandidates {
        AssetCandidates(sure: universe.subtracting(possible), maybe: maybe)
    }
}
