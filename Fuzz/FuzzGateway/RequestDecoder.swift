import Foundation
import FuzzSupport
import HTTPTypes
import MindSphereFake

/// Builds one `FakeRequest` from decisions: a route of `GatewayVocabulary` with its placeholders filled, then path,
/// query, headers and body, each either from the vocabulary or free bytes. Decisions are named so `SeedScript` can
/// write seeds by name.
struct RequestDecoder {
    /// A valid bearer token, fetched through the Token Manager route at start.
    let token: String

    static let spaceAuthKey = "Basic " + base64("\(AppCredential.fakeDefault.clientID):\(AppCredential.fakeDefault.clientSecret)")
    static let serviceBasic = "Basic " + base64("\(ServiceCredential.fakeDefault.clientID):\(ServiceCredential.fakeDefault.clientSecret)")

    /// The next request; `previousID` is the `id` (or `assetId`) of the previous answer of the same input, if it had one.
    func request(from source: inout some DecisionSource, previousID: String?) -> FakeRequest {
        let template = GatewayVocabulary.templates[source.pick("route", GatewayVocabulary.templates.map(\.path))]
        // Mostly a method the route serves, so handlers run; otherwise any method, for 405 and HEAD paths.
        let method: String
        if source.pick("method kind", ["served", "any"]) == 0 {
            method = template.methods[source.pick("method", template.methods)]
        } else {
            method = source.value("method", GatewayVocabulary.methods)
        }
        var target = path(template.path, from: &source, previousID: previousID)
        target += query(from: &source)
        var fields = HTTPFields()
        fields[HTTPField.Name("Host")!] = "127.0.0.1:8080"
        authorize(&fields, from: &source)
        let contentType = source.value("content type", GatewayVocabulary.contentTypes)
        if contentType != "none" { fields[.contentType] = contentType }
        let ifMatch = source.value("if-match", GatewayVocabulary.ifMatches)
        if ifMatch != "none" { fields[HTTPField.Name("If-Match")!] = ifMatch }
        let headerCount = source.count("header count", upTo: 2)
        for index in 0..<headerCount {
            let name = source.value("header name \(index + 1)", GatewayVocabulary.headerNames)
            let value = String(decoding: source.bytes("header value \(index + 1)"), as: UTF8.self)
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let body = Array(source.value("body", GatewayVocabulary.bodies).utf8)
        return FakeRequest(method: HTTPRequest.Method(method) ?? .get, target: target, headerFields: fields, body: body)
    }

    private func path(_ template: String, from source: inout some DecisionSource, previousID: String?) -> String {
        var path = ""
        for segment in template.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            path += "/"
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else {
                path += segment
                continue
            }
            let name = String(segment.dropFirst().dropLast())
            let value = source.value(name, GatewayVocabulary.placeholders[name] ?? [rawOption])
            path += value == GatewayVocabulary.previous ? (previousID ?? "") : value
        }
        switch GatewayVocabulary.pathEdits[source.pick("path edit", GatewayVocabulary.pathEdits)] {
        case "trailing slash": path += "/"
        case "extra segment": path += "/" + String(decoding: source.bytes("segment"), as: UTF8.self)
        case "percent-encoded":
            // One character of the path as %XX, which the core must decode to the same route.
            let characters = Array(path)
            let position = Int(source.bytes("position").first ?? 0) % max(characters.count, 1)
            path = characters.enumerated().map { index, character in
                index == position ? character.utf8.map { "%" + hex($0) }.joined() : String(character)
            }.joined()
        case "double slash": path = "/" + path
        case "replaced": path = String(decoding: source.bytes("path"), as: UTF8.self)
        default: break
        }
        return path
    }

    private func query(from source: inout some DecisionSource) -> String {
        var pairs: [String] = []
        let count = source.count("query count", upTo: 3)
        for index in 0..<count {
            let name = source.value("query name \(index + 1)", GatewayVocabulary.queryNames)
            let value = source.value("query value \(index + 1)", GatewayVocabulary.queryValues)
            pairs.append(percentEncoded(name) + "=" + percentEncoded(value))
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    private func authorize(_ fields: inout HTTPFields, from source: inout some DecisionSource) {
        let value: String?
        switch GatewayVocabulary.authorizations[source.pick("authorization", GatewayVocabulary.authorizations)] {
        case "bearer": value = "Bearer " + token
        case "bearer raw": value = "Bearer " + String(decoding: source.bytes("token"), as: UTF8.self)
        case "bearer truncated":
            value = "Bearer " + token.prefix(token.count - min(token.count, Int(source.bytes("cut").first ?? 1)))
        case "bearer flipped":
            // One character replaced: the signature check, not a cache or a prefix, must refuse it.
            var characters = Array(token)
            let position = Int(source.bytes("position").first ?? 0) % characters.count
            characters[position] = characters[position] == "A" ? "B" : "A"
            value = "Bearer " + String(characters)
        case "space auth key":
            fields[HTTPField.Name("X-SPACE-AUTH-KEY")!] = Self.spaceAuthKey
            value = nil
        case "basic service": value = Self.serviceBasic
        case "lowercase bearer": value = "bearer " + token
        case "raw": value = String(decoding: source.bytes("authorization"), as: UTF8.self)
        default: value = nil
        }
        if let value { fields[.authorization] = value }
    }

    /// `text` with every byte outside unreserved characters as %XX, as a client library sends a query.
    private func percentEncoded(_ text: String) -> String {
        text.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: ","), UInt8(ascii: "*"), UInt8(ascii: "/"):
                String(UnicodeScalar(byte))
            default: "%" + hex(byte)
            }
        }.joined()
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
