/// The slots of a tenant's asset table (deleted assets included) in one list sort order, as of one generation of
/// the table.
struct AssetListOrder: Sendable {
    /// The `TenantAssetModel.assetGeneration` the order was built from.
    let generation: Int
    /// The slots in order.
    let slots: [Int]
}
