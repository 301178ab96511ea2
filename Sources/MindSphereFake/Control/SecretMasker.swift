import HTTPTypes

/// Hides credentials in journal entries, matching parameter and header names as a server reads them: decoded
/// (`client%5Fsecret` is `client_secret`, `\u005f` in a JSON key is `_`) and without letter case.
///
/// * Headers: `Authorization` and `Proxy-Authorization` keep only their scheme (`Bearer ***`); `X-SPACE-AUTH-KEY`
///   keeps its scheme too; `X-Auth-Token` and the control token become `***`; `Cookie` and `Set-Cookie` keep cookie
///   names and attributes, every cookie value becomes `***`.
/// * Bodies: the values of `secretNames` as JSON object members or form pairs become `***`, wherever they appear
///   (a form body need not start with a known pair; JSON and form scans both run, as a cut body may be either).
/// * The recorded target: the values of `secretNames` in its query string become `***`.
enum SecretMasker {
    /// The mask written in place of a secret.
    static let mask = "***"
    /// Parameter and member names whose values are secrets, lowercased.
    static let secretNames: Set<String> = [
        "access_token", "refresh_token", "id_token", "token", "client_secret", "clientsecret", "password", "assertion",
    ]
    private static let schemeHeaders = ["authorization", "proxy-authorization", "x-space-auth-key"]
    private static let wholeValueHeaders = ["x-auth-token", ControlPlaneGuard.tokenHeader.canonicalName]

    /// The entry with its secrets masked.
    static func masked(_ entry: RequestJournal.Entry) -> RequestJournal.Entry {
        var entry = entry
        entry.target = maskedTarget(entry.target)
        entry.requestHeaders = maskedHeaders(entry.requestHeaders)
        entry.responseHeaders = maskedHeaders(entry.responseHeaders)
        entry.requestBody = maskedBody(entry.requestBody)
        entry.responseBody = maskedBody(entry.responseBody)
        return entry
    }

    // MARK: Headers

    static func maskedHeaders(_ fields: HTTPFields) -> HTTPFields {
        var masked = HTTPFields()
        for field in fields {
            let name = field.name.canonicalName
            var value = field.value
            if schemeHeaders.contains(name) {
                let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                value = value.contains(" ") ? "\(scheme) \(mask)" : mask
            } else if wholeValueHeaders.contains(name) {
                value = mask
            } else if name == "cookie" {
                value = maskedCookies(value, separator: ";", attributes: false)
            } else if name == "set-cookie" {
                value = maskedCookies(value, separator: ";", attributes: true)
            }
            masked.append(HTTPField(name: field.name, value: value))
        }
        return masked
    }

    /// `a=1; b=2` as `a=***; b=***`; for `Set-Cookie` (`attributes`) only the first pair is a cookie, the rest
    /// (`Path=/`, `HttpOnly`) stay.
    private static func maskedCookies(_ value: String, separator: Character, attributes: Bool) -> String {
        var pieces = value.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        for index in pieces.indices where !attributes || index == 0 {
            let piece = pieces[index]
            if let equals = piece.firstIndex(of: "=") {
                pieces[index] = String(piece[...equals]) + mask
            } else if !piece.trimmingSpaces.isEmpty {
                pieces[index] = mask
            }
        }
        return pieces.joined(separator: String(separator))
    }

    // MARK: Target and bodies

    /// The target with the values of secret query parameters masked.
    static func maskedTarget(_ target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[...mark]) + maskedForm(String(target[target.index(after: mark)...]))
    }

    /// Masks JSON members and form pairs named by `secretNames`.
    static func maskedBody(_ body: [UInt8]) -> [UInt8] {
        guard !body.isEmpty else { return body }
        let json = maskedJSON(body)
        return Array(maskedForm(String(decoding: json, as: UTF8.self)).utf8)
    }

    /// Whether a decoded name is a secret's.
    static func isSecretName(_ name: String) -> Bool {
        secretNames.contains(name.lowercased())
    }

    /// `name=value` pairs separated by `&`: a pair whose percent-decoded name (`+` as space) is a secret gets `***`.
    private static func maskedForm(_ text: String) -> String {
        guard text.contains("=") else { return text }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let rawName = String(pair[..<equals])
            let name = PercentDecoding.decode(rawName, plusAsSpace: true) ?? rawName
            return isSecretName(name.trimmingSpaces) ? rawName + "=" + mask : String(pair)
        }.joined(separator: "&")
    }

    /// Every JSON string followed by `:` is a member name; when its unescaped text is a secret's, the string value
    /// after it becomes `"***"`. Works on a cut body too (an unterminated value is masked to the end).
    private static func maskedJSON(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\"")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\"") else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let end = stringEnd(bytes, from: index)
            output.append(contentsOf: bytes[index..<end])
            let name = unescaped(bytes[(index + 1)..<max(index + 1, end - 1)])
            index = end
            var cursor = index
            while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":"), isSecretName(name) else { continue }
            cursor += 1
            while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else { continue }
            output.append(contentsOf: bytes[index..<cursor])
            output.append(contentsOf: Array("\"\(mask)\"".utf8))
            index = stringEnd(bytes, from: cursor)
        }
        return output
    }

    /// The index just past the JSON string starting at `start` (a `"`), or the end of `bytes` when it is cut.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var cursor = start + 1
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if bytes[cursor] == UInt8(ascii: "\"") { return cursor + 1 }
            cursor += 1
        }
        return bytes.count
    }

    /// A JSON string's content unescaped (`\u005f` and the short escapes), or as it is when it does not parse.
    private static func unescaped(_ content: ArraySlice<UInt8>) -> String {
        guard content.contains(UInt8(ascii: "\\")) else { return String(decoding: content, as: UTF8.self) }
        let quoted = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
        return (try? JSONParser.parse(quoted))?.stringValue ?? String(decoding: content, as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
