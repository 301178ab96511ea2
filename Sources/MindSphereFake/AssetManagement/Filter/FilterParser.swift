/// Parses the `filter` query parameter (URL-decoded JSON) into a `FilterExpression`; refusals name what is wrong.
enum FilterParser {
    /// Parses `text`.
    /// - Throws: `FakeError` (400 invalidParameter) naming the malformed part.
    static func parse(_ text: String) throws(FakeError) -> FilterExpression {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw invalid("is not valid JSON (\(error)): \(text)")
        }
        guard let object = json.objectValue else {
            throw invalid("must be a JSON object, got \(json.typeName): \(text)")
        }
        return try expression(object)
    }

    private static func invalid(_ detail: String) -> FakeError {
        FakeError.invalidParameter("filter \(detail)")
    }

    private static func expression(_ object: JSONObject) throws(FakeError) -> FilterExpression {
        var parts: [FilterExpression] = []
        for (key, value) in object.members {
            parts.append(try member(key, value))
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private static func member(_ key: String, _ value: JSONValue) throws(FakeError) -> FilterExpression {
        switch key {
        case "and":
            return .all(try operands(of: "and", value))
        case "or":
            return .any(try operands(of: "or", value))
        case "not":
            guard let inner = value.objectValue else { throw invalid("'not' needs an object, got \(value.typeName)") }
            return .not(try expression(inner))
        case "hasType":
            if let type = value.stringValue { return .hasType(type) }
            if let type = value["eq"]?.stringValue, value.objectValue?.members.count == 1 { return .hasType(type) }
            throw invalid("'hasType' needs a type id string, got \(JSONWriter.string(value))")
        default:
            return .field(key, try condition(value, field: key))
        }
    }

    /// Operands of `and`/`or`: an object whose keys each form one operand, or an array of objects.
    private static func operands(of name: String, _ value: JSONValue) throws(FakeError) -> [FilterExpression] {
        if let object = value.objectValue {
            var result: [FilterExpression] = []
            for (key, inner) in object.members { result.append(try member(key, inner)) }
            return result
        }
        if let array = value.arrayValue {
            var result: [FilterExpression] = []
            for element in array {
                guard let inner = element.objectValue else {
                    throw invalid("'\(name)' array elements must be objects, got \(element.typeName)")
                }
                result.append(try expression(inner))
            }
            return result
        }
        throw invalid("'\(name)' needs an object or an array, got \(value.typeName)")
    }

    private static func condition(_ value: JSONValue, field: String) throws(FakeError) -> FilterCondition {
        switch value {
        case .null: return .equals(nil)
        case .string, .number, .bool: return .equals(VariableValueRules.text(of: value))
        case .array: throw invalid("field '\(field)' cannot be compared with an array; use {\"in\":{\"value\":[...]}}")
        case .object(let object):
            guard !object.isEmpty else { throw invalid("field '\(field)' has an empty condition {}") }
            var parts: [FilterCondition] = []
            for (name, argument) in object.members {
                parts.append(try function(name, argument, field: field))
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }
    }

    private static func function(_ name: String, _ argument: JSONValue, field: String) throws(FakeError) -> FilterCondition {
        switch name {
        case "eq":
            if argument.isNull { return .equals(nil) }
            return .equals(try scalar(argument, function: name, field: field))
        case "in":
            let list = argument["value"]?.arrayValue ?? argument.arrayValue
            guard let list else {
                throw invalid("'in' on field '\(field)' needs {\"value\":[...]}, got \(JSONWriter.string(argument))")
            }
            var values: [String?] = []
            for element in list {
                values.append(element.isNull ? nil : try scalar(element, function: name, field: field))
            }
            return .oneOf(values)
        case "startsWith": return .startsWith(try text(argument, function: name, field: field))
        case "endsWith": return .endsWith(try text(argument, function: name, field: field))
        case "contains": return .contains(try text(argument, function: name, field: field))
        case "before": return .before(try timestamp(argument, function: name, field: field))
        case "after": return .after(try timestamp(argument, function: name, field: field))
        case "between": return try interval(argument, field: field)
        case "not": return .not(try condition(argument, field: field))
        case "or", "and":
            var parts: [FilterCondition] = []
            if let array = argument.arrayValue {
                for element in array { parts.append(try condition(element, field: field)) }
            } else if let object = argument.objectValue {
                for (inner, value) in object.members { parts.append(try function(inner, value, field: field)) }
            } else {
                throw invalid("'\(name)' on field '\(field)' needs an array or an object, got \(argument.typeName)")
            }
            return name == "or" ? .any(parts) : .all(parts)
        default:
            throw invalid(
                "uses unknown function '\(name)' on field '\(field)'; known: eq, in, startsWith, endsWith, contains, before, after, between, not, or, and"
            )
        }
    }

    private static func scalar(_ value: JSONValue, function: String, field: String) throws(FakeError) -> String {
        guard let text = VariableValueRules.text(of: value) else {
            throw invalid("'\(function)' on field '\(field)' needs a string, number or boolean, got \(value.typeName)")
        }
        return text
    }

    private static func text(_ value: JSONValue, function: String, field: String) throws(FakeError) -> String {
        guard let text = value.stringValue else {
            throw invalid("'\(function)' on field '\(field)' needs a string, got \(value.typeName)")
        }
        return text
    }

    private static func timestamp(_ value: JSONValue, function: String, field: String) throws(FakeError) -> FilterBound {
        let raw = try text(value, function: function, field: field)
        let bound = FilterBound(raw)
        guard bound.milliseconds != nil else {
            throw invalid("'\(function)' on field '\(field)': '\(raw)' is not a timestamp like 2018-01-01T00:00:00.000Z")
        }
        return bound
    }

    /// `"[t1, t2)"`: `[`/`]` include an end, `(`/`)` exclude it.
    private static func interval(_ value: JSONValue, field: String) throws(FakeError) -> FilterCondition {
        let raw = try text(value, function: "between", field: field).withoutSurroundingSpaces()
        let problem = invalid(
            "'between' on field '\(field)': '\(raw)' is not an interval like \"[2018-01-01T00:00:00.000Z, 2019-01-01T00:00:00.000Z)\"")
        guard let first = raw.first, let last = raw.last, "[(".contains(first), "])".contains(last), raw.count >= 3 else {
            throw problem
        }
        let inner = raw.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard inner.count == 2 else { throw problem }
        let lower = FilterBound(String(inner[0]).withoutSurroundingSpaces())
        let upper = FilterBound(String(inner[1]).withoutSurroundingSpaces())
        guard lower.milliseconds != nil, upper.milliseconds != nil else { throw problem }
        return .between(lower: lower, lowerInclusive: first == "[", upper: upper, upperInclusive: last == "]")
    }
}

extension String {
    /// The text without leading and trailing spaces.
    func withoutSurroundingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
