import Foundation

/// A compact JWS (`header.payload.signature`) split and decoded, not yet trusted.
package struct JSONWebToken: Sendable {
    /// The decoded header.
    public let header: JSONObject
    /// The decoded claims.
    public let claims: JSONObject
    /// The bytes that were signed (`header.payload` as ASCII).
    public let signingInput: [UInt8]
    /// The signature bytes.
    public let signature: Data

    /// Splits and decodes a compact token; `nil` when it is not three base64url parts of JSON objects.
    public init?(compact token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerData = Base64URL.decode(parts[0]), let payloadData = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = (try? JSONParser.parse(headerData))?.objectValue,
            let claims = (try? JSONParser.parse(payloadData))?.objectValue
        else { return nil }
        self.header = header
        self.claims = claims
        self.signature = signature
        self.signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
    }

    /// Signs `claims` with `key` as an RS256 token with `typ: JWT` and the key's `kid`.
    /// - Throws: when signing fails.
    public static func sign(claims: JSONObject, with key: SigningKey) throws -> String {
        let header: JSONValue = .object(["alg": .string("RS256"), "kid": .string(key.keyID), "typ": .string("JWT")])
        let signingInput = Base64URL.encode(JSONWriter.bytes(header)) + "." + Base64URL.encode(JSONWriter.bytes(.object(claims)))
        let signature = try key.sign(Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// An integer claim such as `exp`.
    public func integerClaim(_ name: String) -> Int64? {
        if case .number(let number)? = claims[name] {
            switch number {
            case .integer(let value): return value
            case .double(let value): return Int64(exactly: value.rounded(.down))
            }
        }
        return nil
    }

    /// A string claim.
    public func stringClaim(_ name: String) -> String? { claims[name]?.stringValue }
}
