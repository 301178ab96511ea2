/// Sorted, filtered pages of a tenant's assets for `GET /assets`.
extension TenantAssetModel {
    /// How many sort orders a tenant keeps at most.
    static let listOrderLimit = 8

    /// One page of the assets `evaluator` accepts, sorted as `page` asks, and how many match in all.
    ///
    /// Through the indexes (`throughIndexes`), the filter tests only the slots the indexes cannot decide; without,
    /// it tests every asset. Both walk the same cached order, so they differ in cost only.
    mutating func assetPage(
        _ page: PageRequest, evaluator: FilterEvaluator, throughIndexes: Bool, key: (AssetRecord, String) -> String
    ) -> (assets: [AssetRecord], total: Int) {
        let table = assets
        let matches: SlotSet
        if let expression = evaluator.expression {
            let candidates =
                throughIndexes
                ? AssetFilterPlanner(index: table.index, typeFamilies: evaluator.typeFamilies).candidates(expression)
                : .unknown(table.index.present)
            var accepted = candidates.sure
            for slot in candidates.maybe.slots where evaluator.matches(table.record(at: slot)) { accepted.insert(slot) }
            matches = accepted
        } else {
            matches = table.index.present
        }
        let total = matches.count
        let window = page.window
        var found: [AssetRecord] = []
        guard window.lowerBound < total else { return ([], total) }
        var position = 0
        for slot in sortedSlots(by: page, key: key) where matches.contains(slot) {
            if window.contains(position) { found.append(table.record(at: slot)) }
            position += 1
            if position >= window.upperBound { break }
        }
        return (found, total)
    }

    /// All slots sorted as `page` asks, ties broken by asset id so every path sees one order; cached per sort
    /// spec until the asset table changes.
    mutating func sortedSlots(by page: PageRequest, key: (AssetRecord, String) -> String) -> [Int] {
        let spec = page.sortText
        let generation = assetGeneration
        if let cached = assetListOrders[spec], cached.generation == generation { return cached.slots }
        let table = assets
        let slots = table.occupiedSlots
        let fields = page.sortFields
        let keys = slots.map { slot in
            let asset = table.record(at: slot)
            return (fields: fields.map { key(asset, $0) }, id: asset.assetID)
        }
        let ascending = page.ascending
        let order = keys.indices.sorted { left, right in
            for (a, b) in zip(keys[left].fields, keys[right].fields) where a != b {
                return ascending ? a < b : a > b
            }
            let (a, b) = (keys[left].id, keys[right].id)
            return ascending ? a < b : a > b
        }
        let sorted = order.map { slots[$0] }
        var kept = assetListOrders.filter { $0.value.generation == generation }
        if kept.count >= Self.listOrderLimit { kept.removeAll() }
        kept[spec] = AssetListOrder(generation: generation, slots: sorted)
        assetListOrders = kept
        return sorted
    }

    /// A copy with the tenant's types but neither its asset table nor cached orders: enough to render assets without
    /// `hierarchyPath` outside the store lock, and it leaves the store's asset table uniquely referenced.
    var typesOnlyView: TenantAssetModel {
        var view = self
        view.assets = AssetTable()
        view.assetListOrders = [:]
        return view
    }
}
