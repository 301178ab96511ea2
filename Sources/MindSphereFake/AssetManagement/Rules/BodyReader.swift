/// Reads typed members of a JSON request body; refusals name the member and what it held.
struct BodyReader {
    /// The body object.
    let object: JSONObject

    /// Parses the request body as a JSON object.
    /// - Throws: `FakeError` (400) when the body is empty, not JSON, or not an object.
    init(_ context: RequestContext) throws(FakeError) {
        let json: JSONValue
        do { json = try context.jsonBody() } catch let error as FakeError { throw error } catch {
            throw FakeError(.malformedBody, "the request body is not valid JSON: \(error)")
        }
        guard let object = json.objectValue else {
            throw FakeError(.malformedBody, "the request body must be a JSON object, got \(json.typeName)")
        }
        self.object = object
    }

    /// A reader over `object`.
    init(object: JSONObject) {
        self.object = object
    }

    /// Whether `key` is present and not null.
    func has(_ key: String) -> Bool { !(object[key]?.isNull ?? true) }

    /// A required string.
    /// - Throws: `FakeError` 400 (missing or not a string).
    func requiredString(_ key: String) throws(FakeError) -> String {
        guard let value = object[key], !value.isNull else { throw FakeError.missingBody("'\(key)' is required") }
        guard let text = value.stringValue else { throw FakeError.invalidBody("'\(key)' must be a string, got \(value.typeName)") }
        guard !text.isEmpty else { throw FakeError.invalidBody("'\(key)' must not be empty") }
        return text
    }

    /// An optional string (absent or null give `nil`).
    /// - Throws: `FakeError` 400 when present but not a string.
    func string(_ key: String) throws(FakeError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw FakeError.invalidBody("'\(key)' must be a string, got \(value.typeName)") }
        return text
    }

    /// An optional Boolean.
    /// - Throws: `FakeError` 400 when present but not a Boolean.
    func bool(_ key: String) throws(FakeError) -> Bool? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw FakeError.invalidBody("'\(key)' must be a boolean, got \(value.typeName)") }
        return flag
    }

    /// An optional array (absent or null give an empty one).
    /// - Throws: `FakeError` 400 when present but not an array.
    func array(_ key: String) throws(FakeError) -> [JSONValue] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let array = value.arrayValue else { throw FakeError.invalidBody("'\(key)' must be an array, got \(value.typeName)") }
        return array
    }
}
