extension ScenarioCompiler {
    /// The enterprise type of a tenant's root asset.
    static let rootTypeID = "core.basicenterprise"

    /// One asset (and its `children`, depth first). Besides the API's body keys an asset may carry `id`, `parent`
    /// (name or id of another asset), `children`, `timeSeries`, and `variables`/`aspects` as plain mappings.
    mutating func compileAsset(_ node: ScenarioNode, tenant: String, parentID: String?, namePath: String) throws(ScenarioError) {
        guard case .object(var body) = node.json else { throw node.error("an asset must be a mapping") }
        guard let name = body["name"]?.stringValue, !name.isEmpty else { throw node.error("an asset needs a 'name'") }
        guard let typeID = body["typeId"]?.stringValue, !typeID.isEmpty else { throw node.error("asset '\(name)' needs a 'typeId'") }
        let path = namePath + "/" + name
        let id = try explicitID(&body, node: node) ?? derivedID("\(tenant)/asset\(path)")
        if assetIDs[tenant, default: []].contains(id) {
            throw node.error("duplicate asset id '\(id)' (asset '\(name)')")
        }
        body["children"] = nil
        body["timeSeries"] = nil
        let parent = try resolveParent(&body, node: node, tenant: tenant, nestedUnder: parentID, typeID: typeID, id: id)
        body["parentId"] = .string(parent ?? "")
        if parent == nil { rootAssetIDs[tenant] = id }
        if case .object(let values)? = body["variables"] { body["variables"] = Self.nameValueList(values) }
        if case .object(let aspects)? = body["aspects"] {
            body["aspects"] = .array(
                aspects.members.map { aspect in
                    guard case .object(let values) = aspect.value else { return aspect.value }
                    return .object(["name": .string(aspect.key), "variables": Self.nameValueList(values)])
                })
        }
        scenario.assets.append(ScenarioResource(tenant: tenant, id: id, body: Self.ordered(body), origin: node.location))
        assetIDs[tenant, default: []].insert(id)
        assetTypeIDs[tenant, default: [:]][id] = typeID
        let known = assetIDsByName[tenant, default: [:]][name]
        assetIDsByName[tenant, default: [:]][name] = known == nil ? .some(id) : .some(nil)
        if let series = node.child("timeSeries") {
            for (aspect, spec) in try series.entries("timeSeries of an asset") {
                try compileSeries(spec, tenant: tenant, assetID: id, aspectName: aspect)
            }
        }
        for child in try node.child("children")?.items("children") ?? [] {
            try compileAsset(child, tenant: tenant, parentID: id, namePath: path)
        }
    }

    private func explicitID(_ body: inout JSONObject, node: ScenarioNode) throws(ScenarioError) -> String? {
        var id: String?
        for key in ["id", "assetId"] {
            guard let value = body[key] else { continue }
            let text: String
            switch value {
            case .string(let given) where !given.isEmpty: text = given
            case .number(.integer(let number)): text = String(number)
            default: throw node.error("asset '\(key)' must be a text value")
            }
            id = text
            body[key] = nil
        }
        return id
    }

    /// The parent id: the enclosing asset for `children`, `parentId` or `parent` (a name or id), none for the
    /// tenant's root (the first asset of type core.basicenterprise), else the tenant's root.
    private mutating func resolveParent(
        _ body: inout JSONObject, node: ScenarioNode, tenant: String, nestedUnder: String?, typeID: String, id: String
    ) throws(ScenarioError) -> String? {
        let reference = body["parent"]?.stringValue
        body["parent"] = nil
        if let nestedUnder { return nestedUnder }
        if let parentID = body["parentId"]?.stringValue, !parentID.isEmpty { return parentID }
        if let reference {
            if assetIDs[tenant, default: []].contains(reference) { return reference }
            switch assetIDsByName[tenant, default: [:]][reference] {
            case .some(.some(let id)): return id
            case .some(.none): throw node.error("parent '\(reference)' is ambiguous: several assets have that name; use its id")
            case .none: throw node.error("parent '\(reference)' is not an asset defined before this one")
            }
        }
        if typeID == Self.rootTypeID, rootAssetIDs[tenant] == nil { return nil }
        if let root = rootAssetIDs[tenant] { return root }
        let root = derivedID("\(tenant)/root")
        scenario.assets.append(
            ScenarioResource(
                tenant: tenant, id: root,
                body: [
                    "name": .string(tenant), "typeId": .string(Self.rootTypeID),
                    "description": .string("Root Asset for \(tenant) tenant"), "parentId": .string(""),
                ],
                origin: node.location))
        rootAssetIDs[tenant] = root
        assetIDs[tenant, default: []].insert(root)
        return root
    }

    /// `{a: 1, b: x}` → `[{"name":"a","value":"1"},{"name":"b","value":"x"}]` (the API carries values as text).
    static func nameValueList(_ values: JSONObject) -> JSONValue {
        .array(
            values.members.map { member in
                let value: JSONValue =
                    switch member.value {
                    case .bool(let flag): .string(flag ? "true" : "false")
                    case .number(.integer(let number)): .string(String(number))
                    case .number(.double(let number)): .string(String(number))
                    default: member.value
                    }
                return .object(["name": .string(member.key), "value": value])
            })
    }

    /// The body with the API's usual keys first (name, typeId, parentId, ...), then any others as written.
    static func ordered(_ body: JSONObject) -> JSONObject {
        let order = [
            "name", "externalId", "description", "timezone", "twinType", "parentId", "typeId", "location",
            "variables", "aspects", "fileAssignments",
        ]
        var result = JSONObject()
        for key in order { if let value = body[key] { result[key] = value } }
        for member in body.members where !order.contains(member.key) { result[member.key] = member.value }
        return result
    }
}
