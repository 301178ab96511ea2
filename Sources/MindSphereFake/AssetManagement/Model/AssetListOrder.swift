/// The tenant's assets (deleted ones included) in one list sort order, as of one generation of the asset table.
struct AssetListOrder: Sendable {
    /// The `TenantAssetModel.assetGeneration` the order was built from.
    let generation: Int
    /// The assets in order.
    let assets: [AssetRecord]
}
