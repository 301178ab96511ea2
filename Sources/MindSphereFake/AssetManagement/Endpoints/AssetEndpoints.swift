import HTTPTypes

/// `/assets`, `/assets/root` and `/assets/{id}`.
struct AssetEndpoints: Sendable {
    let store: AssetStore
    /// Whether `GET /assets` asks the indexes first (the default) or tests every asset (the twin the differential
    /// test compares against).
    var listsThroughIndexes = true

    /// Sort properties of the asset list.
    static let sortable: Set<String> = ["name", "id", "assetId", "typeId", "parentId", "externalId", "timezone", "twinType", "etag"]

    /// The sort key of `asset` for `field`.
    static func sortKey(_ asset: AssetRecord, _ field: String) -> String {
        switch field {
        case "id", "assetId": asset.assetID
        case "typeId": asset.typeID.lowercased()
        case "parentId": asset.parentID
        case "externalId": asset.externalID ?? ""
        case "timezone": asset.timezone
        case "twinType": asset.twinType
        case "etag": String(repeating: "0", count: max(0, 12 - String(asset.etag).count)) + String(asset.etag)
        default: asset.sortName
        }
    }

    /// `GET /assets`.
    func list(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let basicFieldsOnly = try ListQuery.flag(context, "basicFieldsOnly")
        let query = try ListQuery(
            context, sortable: Self.sortable, defaultSort: ["name", "id"], flags: [("basicFieldsOnly", basicFieldsOnly)])
        if listsThroughIndexes {
            let origin = context.request.origin
            let (entries, total) = try store.withTenant(context.tenant) { model throws(FakeError) in
                let evaluator = FilterEvaluator(query.filter, descendants: { model.typeFamily(of: $0) })
                let (assets, total) = model.assetPage(query.page, evaluator: evaluator, throughIndexes: true, key: Self.sortKey)
                let entries = model.listEntries(of: assets, origin: origin, links: query.links, basicFieldsOnly: basicFieldsOnly)
                return (entries, total)
            }
            return query.response(collection: "assets", path: "assets", itemBytes: entries, total: total)
        }
        // The general twin: every asset tested, every entry rendered afresh.
        let (pageAssets, total, types) = try store.withTenant(context.tenant) { model throws(FakeError) in
            let evaluator = FilterEvaluator(query.filter, descendants: { model.typeFamily(of: $0) })
            let (assets, total) = model.assetPage(query.page, evaluator: evaluator, throughIndexes: false, key: Self.sortKey)
            return (assets, total, model.typesOnlyView)
        }
        let items = pageAssets.map { types.json(asset: $0, links: query.links, basicFieldsOnly: basicFieldsOnly) }
        return query.response(collection: "assets", path: "assets", items: items, total: total)
    }

    /// `POST /assets`: creates an asset of an instantiable type under an existing parent (201).
    func create(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        _ = try ListQuery.flag(context, "includeShared")
        let binding = store.bodyBinding
        let body = try BodyReader(context, binding: binding).object
        let id = store.newAssetID()
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try AssetRules.create(id: id, body: body, model: model, binding: binding)
            model.assets[id] = asset
            return .json(model.json(asset: asset, links: AssetManagementLinks(baseURL: context.baseURL), withHierarchy: true), status: .created)
        }
    }

    /// `GET /assets/root`.
    func root(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let origin = context.request.origin
        let rendered = try store.withTenant(context.tenant) { model throws(FakeError) in
            try Self.rendering(model.rootAssetID, model: &model, origin: origin)
        }
        return Self.readResponse(rendered, context: context)
    }

    /// The single-asset read of asset `id` as rendered at the same generation for the same origin (one lookup gives
    /// the etag and the bytes), rendered now when it was not. The record itself is copied only to render it: a copy
    /// counts the references of every member, on storage every thread shares. `origin` is read by the caller before
    /// it takes the store's lock, which every other request waits for; its base URL is written only when the asset
    /// is rendered.
    /// - Throws: `FakeError` (404) for an unknown asset.
    private static func rendering(_ id: String, model: inout TenantAssetModel, origin: RequestOrigin) throws(FakeError) -> RenderedAssetRead {
        let generation = (assets: model.assetGeneration, types: model.typeGeneration)
        if let cached = model.renderedAssets.rendering(of: id, generation: generation, origin: origin) {
            return cached
        }
        let asset = try model.existingAsset(id)
        let links = AssetManagementLinks(baseURL: origin.baseURL)
        let rendered = RenderedAssetRead(etag: asset.etag, body: JSONWriter.bytes(model.json(asset: asset, links: links, withHierarchy: true)))
        model.renderedAssets.store(rendered, of: id)
        return rendered
    }

    /// The answer to a single-asset read: 304 when `If-None-Match` names the rendering's etag, else 200 with its
    /// bytes. Made after the store's lock is given back.
    private static func readResponse(_ rendered: RenderedAssetRead, context: RequestContext) -> FakeResponse {
        if EntityTagCheck.isNotModified(context, current: rendered.etag) { return .empty(.notModified) }
        return FakeResponse(status: .ok, headerFields: FakeResponse.jsonContentType, body: rendered.body)
    }

    /// `GET /assets/{id}` (deleted assets stay readable).
    func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        _ = try ListQuery.flag(context, "includeShared")
        let id = context.parameter("id")
        let origin = context.request.origin
        let rendered = try store.withTenant(context.tenant) { model throws(FakeError) in
            try Self.rendering(id, model: &model, origin: origin)
        }
        return Self.readResponse(rendered, context: context)
    }

    /// `PUT /assets/{id}`: replaces the asset's values (`If-Match` required).
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        try update(context, merge: false)
    }

    /// `PATCH /assets/{id}`: merge-patch (`If-Match` required); read-only members in the body are tolerated.
    func patch(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        try update(context, merge: true)
    }

    private func update(_ context: RequestContext, merge: Bool) throws(FakeError) -> FakeResponse {
        let binding = store.bodyBinding
        let body = try BodyReader(context, binding: binding).object
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try model.modifiableAsset(id)
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(id)'")
            var updated = try AssetRules.update(asset, body: body, model: model, merge: merge, binding: binding)
            updated.etag = asset.etag + 1
            model.assets[id] = updated
            return .json(model.json(asset: updated, links: AssetManagementLinks(baseURL: context.baseURL), withHierarchy: true))
        }
    }

    /// `DELETE /assets/{id}`: refused for the root and while children exist; afterwards `deleted` is set (204).
    func delete(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var asset = try model.modifiableAsset(id)
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(id)'")
            if asset.isRoot { throw FakeError.conflict("asset '\(id)' is the tenant's root asset and cannot be deleted") }
            let children = model.assets.index.slots(withParent: id).intersection(model.assets.index.live)
            if let slot = children.slots.first {
                let child = model.assets.record(at: slot)
                throw FakeError.conflict("asset '\(id)' has children (e.g. '\(child.assetID)') and cannot be deleted")
            }
            asset.deletedAt = context.nowMilliseconds
            asset.etag += 1
            model.assets[id] = asset
            return .empty()
        }
    }
}
