/// The JSON resources of Asset Management, in the key order the platform writes them.
extension TenantAssetModel {
    /// An asset type; `exploded` adds inherited aspects and variables, each with `_links.origin`.
    func json(assetType type: AssetTypeRecord, exploded: Bool, links: AssetManagementLinks) -> JSONValue {
        let aspectEntries = exploded ? explodedAspects(of: type.id) : type.aspects.map { (slot: $0, origin: type.id) }
        let variableEntries = exploded ? explodedVariables(of: type.id) : type.variables.map { (variable: $0, origin: type.id) }
        let aspects: [JSONValue] = aspectEntries.map { entry in
            var item: JSONObject = [
                "name": .string(entry.slot.name),
                "aspectType": aspectType(entry.slot.aspectTypeID)?.json(links: links) ?? .null,
            ]
            if entry.origin != type.id { item["_links"] = .object(["origin": links.href("assettypes/\(entry.origin)")]) }
            return .object(item)
        }
        let variables: [JSONValue] = variableEntries.map { entry in
            var item = VariableDefinitionCodec.json(entry.variable)
            if entry.origin != type.id { item["_links"] = .object(["origin": links.href("assettypes/\(entry.origin)")]) }
            return .object(item)
        }
        var typeLinks: JSONObject = ["self": links.href("assettypes/\(type.id)")]
        if let parent = type.parentTypeID { typeLinks["parent"] = links.href("assettypes/\(parent)") }
        return .object([
            "id": .string(type.id),
            "tenantId": .string(type.tenantID),
            "name": .string(type.name),
            "description": type.description.map(JSONValue.string) ?? .null,
            "parentTypeId": type.parentTypeID.map(JSONValue.string) ?? .null,
            "instantiable": .bool(type.instantiable),
            "scope": .string(type.scope),
            "aspects": .array(aspects),
            "variables": .array(variables),
            "fileAssignments": assignmentsJSON(ofType: type, exploded: exploded, links: links),
            "sharing": AssetManagementLinks.emptySharing,
            "etag": .int(type.etag),
            "_links": .object(typeLinks),
        ])
    }

    /// An asset; `basicFieldsOnly` leaves out values of inherited variables and aspects; `withHierarchy` adds
    /// `hierarchyPath` (single-asset responses).
    func json(asset: AssetRecord, links: AssetManagementLinks, basicFieldsOnly: Bool = false, withHierarchy: Bool = false) -> JSONValue {
        let ownTypeOnly = basicFieldsOnly ? assetType(asset.typeID).map { [$0] } : nil
        let types = ownTypeOnly ?? lineage(of: asset.typeID)
        var variables: [JSONValue] = []
        for definition in types.flatMap(\.variables) {
            guard let value = asset.variableValues[definition.name] ?? definition.defaultValue.flatMap(VariableValueRules.text(of:)) else {
                continue
            }
            variables.append(.object(["name": .string(definition.name), "value": .string(value)]))
        }
        var aspects: [JSONValue] = []
        for slot in types.flatMap(\.aspects) {
            guard let aspectType = aspectType(slot.aspectTypeID), aspectType.category == .static else { continue }
            let stored = asset.aspectValues[slot.name] ?? [:]
            var values: [JSONValue] = []
            for definition in aspectType.variables {
                guard let value = stored[definition.name] ?? definition.defaultValue.flatMap(VariableValueRules.text(of:)) else {
                    continue
                }
                values.append(.object(["name": .string(definition.name), "value": .string(value)]))
            }
            if !values.isEmpty { aspects.append(.object(["name": .string(slot.name), "variables": .array(values)])) }
        }
        var object: JSONObject = [
            "assetId": .string(asset.assetID),
            "tenantId": .string(tenant),
            "name": .string(asset.name),
            "etag": .int(asset.etag),
            "externalId": asset.externalID.map(JSONValue.string) ?? .null,
            "t2Tenant": .null,
            "subTenant": .null,
            "description": asset.description.map(JSONValue.string) ?? .null,
            "timezone": .string(asset.timezone),
            "twinType": .string(asset.twinType),
            "parentId": .string(asset.parentID),
            "typeId": .string(asset.typeID),
            "location": asset.location.map(JSONValue.object) ?? .null,
            "fileAssignments": assignmentsJSON(ofAsset: asset, links: links),
            "variables": .array(variables),
            "aspects": .array(aspects),
            "locks": .array([]),
            "deleted": asset.deletedAt.map { .string(Timestamp.format(milliseconds: $0)) } ?? .null,
            "sharing": AssetManagementLinks.emptySharing,
        ]
        if withHierarchy { object["hierarchyPath"] = .array(hierarchyPath(of: asset)) }
        let id = asset.assetID
        var assetLinks: JSONObject = [
            "self": links.href("assets/\(id)"),
            "aspects": links.href("assets/\(id)/aspects"),
            "variables": links.href("assets/\(id)/variables"),
            "location": links.href("assets/\(id)/location"),
        ]
        if asset.isRoot {
            let filter = AssetManagementLinks.encodeQueryValue("{\"parentId\":\"\(id)\"}")
            assetLinks["children"] = .object(["href": .string(links.root + "/assets?filter=" + filter)])
        } else {
            assetLinks["parent"] = links.href("assets/\(asset.parentID)")
        }
        object["_links"] = .object(assetLinks)
        return .object(object)
    }

    /// The aspects of an asset (its type's, inherited included) as `GET /assets/{id}/aspects` lists them.
    func aspectItems(
        of asset: AssetRecord, links: AssetManagementLinks
    ) -> [(slot: AssetTypeRecord.AspectSlot, type: AspectTypeRecord, json: JSONValue)] {
        explodedAspects(of: asset.typeID).compactMap { entry in
            guard let type = aspectType(entry.slot.aspectTypeID) else { return nil }
            let json: JSONValue = .object([
                "aspectTypeId": .string(type.id),
                "holderAssetId": .string(asset.assetID),
                "name": .string(entry.slot.name),
                "category": .string(type.category.rawValue),
                "description": type.description.map(JSONValue.string) ?? .null,
                "variables": .array(type.variables.map { .object(VariableDefinitionCodec.json($0)) }),
                "_links": .object([
                    "self": links.href("assets/\(asset.assetID)/aspects/\(entry.slot.name)"),
                    "asset": links.href("assets/\(asset.assetID)"),
                    "aspectType": links.href("aspecttypes/\(type.id)"),
                ]),
            ])
            return (slot: entry.slot, type: type, json: json)
        }
    }
}
