import HTTPTypes

/// `/assettypes`, `/assettypes/{id}` and `/assettypes/{id}/variables`.
struct AssetTypeEndpoints: Sendable {
    let store: AssetStore

    /// `GET /assettypes`.
    func list(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let exploded = try ListQuery.flag(context, "exploded")
        let query = try ListQuery(
            context, sortable: ["id", "name", "parentTypeId", "tenantId"], defaultSort: ["name", "id"], flags: [("exploded", exploded)])
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let evaluator = FilterEvaluator(query.filter, descendants: { model.typeFamily(of: $0) })
            let matching = model.assetTypes.values.filter { evaluator.matches($0) }
            let sorted = query.page.sorted(Array(matching)) { type, field in
                switch field {
                case "id": type.id.lowercased()
                case "parentTypeId": type.parentTypeID?.lowercased() ?? ""
                case "tenantId": type.tenantID
                default: type.name.lowercased()
                }
            }
            return query.response(collection: "assetTypes", path: "assettypes", all: sorted) {
                model.json(assetType: $0, exploded: exploded, links: query.links)
            }
        }
    }

    /// `GET /assettypes/{id}`.
    func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let exploded = try ListQuery.flag(context, "exploded")
        _ = try ListQuery.flag(context, "includeShared")
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            guard let type = model.assetType(id) else { throw FakeError.notFound("asset type '\(id)' not found") }
            if EntityTagCheck.isNotModified(context, current: type.etag) { return .empty(.notModified) }
            return .json(model.json(assetType: type, exploded: exploded, links: AssetManagementLinks(baseURL: context.baseURL)))
        }
    }

    /// `PUT /assettypes/{id}`: creates (201) or, with `If-Match`, replaces (200).
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let body = try BodyReader(context, binding: store.bodyBinding).object
        return try write(context, id: context.parameter("id")) { _, _ in body }
    }

    /// `PATCH /assettypes/{id}`: merge-patch of an existing asset type.
    func patch(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let body = try BodyReader(context, binding: store.bodyBinding).object
        let links = AssetManagementLinks(baseURL: context.baseURL)
        let id = context.parameter("id")
        return try write(context, id: id) { existing, model throws(FakeError) in
            guard let existing else { throw FakeError.notFound("asset type '\(id)' not found") }
            let current = model.json(assetType: existing, exploded: false, links: links)
            return MergePatch.apply(.object(body), to: current).objectValue ?? body
        }
    }

    private func write(
        _ context: RequestContext, id: String, body: (AssetTypeRecord?, TenantAssetModel) throws(FakeError) -> JSONObject
    ) throws(FakeError) -> FakeResponse {
        let exploded = try ListQuery.flag(context, "exploded")
        let links = AssetManagementLinks(baseURL: context.baseURL)
        let binding = store.bodyBinding
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("asset types")
            let existing = model.assetType(id)
            let newBody = try body(existing, model)
            guard let existing else {
                if let etag = try EntityTagCheck.ifMatch(context) {
                    throw FakeError(.preconditionFailed, "If-Match etag \(etag) given, but asset type '\(id)' does not exist")
                }
                let record = try AssetTypeRules.build(id: id, body: newBody, model: model, existing: nil, binding: binding)
                model.assetTypes[id.lowercased()] = record
                return .json(model.json(assetType: record, exploded: exploded, links: links), status: .created)
            }
            try Self.checkOwned(existing, tenant: model.tenant)
            if EntityTagCheck.isCreateOnly(context) {
                throw FakeError(.preconditionFailed, "asset type '\(existing.id)' already exists and If-None-Match: * allows create only")
            }
            try EntityTagCheck.requireMatch(context, current: existing.etag, resource: "asset type '\(existing.id)'")
            var record = try AssetTypeRules.build(id: existing.id, body: newBody, model: model, existing: existing, binding: binding)
            record.etag = existing.etag + 1
            model.assetTypes[existing.id.lowercased()] = record
            return .json(model.json(assetType: record, exploded: exploded, links: links))
        }
    }

    /// `DELETE /assettypes/{id}`: refused while child types or assets of the type exist.
    func delete(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("asset types")
            guard let existing = model.assetType(id) else { throw FakeError.notFound("asset type '\(id)' not found") }
            try Self.checkOwned(existing, tenant: model.tenant)
            try EntityTagCheck.requireMatch(context, current: existing.etag, resource: "asset type '\(existing.id)'")
            let key = existing.id.lowercased()
            let children = model.assetTypes.values.filter { $0.parentTypeID?.lowercased() == key }.map(\.id).sorted()
            if !children.isEmpty {
                throw FakeError.conflict("asset type '\(existing.id)' has child type(s) \(children.joined(separator: ", ")) and cannot be deleted")
            }
            if let instance = model.assets.values.first(where: { $0.typeID.lowercased() == key && $0.deletedAt == nil }) {
                throw FakeError.conflict("asset type '\(existing.id)' has assets (e.g. '\(instance.assetID)') and cannot be deleted")
            }
            model.assetTypes[key] = nil
            return .empty()
        }
    }

    /// `PATCH /assettypes/{id}/variables`: renames, units, defaults and longer STRING lengths of own variables;
    /// answers 204 without a body.
    func patchVariables(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let binding = store.bodyBinding
        let body = try BodyReader(context, binding: binding).object
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("asset types")
            guard var type = model.assetType(id) else { throw FakeError.notFound("asset type '\(id)' not found") }
            try Self.checkOwned(type, tenant: model.tenant)
            try EntityTagCheck.requireMatch(context, current: type.etag, resource: "asset type '\(type.id)'")
            var renames: [(from: String, to: String)] = []
            for (name, change) in body.members {
                guard let index = type.variables.firstIndex(where: { $0.name == name }) else {
                    throw FakeError.invalidBody("variable '\(name)' is not an own variable of asset type '\(type.id)'")
                }
                guard let changeObject = change.objectValue else {
                    throw FakeError.invalidBody("the change of variable '\(name)' must be an object, got \(change.typeName)")
                }
                let old = type.variables[index]
                var merged = VariableDefinitionCodec.json(old)
                for (key, value) in changeObject.members where ["name", "unit", "length", "defaultValue"].contains(key) {
                    merged[key] = value
                }
                if let given = changeObject["dataType"]?.stringValue, given != old.dataType.rawValue {
                    throw FakeError.invalidBody("the dataType of variable '\(name)' cannot change from \(old.dataType.rawValue) to \(given)")
                }
                let new = try VariableDefinitionCodec.parse(.object(merged), at: name, holder: .assetType, binding: binding)
                try AssetTypeRules.checkVariableChange(from: old, to: new)
                if new.name != old.name {
                    let family =
                        model.lineage(of: type.id).flatMap { $0.variables.map(\.name) }
                        + model.descendantTypeIDs(of: type.id).compactMap { model.assetTypes[$0] }.flatMap { $0.variables.map(\.name) }
                    if family.contains(new.name) || NameRules.reservedMemberNames.contains(new.name.lowercased()) {
                        throw FakeError.invalidBody("variable '\(name)' cannot be renamed to '\(new.name)': the name is taken or reserved")
                    }
                    renames.append((from: old.name, to: new.name))
                }
                type.variables[index] = new
            }
            type.etag += 1
            model.assetTypes[type.id.lowercased()] = type
            let family = model.descendantTypeIDs(of: type.id)
            for asset in model.assets.values where family.contains(asset.typeID.lowercased()) {
                var changed = asset
                for rename in renames {
                    changed.variableValues[rename.to] = changed.variableValues.removeValue(forKey: rename.from)
                }
                model.assets[asset.assetID] = changed
            }
            return .empty()
        }
    }

    /// Built-in (`core`) types cannot be changed by a tenant.
    static func checkOwned(_ type: AssetTypeRecord, tenant: String) throws(FakeError) {
        guard type.tenantID == tenant else {
            throw FakeError(.forbidden, "asset type '\(type.id)' belongs to '\(type.tenantID)' and cannot be changed by tenant '\(tenant)'")
        }
    }
}
