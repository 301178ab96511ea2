/// Sorted views of a tenant's assets for `GET /assets`, cached per sort spec until the asset table changes.
extension TenantAssetModel {
    /// How many sort orders a tenant keeps at most.
    static let listOrderLimit = 8

    /// All assets sorted as `page` asks (`key` reads one sort field of an asset), from the cache while the asset
    /// table is unchanged, else sorted afresh and cached.
    mutating func assetsSorted(by page: PageRequest, key: (AssetRecord, String) -> String) -> [AssetRecord] {
        let spec = page.sortText
        let generation = assetGeneration
        if let cached = assetListOrders[spec], cached.generation == generation { return cached.assets }
        let sorted = page.sorted(Array(assets.values), key: key)
        var kept = assetListOrders.filter { $0.value.generation == generation }
        if kept.count >= Self.listOrderLimit { kept.removeAll() }
        kept[spec] = AssetListOrder(generation: generation, assets: sorted)
        assetListOrders = kept
        return sorted
    }

    /// A copy with the tenant's types but neither its asset table nor cached orders: enough to render assets without
    /// `hierarchyPath` outside the store lock, and it leaves the store's asset table uniquely referenced.
    var typesOnlyView: TenantAssetModel {
        var view = self
        view.assets = [:]
        view.assetListOrders = [:]
        return view
    }
}
