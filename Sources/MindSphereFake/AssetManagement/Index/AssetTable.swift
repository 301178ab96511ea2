/// A tenant's assets by id, each in a numbered slot, with the indexes that answer filtered lists without visiting
/// every asset. Every change goes through the subscript's setter, which keeps the indexes in step.
struct AssetTable: Sendable {
    private var records: [AssetRecord?] = []
    private var slotByID: [String: Int] = [:]
    /// The indexes over the slots.
    private(set) var index = AssetIndex()

    /// An empty table.
    init() {}

    /// The asset with `id`; setting `nil` removes it, setting a record stores it under `id` and re-indexes it.
    subscript(id: String) -> AssetRecord? {
        get { slotByID[id].flatMap { records[$0] } }
        set {
            if let slot = slotByID[id] {
                index.update(slot: slot, from: records[slot], to: newValue)
                records[slot] = newValue
                if newValue == nil { slotByID[id] = nil }
            } else if let newValue {
                let slot = records.count
                records.append(newValue)
                slotByID[id] = slot
                index.update(slot: slot, from: nil, to: newValue)
            }
        }
    }

    /// The asset in `slot`, which must hold one.
    func record(at slot: Int) -> AssetRecord { records[slot]! }

    /// The slot of the asset with `id`.
    func slot(of id: String) -> Int? { slotByID[id] }

    /// The slots in use, in slot order.
    var occupiedSlots: [Int] { index.present.slots }

    /// Every asset, in slot order (creation order).
    var values: [AssetRecord] { records.compactMap { $0 } }

    /// How many assets the table holds.
    var count: Int { slotByID.count }
}
