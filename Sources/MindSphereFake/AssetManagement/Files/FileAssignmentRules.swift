/// Reads `fileAssignments` from asset and asset-type bodies and checks the files they name.
enum FileAssignmentRules {
    /// The assignments in `value` (an array of `{key, fileId}`), `nil` when the member is absent or null. Items
    /// that carry `_links.origin` are inherited ones echoed from a GET and are skipped.
    /// - Throws: `FakeError` 400 for a malformed item, a duplicate key or a file id that is not a file of the tenant.
    static func parse(_ value: JSONValue?, model: TenantAssetModel, binding: BodyBinding) throws(FakeError) -> [FileAssignment]? {
        guard let value, value != .null else { return nil }
        guard let items = value.arrayValue else {
            throw FakeError.invalidBody("'fileAssignments' must be an array of {key, fileId}, got \(value.typeName)")
        }
        var result: [FileAssignment] = []
        for (index, item) in items.enumerated() {
            if item["_links"]?["origin"] != nil { continue }
            let reader = try BodyReader(item, at: "fileAssignments[\(index)]", binding: binding)
            let key = try reader.requiredString("key")
            try checkKey(key)
            let fileID = try reader.requiredString("fileId")
            if result.contains(where: { $0.key == key }) {
                throw FakeError.invalidBody("fileAssignments has key '\(key)' twice")
            }
            result.append(FileAssignment(key: key, fileID: try existingFileID(fileID, model: model)))
        }
        return result
    }

    /// The stored id of file `fileID`.
    /// - Throws: `FakeError` 400 naming the id when the tenant has no such file.
    static func existingFileID(_ fileID: String, model: TenantAssetModel) throws(FakeError) -> String {
        guard let file = model.files[fileID.lowercased()] else {
            throw FakeError.invalidBody("fileId '\(fileID)' is not a file of tenant '\(model.tenant)'")
        }
        return file.id
    }

    /// A key is 1 to 128 letters, digits, `_`, `-` or `.`.
    /// - Throws: `FakeError` 400 naming the key.
    static func checkKey(_ key: String) throws(FakeError) {
        let allowed = key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
        guard !key.isEmpty, key.count <= 128, allowed else {
            throw FakeError.invalidBody("file assignment key '\(key)' must be 1 to 128 letters, digits, '_', '-' or '.'")
        }
    }
}
