import Foundation
import Synchronization

/// Issues RS256 tokens and checks bearer tokens for the gateway. Tokens it issued recently are recognised by an exact
/// lookup (no RSA verify per request); others are verified by signature.
package final class TokenService: Sendable {
    /// What an issued token request returns.
    public struct IssuedToken: Sendable {
        /// The compact JWT.
        public var accessToken: String
        /// The principal the token stands for.
        public var principal: Principal
        /// Lifetime in seconds.
        public var lifetimeSeconds: Int
    }

    /// What the cache knows of an issued token: who it stands for, its place in issue order, and when it starts to
    /// be good (its later of iat and nbf, on the fake's clock).
    private struct CacheEntry {
        let principal: Principal
        let sequence: Int
        let validFrom: Int64
    }

    private struct Cache {
        var principals: [IssuedTokenKey: CacheEntry] = [:]
        var order: [IssuedTokenKey] = []
        var head = 0
        var sequence = 0
        var revokedTokenIDs: Set<String> = []
        var revokedUpToSequence = -1
        var revokedIssuedAtOrBefore: Int64 = Int64.min
        var recentAuthorizations = RecentAuthorizations<CacheEntry>()
    }

    /// The claim that carries, in seconds, how far the wall clock was ahead of the fake's clock when the token was
    /// issued (left out when the two agree). Claims are on the wall clock, so that client libraries checking `exp` and
    /// `iat` against their own clock accept a token whatever the fake's clock reads; the gateway subtracts this to
    /// judge the token on the fake's clock, on which it lives its lifetime.
    public static let clockOffsetClaim = "fake_clock_offset"

    /// How far (seconds) a token's `iat` or `nbf` may lie ahead of the fake's clock before the gateway refuses it as
    /// used before it was issued; a small allowance for clocks that differ by a little, as JWT libraries give.
    public static let issuedAtLeewaySeconds: Int64 = 60

    /// The key that signs new tokens; listed first in the key set.
    public let signingKey: SigningKey
    private let identifiers: Identifiers
    private let cache = Mutex(Cache())
    private let cacheCapacity: Int

    /// A token service signing with `signingKey`.
    public init(signingKey: SigningKey, identifiers: Identifiers, cacheCapacity: Int = 20_000) {
        self.signingKey = signingKey
        self.identifiers = identifiers
        self.cacheCapacity = cacheCapacity
    }

    /// The key set served at `/token_keys`.
    public var keySet: JSONValue { .object(["keys": .array([signingKey.publicJWK])]) }

    /// Issues a token.
    /// - Parameters:
    ///   - clientID: the client the token is for (`sub`, `client_id`, `cid`, `azp`).
    ///   - tenant: the tenant whose data the token reaches (`ten`, `zid`).
    ///   - scopes: the granted scopes.
    ///   - issuer: the `iss` claim.
    ///   - nowSeconds: issue time on the fake's clock; the token expires `lifetimeSeconds` later on that clock.
    ///   - wallSeconds: issue time on the wall clock, written into `iat` and `exp` (`nowSeconds` when omitted).
    ///   - lifetimeSeconds: seconds until `exp`, within `Scenario.tokenLifetimeSecondsRange`.
    /// - Throws: `FakeError` (500) if signing fails or the lifetime is out of range.
    public func issue(
        clientID: String,
        tenant: String,
        scopes: [String],
        issuer: String,
        nowSeconds: Int64,
        wallSeconds: Int64? = nil,
        lifetimeSeconds: Int
    ) throws(FakeError) -> IssuedToken {
        let range = Scenario.tokenLifetimeSecondsRange
        guard range.contains(lifetimeSeconds) else {
            throw FakeError(.internalError, "the token lifetime \(lifetimeSeconds) s is outside \(range.lowerBound) to \(range.upperBound) s")
        }
        let claimedAt = wallSeconds ?? nowSeconds
        let (expiresAt, overflow) = nowSeconds.addingReportingOverflow(Int64(lifetimeSeconds))
        let (claimedExpiry, claimOverflow) = claimedAt.addingReportingOverflow(Int64(lifetimeSeconds))
        let (offset, offsetOverflow) = claimedAt.subtractingReportingOverflow(nowSeconds)
        guard !overflow, !claimOverflow, !offsetOverflow else {
            throw FakeError(.internalError, "the token's expiry does not fit the clock")
        }
        let tokenID = identifiers.next()
        var claims: JSONObject = [
            "jti": .string(tokenID),
            "sub": .string(clientID),
            "scope": .array(scopes.map(JSONValue.string)),
            "client_id": .string(clientID),
            "cid": .string(clientID),
            "azp": .string(clientID),
            "grant_type": .string("client_credentials"),
            "rev_sig": .string(identifiers.nextHex(8)),
            "iat": .number(.integer(claimedAt)),
            "exp": .number(.integer(claimedExpiry)),
            "iss": .string(issuer),
            "zid": .string(tenant),
            "aud": .array([.string(clientID)]),
            "ten": .string(tenant),
            "schemas": .array([.string("urn:siemens:mindsphere:v1")]),
            "cat": .string("client-token:v1"),
        ]
        if offset != 0 { claims[Self.clockOffsetClaim] = .number(.integer(offset)) }
        let token: String
        do {
            token = try JSONWebToken.sign(claims: claims, with: signingKey)
        } catch {
            throw FakeError(.internalError, "could not sign the token: \(error)")
        }
        let principal = Principal(tenant: tenant, clientID: clientID, scopes: scopes, tokenID: tokenID, expiresAt: expiresAt)
        remember(token, principal, validFrom: nowSeconds)
        return IssuedToken(accessToken: token, principal: principal, lifetimeSeconds: lifetimeSeconds)
    }

    private func remember(_ token: String, _ principal: Principal, validFrom: Int64) {
        guard let token = IssuedTokenKey(token[...]) else { return }
        cache.withLock { cache in insert(token, principal, validFrom: validFrom, into: &cache) }
    }

    /// Whether `token` is in the issued-token cache (for tests).
    func isRemembered(_ token: String) -> Bool {
        guard let key = IssuedTokenKey(token[...]) else { return false }
        return cache.withLock { $0.principals[key] != nil }
    }

    /// Adds a token to the cache, pushing out the oldest entry when it is full.
    private func insert(_ token: IssuedTokenKey, _ principal: Principal, validFrom: Int64, into cache: inout Cache) {
        guard cache.principals[token] == nil else { return }
        cache.sequence += 1
        if cache.order.count < cacheCapacity {
            cache.order.append(token)
        } else {
            let oldest = cache.order[cache.head]
            cache.principals[oldest] = nil
            cache.recentAuthorizations.forget(oldest)
            cache.order[cache.head] = token
            cache.head = (cache.head + 1) % cacheCapacity
        }
        cache.principals[token] = CacheEntry(principal: principal, sequence: cache.sequence, validFrom: validFrom)
    }

    /// Checks an `Authorization` header value at `nowSeconds`.
    /// - Returns: the principal, or why the token is refused.
    public func authenticate(authorization: String?, nowSeconds: Int64) -> Result<Principal, TokenRejection> {
        guard let authorization, !authorization.isEmpty else { return .failure(.missingHeader) }
        // No Unicode normalisation: a token is known only by its exact bytes (IssuedTokenKey compares all of them),
        // and a non-ASCII token is no issued token at all (it then fails the strict base64url decoding).
        let lookup = cache.withLock { cache -> CacheLookup in
            guard let entry = Self.cachedEntry(authorization: authorization, in: &cache) else {
                return Self.hasBearerScheme(authorization) ? .unknown : .notBearer
            }
            // Checked for emptiness first: the lookup would hash the token id while every other request waits.
            let revoked =
                entry.sequence <= cache.revokedUpToSequence
                || (!cache.revokedTokenIDs.isEmpty && cache.revokedTokenIDs.contains(entry.principal.tokenID))
            return .cached(entry.principal, revoked: revoked, validFrom: entry.validFrom)
        }
        switch lookup {
        case .cached(let principal, let revoked, let validFrom):
            if revoked { return .failure(.revoked) }
            return Self.timeCheck(principal, validFrom: validFrom, nowSeconds: nowSeconds)
        case .notBearer:
            return .failure(.notBearer)
        case .unknown:
            let token = Self.bearerToken(in: authorization)
            guard !token.isEmpty else { return .failure(.notBearer) }
            return verifyUncached(String(token), nowSeconds: nowSeconds)
        }
    }

    /// What the cache says of an `Authorization` value.
    private enum CacheLookup {
        /// A cached token's principal, whether it was revoked since, and when it starts to be good.
        case cached(Principal, revoked: Bool, validFrom: Int64)
        /// Not a bearer header.
        case notBearer
        /// A bearer header whose token the cache does not hold (or holds no token at all).
        case unknown
    }

    /// The cache entry of the bearer token in `authorization`, found by the header's storage when it is one seen
    /// before (then it needs no parsing, reading or hashing), else by the token's bytes (and then the header is kept
    /// for next time); `nil` when it is no bearer header or its token is not cached.
    private static func cachedEntry(authorization: String, in cache: inout Cache) -> CacheEntry? {
        if let entry = cache.recentAuthorizations.recognised(authorization) { return entry }
        guard hasBearerScheme(authorization) else { return nil }
        let token = bearerToken(in: authorization)
        guard !token.isEmpty, let index = cache.principals.index(forKey: IssuedTokenKey(lookingUp: token)) else { return nil }
        // The key as the cache holds it: forgetting it when its token leaves the cache compares no bytes.
        let (key, entry) = cache.principals[index]
        cache.recentAuthorizations.remember(authorization, key: key, value: entry)
        return entry
    }

    /// Whether the header starts with `Bearer ` in any letter case.
    private static func hasBearerScheme(_ authorization: String) -> Bool {
        let scheme = "bearer ".utf8
        var text = authorization
        return text.withUTF8 { bytes in
            guard bytes.count >= 7 else { return false }
            var index = 0
            for expected in scheme {
                if bytes[index] | 0x20 != expected { return false }
                index += 1
            }
            return true
        }
    }

    /// The token after `Bearer` and its spaces (the scheme is already checked). When the bytes there are ASCII it
    /// is cut on bytes, else on characters; both give the same text.
    private static func bearerToken(in authorization: String) -> Substring {
        let utf8 = authorization.utf8
        var start = utf8.index(utf8.startIndex, offsetBy: 7)
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: " ") { start = utf8.index(after: start) }
        if start == utf8.endIndex || utf8[start] < 0x80 { return authorization[start...] }
        return authorization.dropFirst(7).drop(while: { $0 == " " })
    }

    private func verifyUncached(_ token: String, nowSeconds: Int64) -> Result<Principal, TokenRejection> {
        guard let jwt = JSONWebToken(compact: token) else { return .failure(.malformed) }
        guard jwt.header["alg"]?.stringValue == "RS256" else { return .failure(.unsupportedAlgorithm) }
        guard jwt.header["kid"]?.stringValue == signingKey.keyID else { return .failure(.unknownKey) }
        guard signingKey.verify(jwt.signature, for: jwt.signingInput) else { return .failure(.badSignature) }
        guard let tenant = jwt.stringClaim("ten"), let claimedExpiry = jwt.integerClaim("exp"),
            let clientID = jwt.stringClaim("client_id")
        else { return .failure(.missingClaims) }
        // Claims are on the wall clock; the offset claim brings them back onto the fake's clock, where they are judged.
        let offset = jwt.integerClaim(Self.clockOffsetClaim) ?? 0
        let onFakeClock = { (claim: Int64) -> Int64 in
            let (value, overflow) = claim.subtractingReportingOverflow(offset)
            return overflow ? (offset > 0 ? Int64.min : Int64.max) : value
        }
        let expiresAt = onFakeClock(claimedExpiry)
        let tokenID = jwt.stringClaim("jti") ?? ""
        let issuedAt = onFakeClock(jwt.integerClaim("iat") ?? 0)
        // The token is good from its later of iat and nbf (both optional); judged on the fake's clock, like exp.
        let validFrom = max(issuedAt, jwt.integerClaim("nbf").map(onFakeClock) ?? Int64.min)
        let scopes = jwt.claims["scope"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let principal = Principal(tenant: tenant, clientID: clientID, scopes: scopes, tokenID: tokenID, expiresAt: expiresAt)
        // A verified token that is still good goes (back) into the cache, so a token in use that was pushed out by
        // newer ones, or one signed before a restart with the same key, costs one signature check, not one per request.
        let key = IssuedTokenKey(token[...])
        let revoked = cache.withLock { cache in
            if cache.revokedTokenIDs.contains(tokenID) || issuedAt <= cache.revokedIssuedAtOrBefore { return true }
            if let key, nowSeconds < expiresAt { insert(key, principal, validFrom: validFrom, into: &cache) }
            return false
        }
        if revoked { return .failure(.revoked) }
        return Self.timeCheck(principal, validFrom: validFrom, nowSeconds: nowSeconds)
    }

    /// Refuses a token used more than `issuedAtLeewaySeconds` before `validFrom` (its iat or nbf) or at or after its
    /// expiry; both on the fake's clock.
    private static func timeCheck(_ principal: Principal, validFrom: Int64, nowSeconds: Int64) -> Result<Principal, TokenRejection> {
        let (latestStart, overflow) = nowSeconds.addingReportingOverflow(issuedAtLeewaySeconds)
        if !overflow, validFrom > latestStart { return .failure(.notYetValid) }
        if nowSeconds >= principal.expiresAt { return .failure(.expired) }
        return .success(principal)
    }

    /// Expires every token issued so far (tokens issued later stay valid).
    public func revokeAll(nowSeconds: Int64) {
        cache.withLock { cache in
            cache.revokedUpToSequence = cache.sequence
            cache.revokedIssuedAtOrBefore = nowSeconds
        }
    }

    /// Expires one token, given as the compact token or its `jti`. Returns whether it was recognised: a compact
    /// token must carry this service's valid signature, a `jti` must be one of a token issued (or verified) recently,
    /// so a typo answers "unknown" instead of pretending to have expired something.
    @discardableResult
    public func revoke(tokenOrID: String) -> Bool {
        let tokenID: String
        var verified = false
        if let jwt = JSONWebToken(compact: tokenOrID) {
            guard signingKey.verify(jwt.signature, for: jwt.signingInput), let id = jwt.stringClaim("jti"), !id.isEmpty else {
                return false
            }
            tokenID = id
            verified = true
        } else {
            tokenID = tokenOrID
        }
        guard !tokenID.isEmpty else { return false }
        return cache.withLock { cache in
            let known =
                verified || cache.revokedTokenIDs.contains(tokenID)
                || cache.principals.values.contains { ExactText.equal($0.principal.tokenID, tokenID) }
            if known { cache.revokedTokenIDs.insert(tokenID) }
            return known
        }
    }

    /// Forgets revocations (used by reset); issued tokens stay valid until they expire.
    public func clearRevocations() {
        cache.withLock { cache in
            cache.revokedTokenIDs = []
            cache.revokedUpToSequence = -1
            cache.revokedIssuedAtOrBefore = Int64.min
        }
    }
}
