import HTTPTypes

/// Hides credentials in journal entries: the `Authorization` and `X-SPACE-AUTH-KEY` headers keep only their scheme;
/// `access_token`, `refresh_token`, `id_token`, `client_secret`/`clientSecret` values in JSON or form bodies become `***`.
enum SecretMasker {
    /// The mask written in place of a secret.
    static let mask = "***"
    private static let secretHeaders = [HTTPField.Name.authorization, HTTPField.Name("X-SPACE-AUTH-KEY")!]
    private static let secretKeys = ["access_token", "refresh_token", "id_token", "client_secret", "clientSecret"]

    /// The entry with its secrets masked.
    static func masked(_ entry: RequestJournal.Entry) -> RequestJournal.Entry {
        var entry = entry
        entry.requestHeaders = maskedHeaders(entry.requestHeaders)
        entry.responseHeaders = maskedHeaders(entry.responseHeaders)
        entry.requestBody = maskedBody(entry.requestBody)
        entry.responseBody = maskedBody(entry.responseBody)
        return entry
    }

    private static func maskedHeaders(_ fields: HTTPFields) -> HTTPFields {
        var fields = fields
        for name in secretHeaders {
            guard let value = fields[name] else { continue }
            let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            fields[name] = value.contains(" ") ? "\(scheme) \(mask)" : mask
        }
        return fields
    }

    /// Masks `"key": "value"` (JSON) and `key=value` (form) occurrences of the secret keys.
    static func maskedBody(_ body: [UInt8]) -> [UInt8] {
        guard !body.isEmpty else { return body }
        var text = String(decoding: body, as: UTF8.self)
        for key in secretKeys where text.contains(key) {
            text = maskJSON(text, key: key)
            text = maskForm(text, key: key)
        }
        return Array(text.utf8)
    }

    private static func maskJSON(_ text: String, key: String) -> String {
        let bytes = Array(text.utf8)
        let needle = Array("\"\(key)\"".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index...].starts(with: needle) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            output.append(contentsOf: needle)
            index += needle.count
            var cursor = index
            while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 58 || bytes[cursor] == 9 { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\""), bytes[index..<cursor].contains(58) else { continue }
            output.append(contentsOf: bytes[index...cursor])
            cursor += 1
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") {
                cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
            }
            output.append(contentsOf: Array(mask.utf8))
            index = min(cursor, bytes.count)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func maskForm(_ text: String, key: String) -> String {
        guard !text.hasPrefix("{"), !text.hasPrefix("[") else { return text }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.hasPrefix(key + "=") ? Substring(key + "=" + mask) : pair
        }.joined(separator: "&")
    }
}
