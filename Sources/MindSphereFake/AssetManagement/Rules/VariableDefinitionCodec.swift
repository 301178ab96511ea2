/// Reads and writes variable definitions (of aspect types and asset types) in the API's JSON form, with the
/// platform's rules for data types, lengths and defaults.
enum VariableDefinitionCodec {
    /// Maximum length of STRING values.
    static let maxStringLength = 255
    /// Maximum length of BIG_STRING values.
    static let maxBigStringLength = 100_000

    /// Where a definition lives; decides which features are allowed.
    enum Holder {
        /// A static aspect type: defaults allowed, BIG_STRING refused.
        case staticAspect
        /// A dynamic aspect type: BIG_STRING allowed, defaults refused.
        case dynamicAspect
        /// An asset type: defaults allowed, BIG_STRING refused.
        case assetType

        var allowsDefault: Bool { self != .dynamicAspect }
        var allowsBigString: Bool { self == .dynamicAspect }
    }

    /// The JSON of a definition, keys in the platform's order.
    static func json(_ variable: VariableDefinition) -> JSONObject {
        [
            "name": .string(variable.name),
            "dataType": .string(variable.dataType.rawValue),
            "unit": variable.unit.map(JSONValue.string) ?? .null,
            "searchable": .bool(variable.searchable),
            "length": variable.length.map(JSONValue.int) ?? .null,
            "defaultValue": variable.defaultValue ?? .null,
            "qualityCode": .bool(variable.qualityCode),
        ]
    }

    /// Parses the definition at `position` (for messages, e.g. `variables[2]`).
    /// - Throws: `FakeError` (400) naming the property and value that break a rule.
    static func parse(_ value: JSONValue, at position: String, holder: Holder) throws(FakeError) -> VariableDefinition {
        guard let object = value.objectValue else {
            throw FakeError.invalidBody("\(position) must be an object, got \(value.typeName)")
        }
        guard let nameValue = object["name"], !nameValue.isNull else {
            throw FakeError.missingBody("\(position).name is required")
        }
        guard let name = nameValue.stringValue else {
            throw FakeError.invalidBody("\(position).name must be a string, got \(nameValue.typeName)")
        }
        try NameRules.checkMemberName(name, what: "variable name", at: "\(position).name")
        guard let typeValue = object["dataType"], !typeValue.isNull else {
            throw FakeError.missingBody("\(position).dataType is required for variable '\(name)'")
        }
        guard let typeText = typeValue.stringValue, let dataType = VariableDataType(rawValue: typeText) else {
            let allowed = VariableDataType.allCases.map(\.rawValue).joined(separator: ", ")
            throw FakeError.invalidBody("\(position).dataType '\(describe(typeValue))' of variable '\(name)' is not one of \(allowed)")
        }
        if dataType == .bigString && !holder.allowsBigString {
            throw FakeError.invalidBody("variable '\(name)': BIG_STRING is only allowed in dynamic aspect types")
        }
        let unit = try optionalString(object["unit"], at: "\(position).unit")
        let searchable = try optionalBool(object["searchable"], at: "\(position).searchable") ?? false
        let qualityCode = try optionalBool(object["qualityCode"], at: "\(position).qualityCode") ?? false
        let length = try parseLength(object["length"], dataType: dataType, name: name, at: position)
        var definition = VariableDefinition(
            name: name, dataType: dataType, unit: unit, searchable: searchable, length: length, qualityCode: qualityCode)
        if let defaultValue = object["defaultValue"], !defaultValue.isNull {
            guard holder.allowsDefault else {
                throw FakeError.invalidBody("variable '\(name)': a defaultValue is only allowed in static aspect types")
            }
            guard let text = VariableValueRules.text(of: defaultValue) else {
                throw FakeError.invalidBody("variable '\(name)': defaultValue must be a string, number or boolean")
            }
            try VariableValueRules.check(text, for: definition, at: "defaultValue of variable '\(name)'")
            definition.defaultValue = defaultValue
        }
        return definition
    }

    private static func parseLength(_ value: JSONValue?, dataType: VariableDataType, name: String, at position: String) throws(FakeError) -> Int? {
        let maximum: Int
        switch dataType {
        case .string: maximum = maxStringLength
        case .bigString: maximum = maxBigStringLength
        default:
            // Ignored on other data types (assumption am.variable.length-default), but it must still be a length
            // (assumption am.variable.length-type): any other JSON type is a client bug worth reporting.
            guard let value, !value.isNull else { return nil }
            guard case .number(.integer(let raw)) = value, raw >= 1, raw <= maxBigStringLength else {
                throw FakeError.invalidBody("\(position).length \(describe(value)) of variable '\(name)' must be null or an integer from 1 to \(maxBigStringLength)")
            }
            return nil
        }
        guard let value, !value.isNull else { return maximum }
        guard case .number(.integer(let raw)) = value, raw >= 1, raw <= maximum else {
            throw FakeError.invalidBody("\(position).length \(describe(value)) of variable '\(name)' must be an integer from 1 to \(maximum)")
        }
        return Int(raw)
    }

    private static func optionalString(_ value: JSONValue?, at position: String) throws(FakeError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else { throw FakeError.invalidBody("\(position) must be a string, got \(value.typeName)") }
        return text
    }

    private static func optionalBool(_ value: JSONValue?, at position: String) throws(FakeError) -> Bool? {
        guard let value, !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw FakeError.invalidBody("\(position) must be a boolean, got \(value.typeName)") }
        return flag
    }

    /// A short rendering of a JSON value for messages.
    static func describe(_ value: JSONValue) -> String {
        value.stringValue ?? JSONWriter.string(value)
    }
}
