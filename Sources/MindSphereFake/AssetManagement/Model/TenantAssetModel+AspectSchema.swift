extension TenantAssetModel {
    /// The schema of `aspectName` on `assetID`. Every time-series request asks this under the asset store's one lock,
    /// so a repeated question is answered from `aspectSchemas` (valid for the current generations) instead of
    /// walking the asset's type lineage again.
    mutating func aspectSchema(assetID: String, aspectName: String) -> AspectSchemaLookup {
        let generation = (assets: assetGeneration, types: typeGeneration)
        if let cached = aspectSchemas.lookup(assetID: assetID, aspectName: aspectName, generation: generation) { return cached }
        let lookup = freshAspectSchema(assetID: assetID, aspectName: aspectName)
        aspectSchemas.store(lookup, assetID: assetID, aspectName: aspectName)
        return lookup
    }

    /// The schema of `aspectName` on `assetID`, worked out from the model (the twin of the cached answer).
    func freshAspectSchema(assetID: String, aspectName: String) -> AspectSchemaLookup {
        guard let asset = assets[assetID], asset.deletedAt == nil else { return .assetNotFound }
        guard let slot = explodedAspects(of: asset.typeID).first(where: { $0.slot.name == aspectName })?.slot,
            let type = aspectType(slot.aspectTypeID)
        else { return .aspectNotFound }
        return .found(
            AspectSchema(
                assetID: assetID, aspectName: aspectName, aspectTypeID: type.id, category: type.category,
                variables: type.variables, twinType: asset.twinType, timezone: asset.timezone))
    }
}
