/// An asset seen by the filter: the documented filterable fields; other fields are ignored.
struct AssetFilterView: FilterSubject {
    let asset: AssetRecord
    let tenant: String

    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "name": .text(asset.name)
        case "deleted": asset.deletedAt.map { .text(Timestamp.format(milliseconds: $0)) } ?? .null
        case "typeId": .text(asset.typeID)
        case "parentId": .text(asset.parentID)
        case "assetId", "id": .text(asset.assetID)
        case "externalId": asset.externalID.map(FilterFieldValue.text) ?? .null
        case "tenantId": .text(tenant)
        case "t2tenant", "t2Tenant", "subTenant": .null
        case "timezone": .text(asset.timezone)
        case "twinType": .text(asset.twinType)
        case "fileId": .null
        case "description": asset.description.map(FilterFieldValue.text) ?? .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { asset.typeID }
}

extension AspectTypeRecord: FilterSubject {
    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "id": .text(id)
        case "name": .text(name)
        case "tenantId": .text(tenantID)
        case "category": .text(category.rawValue)
        case "scope": .text(scope)
        case "description": description.map(FilterFieldValue.text) ?? .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { nil }
}

extension AssetTypeRecord: FilterSubject {
    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "id": .text(id)
        case "name": .text(name)
        case "tenantId": .text(tenantID)
        case "parentTypeId": parentTypeID.map(FilterFieldValue.text) ?? .null
        case "instantiable": .text(instantiable ? "true" : "false")
        case "scope": .text(scope)
        case "description": description.map(FilterFieldValue.text) ?? .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { id }
}

/// An aspect of an asset seen by the filter.
struct AspectFilterView: FilterSubject {
    let name: String
    let type: AspectTypeRecord

    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "name": .text(name)
        case "aspectTypeId": .text(type.id)
        case "category": .text(type.category.rawValue)
        default: .unknownField
        }
    }

    var filterTypeID: String? { nil }
}

/// A variable definition seen by the filter.
struct VariableFilterView: FilterSubject {
    let variable: VariableDefinition

    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "name": .text(variable.name)
        case "dataType": .text(variable.dataType.rawValue)
        case "unit": variable.unit.map(FilterFieldValue.text) ?? .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { nil }
}
