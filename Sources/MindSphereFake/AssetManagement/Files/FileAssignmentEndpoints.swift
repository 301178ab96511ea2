/// `PUT/DELETE /assets/{id}/fileAssignments/{key}` and `/assettypes/{id}/fileAssignments/{key}`.
struct FileAssignmentEndpoints: Sendable {
    let store: AssetStore

    /// `PUT /assets/{id}/fileAssignments/{key}` with `{"fileId"}` and `If-Match`: the asset with the assignment.
    func putOnAsset(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let fileID = try Self.fileID(context, binding: store.bodyBinding)
        let key = context.parameter("key")
        try FileAssignmentRules.checkKey(key)
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var asset = try model.modifiableAsset(context.parameter("id"))
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(asset.assetID)'")
            let stored = try FileAssignmentRules.existingFileID(fileID, model: model)
            Self.assign(FileAssignment(key: key, fileID: stored), in: &asset.fileAssignments)
            asset.etag += 1
            model.assets[asset.assetID] = asset
            return .json(model.json(asset: asset, links: AssetManagementLinks(baseURL: context.baseURL), withHierarchy: true))
        }
    }

    /// `DELETE /assets/{id}/fileAssignments/{key}` with `If-Match`: 204; an inherited key shows again.
    func deleteOnAsset(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let key = context.parameter("key")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var asset = try model.modifiableAsset(context.parameter("id"))
            try EntityTagCheck.requireMatch(context, current: asset.etag, resource: "asset '\(asset.assetID)'")
            guard asset.fileAssignments.contains(where: { $0.key == key }) else {
                throw FakeError.notFound("asset '\(asset.assetID)' has no own file assignment '\(key)'")
            }
            asset.fileAssignments.removeAll { $0.key == key }
            asset.etag += 1
            model.assets[asset.assetID] = asset
            return .empty()
        }
    }

    /// `PUT /assettypes/{id}/fileAssignments/{key}` with `{"fileId"}` and `If-Match`: the type with the assignment.
    func putOnType(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let fileID = try Self.fileID(context, binding: store.bodyBinding)
        let key = context.parameter("key")
        try FileAssignmentRules.checkKey(key)
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("asset types")
            guard var type = model.assetType(id) else { throw FakeError.notFound("asset type '\(id)' not found") }
            try AssetTypeEndpoints.checkOwned(type, tenant: model.tenant)
            try EntityTagCheck.requireMatch(context, current: type.etag, resource: "asset type '\(type.id)'")
            let stored = try FileAssignmentRules.existingFileID(fileID, model: model)
            Self.assign(FileAssignment(key: key, fileID: stored), in: &type.fileAssignments)
            type.etag += 1
            model.assetTypes[type.id.lowercased()] = type
            return .json(model.json(assetType: type, exploded: false, links: AssetManagementLinks(baseURL: context.baseURL)))
        }
    }

    /// `DELETE /assettypes/{id}/fileAssignments/{key}` with `If-Match`: 204.
    func deleteOnType(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let key = context.parameter("key")
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try model.checkModelUnlocked("asset types")
            guard var type = model.assetType(id) else { throw FakeError.notFound("asset type '\(id)' not found") }
            try AssetTypeEndpoints.checkOwned(type, tenant: model.tenant)
            try EntityTagCheck.requireMatch(context, current: type.etag, resource: "asset type '\(type.id)'")
            guard type.fileAssignments.contains(where: { $0.key == key }) else {
                throw FakeError.notFound("asset type '\(type.id)' has no own file assignment '\(key)'")
            }
            type.fileAssignments.removeAll { $0.key == key }
            type.etag += 1
            model.assetTypes[type.id.lowercased()] = type
            return .empty()
        }
    }

    /// The `fileId` of the body.
    /// - Throws: `FakeError` 400 for a body without it.
    private static func fileID(_ context: RequestContext, binding: BodyBinding) throws(FakeError) -> String {
        try BodyReader(context, binding: binding).requiredString("fileId")
    }

    /// Sets `assignment`, replacing one with the same key in place.
    private static func assign(_ assignment: FileAssignment, in list: inout [FileAssignment]) {
        if let index = list.firstIndex(where: { $0.key == assignment.key }) {
            list[index] = assignment
        } else {
            list.append(assignment)
        }
    }
}
