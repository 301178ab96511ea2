/// Files, file assignments and the model lock of one tenant.
extension TenantAssetModel {
    /// The file with `id`, or a 404 naming it.
    /// - Throws: `FakeError` (404).
    func existingFile(_ id: String) throws(FakeError) -> FileRecord {
        guard let file = files[id.lowercased()] else { throw FakeError.notFound("file '\(id)' not found") }
        return file
    }

    /// Who holds an assignment of `fileID`: asset types and (not deleted) assets, as `kind 'id'` texts, sorted.
    func holders(of fileID: String) -> [String] {
        let key = fileID.lowercased()
        let types = assetTypes.values.filter { $0.fileAssignments.contains { $0.fileID.lowercased() == key } }.map { "asset type '\($0.id)'" }
        let holders = assets.values.filter { $0.deletedAt == nil && $0.fileAssignments.contains { $0.fileID.lowercased() == key } }
            .map { "asset '\($0.assetID)'" }
        return (types + holders).sorted()
    }

    /// Refuses a change of aspect or asset types while the model lock is on.
    /// - Throws: `FakeError` 409 naming the lock.
    func checkModelUnlocked(_ what: String) throws(FakeError) {
        guard !modelLocked else {
            throw FakeError.conflict(
                "the asset model of tenant '\(tenant)' is locked, so \(what) cannot change; unlock it with PUT /model/lock?enabled=false")
        }
    }

    /// The assignments in force for an asset type: inherited ones from the root type down, a type's own key
    /// replacing its parent's; each with the id of the type that defines it. Sorted by key.
    func effectiveAssignments(ofType typeID: String) -> [(assignment: FileAssignment, origin: String)] {
        var byKey: [String: (assignment: FileAssignment, origin: String)] = [:]
        for type in lineage(of: typeID) {
            for assignment in type.fileAssignments { byKey[assignment.key] = (assignment: assignment, origin: type.id) }
        }
        return byKey.values.sorted { $0.assignment.key < $1.assignment.key }
    }

    /// The `fileAssignments` array of an asset type: own ones, and with `exploded` the inherited ones too, each
    /// inherited one with `_links.origin` (as inherited variables are shown).
    func assignmentsJSON(ofType type: AssetTypeRecord, exploded: Bool, links: AssetManagementLinks) -> JSONValue {
        let entries =
            exploded
            ? effectiveAssignments(ofType: type.id)
            : type.fileAssignments.sorted { $0.key < $1.key }.map { (assignment: $0, origin: type.id) }
        return .array(entries.map { Self.json($0.assignment, origin: $0.origin == type.id ? nil : "assettypes/\($0.origin)", links: links) })
    }

    /// The `fileAssignments` array of an asset: its own, and those of its type and the type's ancestors that it
    /// does not replace by key, each of those with `_links.origin` naming the type.
    func assignmentsJSON(ofAsset asset: AssetRecord, links: AssetManagementLinks) -> JSONValue {
        var byKey: [String: (assignment: FileAssignment, origin: String?)] = [:]
        for entry in effectiveAssignments(ofType: asset.typeID) {
            byKey[entry.assignment.key] = (assignment: entry.assignment, origin: "assettypes/\(entry.origin)")
        }
        for assignment in asset.fileAssignments { byKey[assignment.key] = (assignment: assignment, origin: nil) }
        return .array(
            byKey.values.sorted { $0.assignment.key < $1.assignment.key }.map {
                Self.json($0.assignment, origin: $0.origin, links: links)
            })
    }

    /// One assignment: `{key, fileId, _links: {download, metadata[, origin]}}`.
    static func json(_ assignment: FileAssignment, origin: String?, links: AssetManagementLinks) -> JSONValue {
        var assignmentLinks: JSONObject = [
            "download": links.href("files/\(assignment.fileID)/file"),
            "metadata": links.href("files/\(assignment.fileID)"),
        ]
        if let origin { assignmentLinks["origin"] = links.href(origin) }
        return .object(["key": .string(assignment.key), "fileId": .string(assignment.fileID), "_links": .object(assignmentLinks)])
    }

    /// A file's metadata as `GET /files/{id}` returns it.
    func json(file: FileRecord, links: AssetManagementLinks) -> JSONValue {
        .object([
            "id": .string(file.id),
            "name": .string(file.name),
            "originalFileName": .string(file.originalFileName),
            "description": file.description.map(JSONValue.string) ?? .null,
            "tenantId": .string(file.tenantID),
            "subTenant": .null,
            "uploaded": .string(Timestamp.format(milliseconds: file.uploaded)),
            "lastModified": .string(Timestamp.format(milliseconds: file.lastModified)),
            "isAssigned": .bool(!holders(of: file.id).isEmpty),
            "scope": .string(file.scope.rawValue),
            "mimeType": .string(file.mimeType),
            "etag": .int(file.etag),
            "_links": .object([
                "self": links.href("files/\(file.id)"),
                "download": links.href("files/\(file.id)/file"),
            ]),
        ])
    }
}
