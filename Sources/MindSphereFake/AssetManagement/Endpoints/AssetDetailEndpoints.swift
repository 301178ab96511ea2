import HTTPTypes

/// `/assets/{id}/move`, `/aspects`, `/variables` and `/location`.
struct AssetDetailEndpoints: Sendable {
    let store: AssetStore

    /// `POST /assets/{id}/move`: moves the asset (with its children) below `newParentId`.
    func move(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        _ = try ListQuery.flag(context, "includeShared")
        let body = try BodyReader(context, binding: store.bodyBinding)
        let newParentID = try body.requiredString("newParentId")
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var asset = try model.modifiableAsset(id)
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(id)'")
            if asset.isRoot { throw FakeError.invalidBody("asset '\(id)' is the tenant's root asset and cannot be moved") }
            guard let parent = model.assets[newParentID], parent.deletedAt == nil else {
                throw FakeError.invalidBody("newParentId '\(newParentID)' is not an existing asset")
            }
            if model.isSelfOrDescendant(newParentID, of: id) {
                throw FakeError.invalidBody("asset '\(id)' cannot move below itself or its descendant '\(newParentID)'")
            }
            asset.parentID = parent.assetID
            asset.etag += 1
            model.assets[id] = asset
            return .json(model.json(asset: asset, links: AssetManagementLinks(baseURL: context.baseURL), withHierarchy: true))
        }
    }

    /// `GET /assets/{id}/aspects`: the aspects of the asset's type, inherited included.
    func aspects(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try ListQuery(context, sortable: ["name", "aspectTypeId", "category"], defaultSort: ["name"])
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try model.existingAsset(id)
            let evaluator = FilterEvaluator(query.filter)
            let items = model.aspectItems(of: asset, links: query.links).filter {
                evaluator.matches(AspectFilterView(name: $0.slot.name, type: $0.type))
            }
            let sorted = query.page.sorted(items) { item, field in
                switch field {
                case "aspectTypeId": item.type.id.lowercased()
                case "category": item.type.category.rawValue
                default: item.slot.name.lowercased()
                }
            }
            return query.response(collection: "aspects", path: "assets/\(id)/aspects", all: sorted) { $0.json }
        }
    }

    /// `GET /assets/{id}/aspects/{name}`: one aspect of the asset, as the list renders it (the target of each
    /// aspect's `_links.self`).
    func aspect(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        let name = context.parameter("name")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try model.existingAsset(id)
            let links = AssetManagementLinks(baseURL: context.baseURL)
            guard let item = model.aspectItems(of: asset, links: links).first(where: { $0.slot.name == name }) else {
                throw FakeError.notFound("asset '\(id)' has no aspect '\(name)'")
            }
            return .json(item.json)
        }
    }

    /// `GET /assets/{id}/location`: the asset's location as the asset renders it (`{}` when it has none), the target
    /// of the asset's `_links.location`.
    func location(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try model.existingAsset(id)
            return .json(.object(asset.location ?? [:]))
        }
    }

    /// `GET /assets/{id}/variables`: the variable definitions of the asset's type, inherited included.
    func variables(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try ListQuery(context, sortable: ["name", "dataType"], defaultSort: ["name"])
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let asset = try model.existingAsset(id)
            let evaluator = FilterEvaluator(query.filter)
            let variables = model.explodedVariables(of: asset.typeID).map(\.variable)
                .filter { evaluator.matches(VariableFilterView(variable: $0)) }
            let sorted = query.page.sorted(variables) { variable, field in
                field == "dataType" ? variable.dataType.rawValue : variable.name.lowercased()
            }
            return query.response(collection: "variables", path: "assets/\(id)/variables", all: sorted) {
                .object(VariableDefinitionCodec.json($0))
            }
        }
    }

    /// `PUT /assets/{id}/location`: sets the asset's own location and answers the updated asset.
    func putLocation(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let binding = store.bodyBinding
        let body = try BodyReader(context, binding: binding).object
        return try changeLocation(context) { () throws(FakeError) in try AssetRules.location(.object(body), binding: binding) }
    }

    /// `DELETE /assets/{id}/location`: removes the asset's own location and answers the updated asset.
    func deleteLocation(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        try changeLocation(context) { () throws(FakeError) in nil }
    }

    private func changeLocation(
        _ context: RequestContext, _ location: () throws(FakeError) -> JSONObject?
    ) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var asset = try model.modifiableAsset(id)
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(id)'")
            asset.location = try location()
            asset.etag += 1
            model.assets[id] = asset
            return .json(model.json(asset: asset, links: AssetManagementLinks(baseURL: context.baseURL), withHierarchy: true))
        }
    }
}
