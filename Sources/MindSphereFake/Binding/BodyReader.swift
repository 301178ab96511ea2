/// Reads typed members of a JSON request body, the one binding layer of Token Manager and Asset Management: with
/// `BodyBinding.jackson` scalars coerce as Jackson with Spring Boot's defaults does (assumption `api.body-binding`),
/// with `.strict` every member must have its JSON type. Members nobody asks for are ignored, as Spring Boot turns
/// `FAIL_ON_UNKNOWN_PROPERTIES` off. Refusals are 400s that name the member (with `path` in front) and what it held.
struct BodyReader {
    /// The body object.
    let object: JSONObject
    /// How scalars bind.
    let binding: BodyBinding
    /// What stands before member names in messages, e.g. `variables[2].`; empty at the top level.
    let path: String

    /// Parses the request body as a JSON object.
    /// - Throws: `FakeError` (400) when the body is empty, not JSON, or not an object.
    init(_ context: RequestContext, binding: BodyBinding) throws(FakeError) {
        let json = try context.jsonBody()
        guard let object = json.objectValue else {
            throw FakeError(.malformedBody, "the request body must be a JSON object, got \(json.typeName)")
        }
        self.init(object: object, binding: binding)
    }

    /// A reader over `object`; `path` prefixes member names in messages.
    init(object: JSONObject, binding: BodyBinding, path: String = "") {
        self.object = object
        self.binding = binding
        self.path = path
    }

    /// A reader over the object at `value`, named `position` in messages.
    /// - Throws: `FakeError` 400 when `value` is not an object.
    init(_ value: JSONValue, at position: String, binding: BodyBinding) throws(FakeError) {
        guard let object = value.objectValue else { throw FakeError.invalidBody("\(position) must be an object, got \(value.typeName)") }
        self.init(object: object, binding: binding, path: position + ".")
    }

    /// Whether `key` is present and not null.
    func has(_ key: String) -> Bool { !(object[key]?.isNull ?? true) }

    /// A required, non-empty string.
    /// - Throws: `FakeError` 400 (missing, not a string, or empty).
    func requiredString(_ key: String) throws(FakeError) -> String {
        guard let value = object[key], !value.isNull else { throw FakeError.missingBody("'\(path)\(key)' is required") }
        guard let text = try string(key) else { throw FakeError.missingBody("'\(path)\(key)' is required") }
        guard !text.isEmpty else { throw FakeError.invalidBody("'\(path)\(key)' must not be empty") }
        return text
    }

    /// An optional string (absent or null give `nil`); with `.jackson` a number or Boolean gives its text, as
    /// Jackson's `StringDeserializer` does (a number is written from its value: `1.50` reads as `1.5`).
    /// - Throws: `FakeError` 400 when present but not a string (or, with `.jackson`, a scalar).
    func string(_ key: String) throws(FakeError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        if binding == .jackson {
            switch value {
            case .bool(let flag): return flag ? "true" : "false"
            case .number(.integer(let number)): return String(number)
            case .number(.double(let number)): return String(number)
            default: break
            }
        }
        throw refusal(key, value, "a string")
    }

    /// An optional Boolean; with `.jackson` also `"true"`/`"True"`/`"TRUE"` and the same for false (trimmed), an
    /// integer (0 is false), and an empty or `"null"` string (`nil`).
    /// - Throws: `FakeError` 400 when present but not a Boolean.
    func bool(_ key: String) throws(FakeError) -> Bool? {
        guard let value = object[key], !value.isNull else { return nil }
        if let flag = value.boolValue { return flag }
        if binding == .jackson {
            switch value {
            case .string(let text):
                if JacksonScalars.withBytes(text, JacksonScalars.isNullText) { return nil }
                if let flag = JacksonScalars.withBytes(text, JacksonScalars.boolean) { return flag }
            case .number(.integer(let number)): return number != 0
            default: break
            }
        }
        throw refusal(key, value, "a boolean")
    }

    /// An optional integer in `range`; with `.jackson` also a fraction (truncated toward zero, as
    /// `ACCEPT_FLOAT_AS_INT` does), a numeric string (`"15"`) and an empty or `"null"` string (`nil`).
    /// - Throws: `FakeError` 400 when present but not an integer in `range`.
    func integer(_ key: String, in range: ClosedRange<Int64>) throws(FakeError) -> Int64? {
        guard let value = object[key], !value.isNull else { return nil }
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        var number: Int64?
        switch value {
        case .number(.integer(let integer)): number = integer
        case .number(.double(let double)) where binding == .jackson:
            let truncated = double.rounded(.towardZero)
            if truncated.magnitude < 9.2e18 { number = Int64(truncated) }
        case .string(let text) where binding == .jackson:
            if JacksonScalars.withBytes(text, JacksonScalars.isNullText) { return nil }
            number = JacksonScalars.withBytes(text) { JacksonScalars.integer($0, in: Int64.min...Int64.max) }
        default: break
        }
        guard let number, range.contains(number) else { throw refusal(key, value, expected) }
        return number
    }

    /// An optional number; with `.jackson` also a decimal string (`"1.5"`) and an empty or `"null"` string (`nil`).
    /// - Throws: `FakeError` 400 when present but not a number.
    func double(_ key: String) throws(FakeError) -> Double? {
        guard let value = object[key], !value.isNull else { return nil }
        switch value {
        case .number(let number): return number.doubleValue
        case .string(let text) where binding == .jackson:
            if JacksonScalars.withBytes(text, JacksonScalars.isNullText) { return nil }
            if let number = JacksonScalars.withBytes(text, JacksonScalars.double) { return number }
        default: break
        }
        throw refusal(key, value, "a number")
    }

    /// An optional array (absent or null give an empty one); Jackson does not wrap a single value by default.
    /// - Throws: `FakeError` 400 when present but not an array.
    func array(_ key: String) throws(FakeError) -> [JSONValue] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let array = value.arrayValue else { throw refusal(key, value, "an array") }
        return array
    }

    private func refusal(_ key: String, _ value: JSONValue, _ expected: String) -> FakeError {
        let shown = value.stringValue.map { "'\($0.prefix(40))'" } ?? JSONWriter.string(value).prefix(40).description
        return FakeError.invalidBody("'\(path)\(key)' must be \(expected), got \(value.typeName) \(shown)")
    }
}
