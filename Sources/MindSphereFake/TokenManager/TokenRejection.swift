/// Why the gateway refused a bearer token; every reason answers the same 401, the reason goes to the journal.
package enum TokenRejection: String, Sendable, Error, Equatable {
    /// No `Authorization` header.
    case missingHeader = "missing Authorization header"
    /// The header is not `Bearer <token>`.
    case notBearer = "Authorization header is not a Bearer token"
    /// Not three base64url parts of JSON.
    case malformed = "token is not a well-formed JWT"
    /// `alg` is not RS256 (for example `none`).
    case unsupportedAlgorithm = "token algorithm is not RS256"
    /// The `kid` names no key of the fake.
    case unknownKey = "token was signed with an unknown key"
    /// The signature does not verify.
    case badSignature = "token signature is invalid"
    /// `iat` or `nbf` lies more than `TokenService.issuedAtLeewaySeconds` ahead of the fake's clock.
    case notYetValid = "token was used before it was issued (iat or nbf is in the future)"
    /// `exp` has passed on the fake's clock.
    case expired = "token has expired"
    /// Expired early through the control plane.
    case revoked = "token was expired through the control plane"
    /// Required claims are missing.
    case missingClaims = "token lacks the tenant or expiry claims"
}
