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

    /// Parses the definition at `position` (for messages, e.g. `variables[2]`), its members bound by `binding`.
    /// - Throws: `FakeError` (400) naming the property and value that break a rule.
    static func parse(_ value: JSONValue, at position: String, holder: Holder, binding: BodyBinding) throws(FakeError) -> VariableDefinition {
        let reader = try BodyReader(value, at: position, binding: binding)
        let object = reader.object
        let name = try reader.requiredString("name")
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
        let unit = try reader.string("unit")
        let searchable = try reader.bool("searchable") ?? false
        let qualityCode = try reader.bool("qualityCode") ?? false
        let length = try parseLength(reader, dataType: dataType, name: name)
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

    private static func parseLength(_ reader: BodyReader, dataType: VariableDataType, name: String) throws(FakeError) -> Int? {
        let maximum: Int
        switch dataType {
        case .string: maximum = maxStringLength
        case .bigString: maximum = maxBigStringLength
        default:
            // Ignored on other data types (assumption am.variable.length-default), but it must still be a length
            // (assumption am.variable.length-type): any other JSON type is a client bug worth reporting.
            _ = try reader.integer("length", in: 1...Int64(maxBigStringLength))
            return nil
        }
        guard let length = try reader.integer("length", in: 1...Int64(maximum)) else { return maximum }
        return Int(length)
    }

    /// A short rendering of a JSON value for messages.
    static func describe(_ value: JSONValue) -> String {
        value.stringValue ?? JSONWriter.string(value)
    }
}
