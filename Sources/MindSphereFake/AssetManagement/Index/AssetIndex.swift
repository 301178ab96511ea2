/// The indexes of one tenant's asset table, kept in step with every change by `AssetTable`: which slots are in
/// use and not deleted, slots by type id and by parent id, and the sorted name and externalId orders.
struct AssetIndex: Sendable {
    /// Slots that hold an asset.
    private(set) var present = SlotSet()
    /// Slots whose asset is not deleted.
    private(set) var live = SlotSet()
    private var byType: [String: SlotSet] = [:]
    private var byParent: [String: SlotSet] = [:]
    private(set) var names = TextOrderIndex()
    private(set) var externalIDs = TextOrderIndex()

    /// The slots of assets whose type id is `typeID` (compared as Swift compares strings, like the filter).
    func slots(ofType typeID: String) -> SlotSet { byType[typeID] ?? SlotSet() }

    /// The slots of assets whose parent id is `parentID`.
    func slots(withParent parentID: String) -> SlotSet { byParent[parentID] ?? SlotSet() }

    /// Records `asset` in `slot`; `old` is what the slot held before, so only changed fields are re-indexed.
    mutating func update(slot: Int, from old: AssetRecord?, to new: AssetRecord?) {
        if old?.typeID != new?.typeID {
            if let old { byType[old.typeID]?.remove(slot) }
            if let new { byType[new.typeID, default: SlotSet()].insert(slot) }
        }
        if old?.parentID != new?.parentID {
            if let old { byParent[old.parentID]?.remove(slot) }
            if let new { byParent[new.parentID, default: SlotSet()].insert(slot) }
        }
        if !Self.sameBytes(old?.name, new?.name) {
            if let old { names.remove(old.name, slot: slot) }
            if let new { names.insert(new.name, slot: slot) }
        }
        if !Self.sameBytes(old?.externalID, new?.externalID) {
            if let text = old?.externalID { externalIDs.remove(text, slot: slot) }
            if let text = new?.externalID { externalIDs.insert(text, slot: slot) }
        }
        if new == nil { present.remove(slot) } else { present.insert(slot) }
        if new != nil, new?.deletedAt == nil { live.insert(slot) } else { live.remove(slot) }
    }

    /// Byte equality: the text indexes order bytes, so a change of bytes is a change even where Swift says equal.
    private static func sameBytes(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case (let a?, let b?): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }
}
