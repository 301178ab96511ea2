/// Whether a value (the API carries values as strings) fits a variable's data type and length.
enum VariableValueRules {
    /// The value as the API's string form: strings as they are, numbers and Booleans written out; `nil` otherwise.
    static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(.integer(let number)): String(number)
        case .number(.double(let number)): String(number)
        default: nil
        }
    }

    /// Checks `text` against `variable`.
    /// - Throws: `FakeError` (400) naming the value and the expected type.
    static func check(_ text: String, for variable: VariableDefinition, at position: String) throws(FakeError) {
        let fits: Bool
        switch variable.dataType {
        case .boolean: fits = text == "true" || text == "false"
        case .int: fits = Int32(text) != nil
        case .long: fits = Int64(text) != nil
        case .double: fits = Double(text).map { $0.isFinite } ?? false
        case .timestamp: fits = Timestamp.parseMilliseconds(text) != nil
        case .string, .bigString:
            let limit = variable.length ?? VariableDefinitionCodec.maxStringLength
            guard text.count <= limit else {
                throw FakeError.invalidBody("\(position): value '\(text.prefix(40))' is longer than the variable's length \(limit)")
            }
            fits = true
        }
        if !fits {
            throw FakeError.invalidBody("\(position): value '\(text)' is not a valid \(variable.dataType.rawValue)")
        }
    }
}
