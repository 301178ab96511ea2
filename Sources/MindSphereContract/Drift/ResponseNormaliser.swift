import Foundation
import HTTPTypes
public import MindSphereFake

/// Makes recorded exchanges comparable across runs and targets: ids, times, etags and tokens become placeholders
/// numbered in order of first appearance (`<id:1>`, `<time:2>`), so relationships between values survive; the base
/// URL becomes `<gateway>`, the run prefix `<run>` and the tenant `<tenant>`.
public struct ResponseNormaliser {
    private var numbers: [String: [String: Int]] = [:]
    private let prefix: String
    private let tenant: String

    /// The response headers that are recorded and compared.
    public static let recordedHeaders = [
        "Content-Type", "Link", "Location", "ETag", "WWW-Authenticate", "Retry-After", "Allow", "X-Correlation-ID",
    ]

    /// A normaliser for one check of a run with `prefix` in `tenant`.
    public init(prefix: RunPrefix, tenant: String) {
        self.prefix = prefix.value
        self.tenant = tenant
    }

    /// The placeholder for `value` in `category`.
    public mutating func placeholder(_ category: String, _ value: String) -> String {
        var known = numbers[category] ?? [:]
        let number = known[value] ?? (known.count + 1)
        known[value] = number
        numbers[category] = known
        return "<\(category):\(number)>"
    }

    /// One exchange as the JSON stored in a recording.
    public mutating func record(_ exchange: Exchange) -> JSONValue {
        var headers = JSONObject()
        for name in Self.recordedHeaders {
            if let value = exchange.response.header(name) { headers[name] = .string(text(value)) }
        }
        let body: JSONValue
        if exchange.response.body.isEmpty {
            body = .null
        } else if let json = exchange.response.bodyJSON {
            body = self.json(json, key: nil)
        } else {
            body = .object(["$text": .string(text(String(exchange.response.bodyText.prefix(500))))])
        }
        return .object([
            "label": .string(exchange.label),
            "request": .object([
                "method": .string(exchange.request.method.rawValue),
                "target": .string(text(exchange.request.target)),
            ]),
            "response": .object([
                "status": .int(exchange.response.status.code),
                "headers": .object(headers),
                "body": body,
            ]),
        ])
    }

    /// `value` with every string normalised and `etag` numbers replaced.
    public mutating func json(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .string(let string):
            return .string(text(string))
        case .number(.integer(let number)) where key == "etag":
            return .string(placeholder("etag", String(number)))
        case .array(let elements):
            return .array(elements.map { json($0, key: key) })
        case .object(let object):
            return .object(JSONObject(object.members.map { (key: $0.key, value: json($0.value, key: $0.key)) }))
        default:
            return value
        }
    }

    /// `string` with tokens, base URLs, times, ids, the run prefix and the tenant replaced.
    public mutating func text(_ string: String) -> String {
        if string.hasPrefix("eyJ"), string.split(separator: ".").count == 3 { return placeholder("token", string) }
        var output = replaceBaseURLs(string)
        output = replaceTimes(output)
        output = replaceIDs(output)
        output = output.replacingAll(prefix, with: "<run>")
        if !tenant.isEmpty { output = output.replacingAll(tenant, with: "<tenant>") }
        return output
    }

    private func replaceBaseURLs(_ string: String) -> String {
        var output = ""
        var rest = Substring(string)
        while let schemeRange = rest.range(of: "://") {
            var start = schemeRange.lowerBound
            while start > rest.startIndex, rest[rest.index(before: start)].isLetter { start = rest.index(before: start) }
            output += rest[..<start]
            var end = schemeRange.upperBound
            while end < rest.endIndex, !"/\"'<> ".contains(rest[end]) { end = rest.index(after: end) }
            output += "<gateway>"
            rest = rest[end...]
        }
        return output + rest
    }

    private mutating func replaceTimes(_ string: String) -> String {
        let pattern = #/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}(:|%3A|%3a)[0-9]{2}(:|%3A|%3a)[0-9]{2}(\.[0-9]{1,9})?Z/#
        guard string.contains(pattern) else { return string }
        var output = ""
        var rest = Substring(string)
        while let match = rest.firstMatch(of: pattern) {
            output += rest[..<match.range.lowerBound]
            let canonical = String(rest[match.range]).replacingAll("%3A", with: ":").replacingAll("%3a", with: ":")
            output += placeholder("time", Timestamp.parseMilliseconds(canonical).map(String.init) ?? canonical)
            rest = rest[match.range.upperBound...]
        }
        return output + rest
    }

    private mutating func replaceIDs(_ string: String) -> String {
        var output = ""
        var run = ""
        func flush(_ normaliser: inout ResponseNormaliser) {
            let hex = run.filter { $0 != "-" }
            let dashes = run.enumerated().filter { $0.element == "-" }.map(\.offset)
            if hex.count == 32, dashes.isEmpty || dashes == [8, 13, 18, 23] {
                output += normaliser.placeholder("id", hex.lowercased())
            } else {
                output += run
            }
            run = ""
        }
        for character in string {
            if character.isHexDigit || character == "-" {
                run.append(character)
            } else {
                flush(&self)
                output.append(character)
            }
        }
        flush(&self)
        return output
    }
}
