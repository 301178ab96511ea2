/// Builds and changes assets from request bodies: required members, type and parent checks, values and location.
enum AssetRules {
    /// The twin types an asset can have.
    static let twinTypes: Set<String> = ["performance", "simulation"]
    private static let locationTexts = ["country", "region", "locality", "streetAddress", "postalCode"]

    /// A new asset from a POST body.
    /// - Throws: `FakeError` (400) naming the offending member and value.
    static func create(id: String, body: JSONObject, model: TenantAssetModel, binding: BodyBinding) throws(FakeError) -> AssetRecord {
        let reader = BodyReader(object: body, binding: binding)
        let name = try reader.requiredString("name")
        let typeText = try reader.requiredString("typeId")
        guard let type = model.assetType(typeText) else {
            throw FakeError.invalidBody("typeId '\(typeText)' is not an existing asset type")
        }
        guard type.instantiable else {
            throw FakeError.invalidBody("asset type '\(type.id)' is not instantiable")
        }
        let parentID = try reader.requiredString("parentId")
        guard let parent = model.assets[parentID], parent.deletedAt == nil else {
            throw FakeError.invalidBody("parentId '\(parentID)' is not an existing asset")
        }
        let twinType = try reader.string("twinType") ?? "performance"
        guard twinTypes.contains(twinType) else {
            throw FakeError.invalidBody("twinType '\(twinType)' must be performance or simulation")
        }
        let timezone = try reader.string("timezone") ?? CoreTypeCatalog.defaultTimezone
        guard !timezone.isEmpty else { throw FakeError.invalidBody("'timezone' must not be empty") }
        var asset = AssetRecord(
            assetID: id, tenantID: model.tenant, name: name, externalID: try reader.string("externalId"),
            description: try reader.string("description"),
            timezone: timezone, twinType: twinType, parentID: parent.assetID, typeID: type.id,
            location: try location(body["location"], binding: binding))
        try applyValues(reader, to: &asset, model: model, replace: true)
        asset.fileAssignments = try FileAssignmentRules.parse(body["fileAssignments"], model: model, binding: binding) ?? []
        return asset
    }

    /// `asset` changed by a PUT (`merge == false`: missing members are cleared) or a merge-patch PATCH.
    /// - Throws: `FakeError` (400) naming the offending member and value.
    static func update(
        _ asset: AssetRecord, body: JSONObject, model: TenantAssetModel, merge: Bool, binding: BodyBinding
    ) throws(FakeError) -> AssetRecord {
        let reader = BodyReader(object: body, binding: binding)
        var updated = asset
        if !merge || body["name"] != nil {
            updated.rename(try reader.requiredString("name"))
        }
        try checkUnchanged(reader, "typeId", asset.typeID, caseInsensitive: true)
        try checkUnchanged(reader, "parentId", asset.parentID, hint: "; use POST /assets/{id}/move")
        try checkUnchanged(reader, "timezone", asset.timezone, hint: "; it can only be set at creation")
        try checkUnchanged(reader, "twinType", asset.twinType)
        if !merge || body["externalId"] != nil { updated.externalID = try reader.string("externalId") }
        if !merge || body["description"] != nil { updated.description = try reader.string("description") }
        if !merge {
            updated.location = try location(body["location"], binding: binding)
        } else if let patch = body["location"] {
            let merged = MergePatch.apply(patch, to: asset.location.map(JSONValue.object) ?? .null)
            updated.location = try location(merged.objectValue?.isEmpty == true ? nil : merged, binding: binding)
        }
        try applyValues(reader, to: &updated, model: model, replace: !merge)
        if !merge || body["fileAssignments"] != nil {
            updated.fileAssignments = try FileAssignmentRules.parse(body["fileAssignments"], model: model, binding: binding) ?? []
        }
        return updated
    }

    private static func checkUnchanged(
        _ reader: BodyReader, _ key: String, _ current: String, caseInsensitive: Bool = false, hint: String = ""
    ) throws(FakeError) {
        guard let given = try reader.string(key) else { return }
        let same = caseInsensitive ? given.lowercased() == current.lowercased() : given == current
        if !same {
            throw FakeError.invalidBody("'\(key)' cannot change from '\(current)' to '\(given)'\(hint)")
        }
    }

    /// A location object with known members only, or `nil` for absent/null.
    /// - Throws: `FakeError` (400) for wrong types or out-of-range coordinates.
    static func location(_ value: JSONValue?, binding: BodyBinding) throws(FakeError) -> JSONObject? {
        guard let value, !value.isNull else { return nil }
        let reader = try BodyReader(value, at: "location", binding: binding)
        var result = JSONObject()
        for key in locationTexts {
            if let text = try reader.string(key) { result[key] = .string(text) }
        }
        for (key, limit) in [("longitude", 180.0), ("latitude", 90.0)] {
            guard let raw = reader.object[key], let number = try reader.double(key) else { continue }
            guard abs(number) <= limit else {
                throw FakeError.invalidBody(
                    "location.\(key) \(VariableDefinitionCodec.describe(raw)) must be a number from -\(Int(limit)) to \(Int(limit))")
            }
            // A number keeps its literal form; a coerced string is stored as the number it names.
            result[key] = raw.stringValue == nil ? raw : .double(number)
        }
        return result
    }

    /// Sets asset-type variable values (`variables`) and static aspect values (`aspects`) from the body.
    private static func applyValues(_ reader: BodyReader, to asset: inout AssetRecord, model: TenantAssetModel, replace: Bool) throws(FakeError) {
        let body = reader.object
        let typeVariables = model.explodedVariables(of: asset.typeID).map(\.variable)
        if replace || body["variables"] != nil {
            if replace { asset.variableValues = [:] }
            for (index, item) in try reader.array("variables").enumerated() {
                let (name, value) = try nameAndValue(item, at: "variables[\(index)]", binding: reader.binding)
                guard let definition = typeVariables.first(where: { $0.name == name }) else {
                    throw FakeError.invalidBody("variable '\(name)' is not defined by asset type '\(asset.typeID)'")
                }
                if let value { try VariableValueRules.check(value, for: definition, at: "variable '\(name)'") }
                asset.variableValues[name] = value
            }
        }
        guard replace || body["aspects"] != nil else { return }
        if replace { asset.aspectValues = [:] }
        let slots = model.explodedAspects(of: asset.typeID).map(\.slot)
        for (index, item) in try reader.array("aspects").enumerated() {
            let itemReader = try BodyReader(item, at: "aspects[\(index)]", binding: reader.binding)
            let aspectName = try itemReader.requiredString("name")
            guard let slot = slots.first(where: { $0.name == aspectName }), let aspectType = model.aspectType(slot.aspectTypeID) else {
                throw FakeError.invalidBody("aspect '\(aspectName)' is not defined by asset type '\(asset.typeID)'")
            }
            let values = try itemReader.array("variables")
            if aspectType.category == .dynamic && !values.isEmpty {
                throw FakeError.invalidBody("aspect '\(aspectName)' is dynamic; its values are time series, not asset values")
            }
            var stored = asset.aspectValues[aspectName] ?? [:]
            for (position, valueItem) in values.enumerated() {
                let (name, value) = try nameAndValue(valueItem, at: "aspects[\(index)].variables[\(position)]", binding: reader.binding)
                guard let definition = aspectType.variables.first(where: { $0.name == name }) else {
                    throw FakeError.invalidBody("variable '\(name)' is not defined by aspect '\(aspectName)' (\(aspectType.id))")
                }
                if let value { try VariableValueRules.check(value, for: definition, at: "variable '\(aspectName).\(name)'") }
                stored[name] = value
            }
            asset.aspectValues[aspectName] = stored.isEmpty ? nil : stored
        }
    }

    private static func nameAndValue(_ item: JSONValue, at position: String, binding: BodyBinding) throws(FakeError) -> (String, String?) {
        let reader = try BodyReader(item, at: position, binding: binding)
        let object = reader.object
        let name = try reader.requiredString("name")
        guard let raw = object["value"], !raw.isNull else { return (name, nil) }
        guard let text = VariableValueRules.text(of: raw) else {
            throw FakeError.invalidBody("\(position).value of '\(name)' must be a string, got \(raw.typeName)")
        }
        return (name, text)
    }
}
