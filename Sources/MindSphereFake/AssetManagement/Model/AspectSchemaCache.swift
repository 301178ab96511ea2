/// Aspect schemas that time-series requests looked up, valid for one generation of the tenant's assets and types: any
/// change to either empties it first, so a lookup never answers from a schema that has changed. Keys compare the
/// asset id and aspect name exactly.
struct AspectSchemaCache: Sendable {
    private struct Key: Hashable {
        let assetID: String
        let aspectName: String
    }

    private var generation = (assets: -1, types: -1)
    private var lookups: [Key: AspectSchemaLookup] = [:]
    private static let capacity = 65_536

    /// The lookup of `aspectName` on `assetID` made at this generation, if any.
    mutating func lookup(assetID: String, aspectName: String, generation: (assets: Int, types: Int)) -> AspectSchemaLookup? {
        if generation != self.generation {
            lookups.removeAll(keepingCapacity: true)
            self.generation = generation
            return nil
        }
        return lookups[Key(assetID: assetID, aspectName: aspectName)]
    }

    /// Remembers a lookup made at the current generation.
    mutating func store(_ lookup: AspectSchemaLookup, assetID: String, aspectName: String) {
        if lookups.count >= Self.capacity { lookups.removeAll(keepingCapacity: true) }
        lookups[Key(assetID: assetID, aspectName: aspectName)] = lookup
    }
}
