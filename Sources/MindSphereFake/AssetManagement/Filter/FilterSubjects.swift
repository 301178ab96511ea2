/// An asset seen by the filter: the documented filterable fields; other fields are ignored.
extension AssetRecord: FilterSubject {
    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "name": .text(name)
        case "deleted": deletedAt.map { .text(Timestamp.format(milliseconds: $0)) } ?? .null
        case "typeId": .text(typeID)
        case "parentId": .text(parentID)
        case "assetId", "id": .text(assetID)
        case "externalId": externalID.map(FilterFieldValue.text) ?? .null
        case "tenantId": .text(tenantID)
        case "t2tenant", "t2Tenant", "subTenant": .null
        case "timezone": .text(timezone)
        case "twinType": .text(twinType)
        case "fileId": .null
        case "description": description.map(FilterFieldValue.text) ?? .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { typeID }
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
