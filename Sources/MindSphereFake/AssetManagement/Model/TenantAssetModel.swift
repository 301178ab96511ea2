/// All Asset Management state of one tenant: its aspect types, asset types (with the built-in ones) and assets.
struct TenantAssetModel: Sendable {
    /// The tenant.
    let tenant: String
    /// Aspect types by lowercased id; every change bumps `typeGeneration`.
    var aspectTypes: [String: AspectTypeRecord] = [:] {
        didSet { typeGeneration &+= 1 }
    }
    /// Asset types by lowercased id; every change bumps `typeGeneration`.
    var assetTypes: [String: AssetTypeRecord] = [:] {
        didSet { typeGeneration &+= 1 }
    }
    /// Counts changes of `aspectTypes` and `assetTypes` (they shape how assets render).
    private(set) var typeGeneration = 0
    /// Rendered single-asset reads of the current generations.
    var renderedAssets = RenderedAssetCache<RenderedAssetRead>()
    /// Rendered entries of asset lists of the current generations, the full form and the `basicFieldsOnly` one.
    var renderedListEntries = RenderedAssetCache<[UInt8]>()
    var renderedBasicListEntries = RenderedAssetCache<[UInt8]>()
    /// Aspect schemas looked up by time-series requests at the current generations.
    var aspectSchemas = AspectSchemaCache()
    /// Assets by id with their indexes; every change bumps `assetGeneration`.
    var assets = AssetTable() {
        didSet { assetGeneration &+= 1 }
    }
    /// Counts changes of `assets`; a cached list order is valid only for the generation it was built from.
    private(set) var assetGeneration = 0
    /// Cached list orders of `assets` by sort spec (`PageRequest.sortText`).
    var assetListOrders: [String: AssetListOrder] = [:]
    /// The root asset's id.
    var rootAssetID: String
    /// Files (`/files`) by lowercased id.
    var files: [String: FileRecord] = [:]
    /// Whether the model lock (`/model/lock`) is on: aspect and asset types cannot change while it is.
    var modelLocked = false

    /// A fresh tenant with the built-in types and its root asset.
    init(tenant: String) {
        self.tenant = tenant
        for aspectType in CoreTypeCatalog.aspectTypes { aspectTypes[aspectType.id.lowercased()] = aspectType }
        for assetType in CoreTypeCatalog.assetTypes { assetTypes[assetType.id.lowercased()] = assetType }
        let root = CoreTypeCatalog.rootAsset(tenant: tenant)
        rootAssetID = root.assetID
        assets[root.assetID] = root
    }

    /// The aspect type with `id` (ids compare case-insensitively).
    func aspectType(_ id: String) -> AspectTypeRecord? { aspectTypes[id.lowercased()] }

    /// The asset type with `id` (ids compare case-insensitively).
    func assetType(_ id: String) -> AssetTypeRecord? { assetTypes[id.lowercased()] }

    /// The type and its ancestors, root first.
    func lineage(of typeID: String) -> [AssetTypeRecord] {
        var chain: [AssetTypeRecord] = []
        var next: String? = typeID
        while let id = next, let type = assetType(id), !chain.contains(where: { $0.id == type.id }) {
            chain.insert(type, at: 0)
            next = type.parentTypeID
        }
        return chain
    }

    /// The lowercased ids of `typeID` and every type below it.
    func descendantTypeIDs(of typeID: String) -> Set<String> {
        var result: Set<String> = [typeID.lowercased()]
        var grew = true
        while grew {
            grew = false
            for (key, type) in assetTypes where !result.contains(key) {
                if let parent = type.parentTypeID?.lowercased(), result.contains(parent) {
                    result.insert(key)
                    grew = true
                }
            }
        }
        return result
    }

    /// The ids (as stored) of `typeID` and every type below it, for `hasType`.
    func typeFamily(of typeID: String) -> Set<String> {
        Set(descendantTypeIDs(of: typeID).compactMap { assetTypes[$0]?.id })
    }

    /// Variables of a type with the id of the type that defines each, root type first.
    func explodedVariables(of typeID: String) -> [(variable: VariableDefinition, origin: String)] {
        lineage(of: typeID).flatMap { type in type.variables.map { (variable: $0, origin: type.id) } }
    }

    /// Aspects of a type with the id of the type that defines each, root type first.
    func explodedAspects(of typeID: String) -> [(slot: AssetTypeRecord.AspectSlot, origin: String)] {
        lineage(of: typeID).flatMap { type in type.aspects.map { (slot: $0, origin: type.id) } }
    }

    /// The asset with `id`, or a 404 naming it.
    /// - Throws: `FakeError` (404).
    func existingAsset(_ id: String) throws(FakeError) -> AssetRecord {
        guard let asset = assets[id] else { throw Self.assetNotFound(id) }
        return asset
    }

    /// The etag of the asset with `id` (deleted or not), without copying the record; else a 404 naming it.
    /// - Throws: `FakeError` (404) for unknown assets.
    func existingAssetETag(_ id: String) throws(FakeError) -> Int {
        guard let etag = assets[id]?.etag else { throw Self.assetNotFound(id) }
        return etag
    }

    private static func assetNotFound(_ id: String) -> FakeError {
        FakeError.notFound("asset '\(id)' not found")
    }

    /// The asset with `id` if it may still change, else a 404 naming it.
    /// - Throws: `FakeError` (404) for unknown and deleted assets.
    func modifiableAsset(_ id: String) throws(FakeError) -> AssetRecord {
        let asset = try existingAsset(id)
        guard asset.deletedAt == nil else { throw FakeError.notFound("asset '\(id)' is deleted and can no longer be changed") }
        return asset
    }

    /// The ancestors of an asset, root first, as `{assetId, name}` objects.
    func hierarchyPath(of asset: AssetRecord) -> [JSONValue] {
        var path: [JSONValue] = []
        var next = asset.parentID
        var seen: Set<String> = []
        while !next.isEmpty, let parent = assets[next], seen.insert(next).inserted {
            path.insert(.object(["assetId": .string(parent.assetID), "name": .string(parent.name)]), at: 0)
            next = parent.parentID
        }
        return path
    }

    /// Whether `candidate` is `assetID` or lies below it.
    func isSelfOrDescendant(_ candidate: String, of assetID: String) -> Bool {
        var next = candidate
        var seen: Set<String> = []
        while !next.isEmpty, seen.insert(next).inserted {
            if next == assetID { return true }
            next = assets[next]?.parentID ?? ""
        }
        return false
    }
}
