import HTTPTypes

/// `/aspecttypes` and `/aspecttypes/{id}`.
struct AspectTypeEndpoints: Sendable {
    let store: AssetStore

    /// `GET /aspecttypes`.
    func list(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try ListQuery(context, sortable: ["id", "name", "category", "tenantId"], defaultSort: ["name", "id"])
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let evaluator = FilterEvaluator(query.filter)
            let matching = model.aspectTypes.values.filter { evaluator.matches($0) }
            let sorted = query.page.sorted(Array(matching)) { type, field in
                switch field {
                case "id": type.id.lowercased()
                case "category": type.category.rawValue
                case "tenantId": type.tenantID
                default: type.name.lowercased()
                }
            }
            return query.response(collection: "aspectTypes", path: "aspecttypes", all: sorted) { $0.json(links: query.links) }
        }
    }

    /// `GET /aspecttypes/{id}`.
    func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        _ = try ListQuery.flag(context, "includeShared")
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            guard let type = model.aspectType(id) else { throw FakeError.notFound("aspect type '\(id)' not found") }
            if EntityTagCheck.isNotModified(context, current: type.etag) { return .empty(.notModified) }
            return .json(type.json(links: AssetManagementLinks(baseURL: context.baseURL)))
        }
    }

    /// `PUT /aspecttypes/{id}`: creates (201) or, with `If-Match`, replaces (200).
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let body = try BodyReader(context, binding: store.bodyBinding).object
        return try write(context, id: context.parameter("id")) { existing in body }
    }

    /// `PATCH /aspecttypes/{id}`: merge-patch of an existing aspect type.
    func patch(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let body = try BodyReader(context, binding: store.bodyBinding).object
        let links = AssetManagementLinks(baseURL: context.baseURL)
        let id = context.parameter("id")
        return try write(context, id: id) { existing throws(FakeError) in
            guard let existing else { throw FakeError.notFound("aspect type '\(id)' not found") }
            return MergePatch.apply(.object(body), to: existing.json(links: links)).objectValue ?? body
        }
    }

    private func write(
        _ context: RequestContext, id: String, body: (AspectTypeRecord?) throws(FakeError) -> JSONObject
    ) throws(FakeError) -> FakeResponse {
        let links = AssetManagementLinks(baseURL: context.baseURL)
        let binding = store.bodyBinding
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("aspect types")
            let existing = model.aspectType(id)
            let newBody = try body(existing)
            guard let existing else {
                if let etag = try EntityTagCheck.ifMatch(context) {
                    throw FakeError(.preconditionFailed, "If-Match etag \(etag) given, but aspect type '\(id)' does not exist")
                }
                let record = try AspectTypeRules.build(id: id, body: newBody, tenant: model.tenant, existing: nil, binding: binding)
                model.aspectTypes[id.lowercased()] = record
                return .json(record.json(links: links), status: .created)
            }
            try Self.checkOwned(existing, tenant: model.tenant)
            if EntityTagCheck.isCreateOnly(context) {
                throw FakeError(.preconditionFailed, "aspect type '\(existing.id)' already exists and If-None-Match: * allows create only")
            }
            try EntityTagCheck.requireMatch(context, current: existing.etag, resource: "aspect type '\(existing.id)'")
            var record = try AspectTypeRules.build(id: existing.id, body: newBody, tenant: model.tenant, existing: existing, binding: binding)
            record.etag = existing.etag + 1
            model.aspectTypes[existing.id.lowercased()] = record
            return .json(record.json(links: links))
        }
    }

    /// `DELETE /aspecttypes/{id}`: refused while an asset type uses it.
    func delete(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("aspect types")
            guard let existing = model.aspectType(id) else { throw FakeError.notFound("aspect type '\(id)' not found") }
            try Self.checkOwned(existing, tenant: model.tenant)
            try EntityTagCheck.requireMatch(context, current: existing.etag, resource: "aspect type '\(existing.id)'")
            let users = model.assetTypes.values.filter { type in
                type.aspects.contains { $0.aspectTypeID.lowercased() == existing.id.lowercased() }
            }.map(\.id).sorted()
            if !users.isEmpty {
                throw FakeError.conflict(
                    "aspect type '\(existing.id)' is used by asset type(s) \(users.joined(separator: ", ")) and cannot be deleted")
            }
            model.aspectTypes[existing.id.lowercased()] = nil
            return .empty()
        }
    }

    /// Built-in (`core`) types cannot be changed by a tenant.
    static func checkOwned(_ type: AspectTypeRecord, tenant: String) throws(FakeError) {
        guard type.tenantID == tenant else {
            throw FakeError(.forbidden, "aspect type '\(type.id)' belongs to '\(type.tenantID)' and cannot be changed by tenant '\(tenant)'")
        }
    }
}
