import HTTPTypes

extension RequestJournal.Entry {
    /// The entry as the control plane shows it: bodies as text (cut at the journal's prefix, `bodyTruncated` says so).
    public var json: JSONValue {
        .object([
            "sequence": .int(sequence),
            "time": .string(Timestamp.format(milliseconds: timeMilliseconds)),
            "method": .string(method),
            "target": .string(target),
            "path": .string(path),
            "status": .int(status),
            "fault": faultID.map(JSONValue.string) ?? .null,
            "request": Self.message(headers: requestHeaders, body: requestBody, size: requestBodyBytes),
            "response": Self.message(headers: responseHeaders, body: responseBody, size: responseBodyBytes),
        ])
    }

    private static func message(headers: HTTPFields, body: [UInt8], size: Int) -> JSONValue {
        var headerObject = JSONObject()
        for field in headers {
            let name = field.name.rawName
            if let existing = headerObject[name]?.stringValue {
                headerObject[name] = .string(existing + ", " + field.value)
            } else {
                headerObject[name] = .string(field.value)
            }
        }
        return .object([
            "headers": .object(headerObject),
            "body": .string(String(decoding: body, as: UTF8.self)),
            "bodyBytes": .int(size),
            "bodyTruncated": .bool(body.count < size),
        ])
    }
}
