extension TenantAssetModel {
    /// The list entries of `assets` as JSON bytes, the same as `json(asset:links:basicFieldsOnly:)` writes, reusing
    /// the bytes rendered at the current generations for the same origin (`links`' base) and form; a change to any asset or type
    /// empties the cache first (`RenderedAssetCache`), so an entry is never stale.
    mutating func listEntries(
        of assets: [AssetRecord], origin: RequestOrigin, links: AssetManagementLinks, basicFieldsOnly: Bool
    ) -> [[UInt8]] {
        let generation = (assets: assetGeneration, types: typeGeneration)
        let cache: WritableKeyPath<TenantAssetModel, RenderedAssetCache<[UInt8]>> =
            basicFieldsOnly ? \.renderedBasicListEntries : \.renderedListEntries
        return assets.map { asset in
            if let cached = self[keyPath: cache].rendering(of: asset.assetID, generation: generation, origin: origin) {
                return cached
            }
            let bytes = JSONWriter.bytes(json(asset: asset, links: links, basicFieldsOnly: basicFieldsOnly))
            self[keyPath: cache].store(bytes, of: asset.assetID)
            return bytes
        }
    }
}
