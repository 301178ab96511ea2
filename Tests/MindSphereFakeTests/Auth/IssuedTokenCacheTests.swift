import Testing

@testable import MindSphereFake

/// The issued-token cache: tokens the fake issued are recognised without a signature check, and a token in use
/// that newer tokens pushed out comes back after one check.
@Suite struct IssuedTokenCacheTests {
    private func service(capacity: Int) -> TokenService {
        TokenService(signingKey: .processDefault, identifiers: Identifiers(seed: 7), cacheCapacity: capacity)
    }

    private func issue(_ service: TokenService, at now: Int64 = 1_000) throws -> String {
        try service.issue(
            clientID: "t-app-v1", tenant: "t", scopes: ["t.app.scope"], issuer: "fake",
            nowSeconds: now, lifetimeSeconds: 1800
        ).accessToken
    }

    @Test func pushedOutToken_isVerifiedOnceThenRememberedAgain() throws {
        let tokens = service(capacity: 2)
        let first = try issue(tokens)
        #expect(tokens.isRemembered(first))
        _ = try issue(tokens)
        _ = try issue(tokens)
        #expect(!tokens.isRemembered(first))
        let principal = try tokens.authenticate(authorization: "Bearer " + first, nowSeconds: 1_001).get()
        #expect(principal.clientID == "t-app-v1")
        #expect(tokens.isRemembered(first))
    }

    @Test func refusedTokens_areNotRemembered() throws {
        let tokens = service(capacity: 1)
        let expired = try issue(tokens, at: 0)
        let revoked = try issue(tokens, at: 10)
        _ = try issue(tokens, at: 20)
        #expect(!tokens.isRemembered(expired) && !tokens.isRemembered(revoked))
        #expect(throws: TokenRejection.self) { try tokens.authenticate(authorization: "Bearer " + expired, nowSeconds: 5_000).get() }
        #expect(!tokens.isRemembered(expired))
        #expect(tokens.revoke(tokenOrID: revoked))
        #expect(throws: TokenRejection.self) { try tokens.authenticate(authorization: "Bearer " + revoked, nowSeconds: 30).get() }
        #expect(!tokens.isRemembered(revoked))
    }

    @Test func revokeAll_alsoRefusesATokenRememberedAgain() throws {
        let tokens = service(capacity: 1)
        let first = try issue(tokens)
        _ = try issue(tokens)
        _ = try tokens.authenticate(authorization: "Bearer " + first, nowSeconds: 1_001).get()
        #expect(tokens.isRemembered(first))
        tokens.revokeAll(nowSeconds: 1_002)
        #expect(throws: TokenRejection.self) { try tokens.authenticate(authorization: "Bearer " + first, nowSeconds: 1_003).get() }
    }
}
