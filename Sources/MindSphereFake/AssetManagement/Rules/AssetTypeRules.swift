/// Builds asset types from request bodies and enforces inheritance, naming and change rules.
enum AssetTypeRules {
    /// The parent type when the body names none.
    static let defaultParentTypeID = "core.basicasset"

    /// The record described by `body` for `id` in `model`; with `existing`, the change is checked as well.
    /// Members of the body that are inherited (as an exploded GET shows them) are ignored.
    /// - Throws: `FakeError` (400/403) naming the offending property and value.
    static func build(
        id: String, body: JSONObject, model: TenantAssetModel, existing: AssetTypeRecord?, binding: BodyBinding
    ) throws(FakeError) -> AssetTypeRecord {
        let reader = BodyReader(object: body, binding: binding)
        let name = try reader.requiredString("name")
        if let existing {
            guard name == existing.name else {
                throw FakeError.invalidBody("the name of asset type '\(id)' cannot change from '\(existing.name)' to '\(name)'")
            }
        } else {
            try NameRules.checkTypeID(id, tenant: model.tenant, name: name)
        }
        if let scope = try reader.string("scope"), scope != "private" {
            throw FakeError.invalidBody("scope '\(scope)' cannot be set; only private asset types can be created")
        }
        let parentText = try reader.string("parentTypeId") ?? existing?.parentTypeID ?? defaultParentTypeID
        guard let parent = model.assetType(parentText) else {
            throw FakeError.invalidBody("parentTypeId '\(parentText)' is not an existing asset type")
        }
        if let existing, existing.parentTypeID?.lowercased() != parent.id.lowercased() {
            throw FakeError.invalidBody(
                "the parentTypeId of asset type '\(id)' cannot change from '\(existing.parentTypeID ?? "")' to '\(parentText)'")
        }
        let instantiable = try reader.bool("instantiable") ?? existing?.instantiable ?? true
        if let existing, existing.instantiable, !instantiable {
            throw FakeError.invalidBody("asset type '\(id)' is instantiable and cannot become non-instantiable")
        }
        let inherited = model.lineage(of: parent.id)
        let inheritedVariables = Set(inherited.flatMap { $0.variables.map(\.name) })
        let inheritedAspects = Set(inherited.flatMap { $0.aspects.map(\.name) })
        let below = existing.map { model.descendantTypeIDs(of: $0.id).subtracting([$0.id.lowercased()]) } ?? []
        let belowTypes = below.compactMap { model.assetTypes[$0] }

        var variables: [VariableDefinition] = []
        for (index, value) in try reader.array("variables").enumerated() {
            if let itemName = value["name"]?.stringValue, inheritedVariables.contains(itemName), value["_links"]?["origin"] != nil {
                continue
            }
            let variable = try VariableDefinitionCodec.parse(value, at: "variables[\(index)]", holder: .assetType, binding: binding)
            try checkMemberName(
                variable.name, kind: "variable", taken: inheritedVariables,
                siblings: variables.map(\.name), below: belowTypes.flatMap { $0.variables.map(\.name) })
            variables.append(variable)
        }
        var aspects: [AssetTypeRecord.AspectSlot] = []
        for (index, value) in try reader.array("aspects").enumerated() {
            let itemReader = try BodyReader(value, at: "aspects[\(index)]", binding: binding)
            let item = itemReader.object
            let aspectName = try itemReader.requiredString("name")
            if inheritedAspects.contains(aspectName), item["_links"]?["origin"] != nil { continue }
            try NameRules.checkMemberName(aspectName, what: "aspect name", at: "aspects[\(index)].name")
            guard let typeText = try itemReader.string("aspectTypeId") ?? item["aspectType"]?["id"]?.stringValue else {
                throw FakeError.missingBody("aspects[\(index)].aspectTypeId is required for aspect '\(aspectName)'")
            }
            guard let aspectType = model.aspectType(typeText) else {
                throw FakeError.invalidBody("aspectTypeId '\(typeText)' of aspect '\(aspectName)' is not an existing aspect type")
            }
            try checkMemberName(
                aspectName, kind: "aspect", taken: inheritedAspects,
                siblings: aspects.map(\.name), below: belowTypes.flatMap { $0.aspects.map(\.name) })
            aspects.append(AssetTypeRecord.AspectSlot(name: aspectName, aspectTypeID: aspectType.id))
        }
        if let existing {
            try checkChanges(from: existing, variables: variables, aspects: aspects)
        }
        var record = AssetTypeRecord(
            id: existing?.id ?? id, tenantID: model.tenant, name: name, description: try reader.string("description"),
            parentTypeID: parent.id, instantiable: instantiable, aspects: aspects, variables: variables,
            etag: existing?.etag ?? 0)
        record.fileAssignments = try FileAssignmentRules.parse(body["fileAssignments"], model: model, binding: binding) ?? []
        return record
    }

    private static func checkMemberName(
        _ name: String, kind: String, taken: Set<String>, siblings: [String], below: [String]
    ) throws(FakeError) {
        if NameRules.reservedMemberNames.contains(name.lowercased()) {
            throw FakeError.invalidBody("\(kind) name '\(name)' is reserved")
        }
        if taken.contains(name) || siblings.contains(name) || below.contains(name) {
            throw FakeError.invalidBody("\(kind) name '\(name)' is already used in this asset type family")
        }
    }

    /// Own aspects and variables cannot be removed; variable types are immutable; STRING lengths only grow.
    private static func checkChanges(
        from existing: AssetTypeRecord, variables: [VariableDefinition], aspects: [AssetTypeRecord.AspectSlot]
    ) throws(FakeError) {
        for old in existing.aspects {
            guard let new = aspects.first(where: { $0.name == old.name }) else {
                throw FakeError.invalidBody("aspect '\(old.name)' of asset type '\(existing.id)' cannot be removed; send all existing aspects")
            }
            guard new.aspectTypeID.lowercased() == old.aspectTypeID.lowercased() else {
                throw FakeError.invalidBody("aspect '\(old.name)' cannot change its aspect type from '\(old.aspectTypeID)' to '\(new.aspectTypeID)'")
            }
        }
        for old in existing.variables {
            guard let new = variables.first(where: { $0.name == old.name }) else {
                throw FakeError.invalidBody("variable '\(old.name)' of asset type '\(existing.id)' cannot be removed; send all existing variables")
            }
            try checkVariableChange(from: old, to: new)
        }
    }

    /// A variable keeps its data type; a STRING length may only grow.
    static func checkVariableChange(from old: VariableDefinition, to new: VariableDefinition) throws(FakeError) {
        guard new.dataType == old.dataType else {
            throw FakeError.invalidBody(
                "the dataType of variable '\(old.name)' cannot change from \(old.dataType.rawValue) to \(new.dataType.rawValue)")
        }
        if let oldLength = old.length, let newLength = new.length, newLength < oldLength {
            throw FakeError.invalidBody("the length of variable '\(old.name)' may only grow, not shrink from \(oldLength) to \(newLength)")
        }
    }
}
