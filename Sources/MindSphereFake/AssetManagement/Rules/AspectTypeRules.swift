/// Builds aspect types from request bodies and enforces the platform's rules for creating and changing them.
enum AspectTypeRules {
    /// The record described by `body` for `id`; with `existing`, the change is checked against the immutability rules.
    /// - Throws: `FakeError` (400/403) naming the offending property and value.
    static func build(
        id: String, body: JSONObject, tenant: String, existing: AspectTypeRecord?, binding: BodyBinding
    ) throws(FakeError) -> AspectTypeRecord {
        let reader = BodyReader(object: body, binding: binding)
        let name = try reader.requiredString("name")
        if let existing {
            guard name == existing.name else {
                throw FakeError.invalidBody("the name of aspect type '\(id)' cannot change from '\(existing.name)' to '\(name)'")
            }
        } else {
            try NameRules.checkTypeID(id, tenant: tenant, name: name)
        }
        let categoryText = try reader.requiredString("category")
        guard let category = AspectSchema.Category(rawValue: categoryText) else {
            throw FakeError.invalidBody("category '\(categoryText)' must be static or dynamic")
        }
        if let existing, existing.category != category {
            throw FakeError.invalidBody(
                "the category of aspect type '\(id)' cannot change from \(existing.category.rawValue) to \(category.rawValue)")
        }
        if let scope = try reader.string("scope"), scope != "private" {
            throw FakeError.invalidBody("scope '\(scope)' cannot be set; only private aspect types can be created")
        }
        guard reader.has("variables") else { throw FakeError.missingBody("'variables' is required") }
        let holder: VariableDefinitionCodec.Holder = category == .static ? .staticAspect : .dynamicAspect
        var variables: [VariableDefinition] = []
        for (index, value) in try reader.array("variables").enumerated() {
            let variable = try VariableDefinitionCodec.parse(value, at: "variables[\(index)]", holder: holder, binding: binding)
            guard !variables.contains(where: { $0.name == variable.name }) else {
                throw FakeError.invalidBody("variable name '\(variable.name)' occurs twice in aspect type '\(id)'")
            }
            variables.append(variable)
        }
        if let existing {
            try checkVariableChanges(from: existing, to: variables)
        }
        return AspectTypeRecord(
            id: existing?.id ?? id, tenantID: tenant, name: name, category: category,
            description: try reader.string("description"), variables: variables, etag: existing?.etag ?? 0)
    }

    /// Variables may be added, never removed or renamed; data type, searchable and qualityCode are immutable;
    /// a static STRING may get longer, other lengths stay.
    private static func checkVariableChanges(from existing: AspectTypeRecord, to variables: [VariableDefinition]) throws(FakeError) {
        for old in existing.variables {
            guard let new = variables.first(where: { $0.name == old.name }) else {
                throw FakeError.invalidBody(
                    "variable '\(old.name)' of aspect type '\(existing.id)' cannot be removed or renamed; send all existing variables")
            }
            guard new.dataType == old.dataType else {
                throw FakeError.invalidBody(
                    "the dataType of variable '\(old.name)' cannot change from \(old.dataType.rawValue) to \(new.dataType.rawValue)")
            }
            guard new.searchable == old.searchable else {
                throw FakeError.invalidBody("'searchable' of variable '\(old.name)' cannot change")
            }
            guard new.qualityCode == old.qualityCode else {
                throw FakeError.invalidBody("'qualityCode' of variable '\(old.name)' cannot change")
            }
            if let oldLength = old.length, let newLength = new.length, oldLength != newLength {
                let mayGrow = existing.category == .static && old.dataType == .string
                if !mayGrow {
                    throw FakeError.invalidBody("the length of variable '\(old.name)' cannot change from \(oldLength) to \(newLength)")
                }
                if newLength < oldLength {
                    throw FakeError.invalidBody("the length of variable '\(old.name)' may only grow, not shrink from \(oldLength) to \(newLength)")
                }
            }
        }
    }
}
