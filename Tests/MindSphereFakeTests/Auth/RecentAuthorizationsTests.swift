import Testing

@testable import MindSphereFake

/// The gateway's memory of recent `Authorization` values: a header string seen before is recognised by where its
/// bytes live, never by anything weaker; every other value is judged by its bytes, and the token's revocation and
/// expiry apply on every request either way.
@Suite struct RecentAuthorizationsTests {
    private let tokens = TokenService(signingKey: .processDefault, identifiers: Identifiers(seed: 11))

    private func issue(at now: Int64 = 1_000) throws -> String {
        try tokens.issue(
            clientID: "t-app-v1", tenant: "t", scopes: ["t.app.scope"], issuer: "fake", nowSeconds: now, lifetimeSeconds: 1800
        ).accessToken
    }

    /// The same text in a buffer of its own.
    private func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// `text` with the byte at `offset` replaced by a different base64url character (same length).
    private func nearMiss(_ text: String, at offset: Int) -> String {
        var bytes = Array(text.utf8)
        bytes[offset] = bytes[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func repeatedHeader_isRecognised_andStillRevocable() throws {
        let header = "Bearer " + (try issue())
        #expect(try tokens.authenticate(authorization: header, nowSeconds: 1_001).get().tenant == "t")
        #expect(try tokens.authenticate(authorization: header, nowSeconds: 1_002).get().tenant == "t")
        #expect(tokens.revoke(tokenOrID: String(header.dropFirst(7))))
        #expect(tokens.authenticate(authorization: header, nowSeconds: 1_003) == .failure(.revoked))
    }

    /// The same header string (recognised by its storage) and the same text in a fresh buffer (looked up by its
    /// bytes) get equal answers while valid, once expired, and once revoked.
    @Test func recognisedHeader_answersAsItsBytesDo() throws {
        let header = "Bearer " + (try issue(at: 1_000))
        let first = tokens.authenticate(authorization: header, nowSeconds: 1_001)
        #expect(throws: Never.self) { try first.get() }
        for now: Int64 in [1_001, 2_799, 2_800, 9_000] {
            let recognised = tokens.authenticate(authorization: header, nowSeconds: now)
            #expect(recognised == tokens.authenticate(authorization: copy(header), nowSeconds: now), "at \(now)")
        }
        #expect(tokens.authenticate(authorization: header, nowSeconds: 1_002) == first)
        tokens.revokeAll(nowSeconds: 1_003)
        let revoked = tokens.authenticate(authorization: header, nowSeconds: 1_004)
        #expect(revoked == .failure(.revoked) && revoked == tokens.authenticate(authorization: copy(header), nowSeconds: 1_004))
    }

    @Test func repeatedHeader_expiresOnTime() throws {
        let header = "Bearer " + (try issue(at: 1_000))
        #expect(throws: Never.self) { try tokens.authenticate(authorization: header, nowSeconds: 2_799).get() }
        #expect(tokens.authenticate(authorization: header, nowSeconds: 2_800) == .failure(.expired))
    }

    @Test(arguments: [7, 300, -1])
    func nearMissOfARecognisedHeader_isRefused(offsetFromStart: Int) throws {
        let header = "Bearer " + (try issue())
        _ = try tokens.authenticate(authorization: header, nowSeconds: 1_001).get()
        let offset = offsetFromStart >= 0 ? offsetFromStart : header.utf8.count - 2
        let changed = nearMiss(header, at: offset)
        #expect(changed.utf8.count == header.utf8.count && changed != header)
        #expect(throws: TokenRejection.self) { try tokens.authenticate(authorization: changed, nowSeconds: 1_002).get() }
        // The original is still recognised afterwards.
        #expect(throws: Never.self) { try tokens.authenticate(authorization: header, nowSeconds: 1_003).get() }
    }

    @Test func equalTextInAnotherBuffer_isJudgedByItsBytes() throws {
        let header = "Bearer " + (try issue())
        _ = try tokens.authenticate(authorization: header, nowSeconds: 1_001).get()
        var memory = RecentAuthorizations()
        let key = try #require(IssuedTokenKey(header.dropFirst(7)))
        memory.remember(header, key: key)
        #expect(memory.key(forSameStorageAs: header) == key)
        #expect(memory.key(forSameStorageAs: copy(header)) == nil)
        #expect(throws: Never.self) { try tokens.authenticate(authorization: copy(header), nowSeconds: 1_002).get() }
    }

    @Test func shortValues_areNeverRemembered() {
        var memory = RecentAuthorizations()
        let short = "Bearer abcdefgh"
        memory.remember(short, key: IssuedTokenKey(short.dropFirst(7))!)
        #expect(memory.key(forSameStorageAs: short) == nil)
    }

    @Test func oldestValue_isForgottenWhenFull_yetStillAccepted() throws {
        var memory = RecentAuthorizations()
        let headers = try (0...RecentAuthorizations.capacity).map { _ in "Bearer " + (try issue()) }
        for header in headers { memory.remember(header, key: IssuedTokenKey(header.dropFirst(7))!) }
        #expect(memory.key(forSameStorageAs: headers[0]) == nil)
        #expect(memory.key(forSameStorageAs: headers[1]) != nil && memory.key(forSameStorageAs: headers.last!) != nil)
        for header in headers {
            #expect(throws: Never.self) { try tokens.authenticate(authorization: header, nowSeconds: 1_001).get() }
        }
    }

    @Test func keys_compareByBytes_andByPlace() throws {
        let token = try issue()
        let key = try #require(IssuedTokenKey(token[...]))
        #expect(key == IssuedTokenKey(token[...]))
        #expect(key == IssuedTokenKey(copy(token)[...]))
        #expect(key != IssuedTokenKey(nearMiss(token, at: token.utf8.count - 1)[...]))
        #expect(key != IssuedTokenKey(token.dropLast()))
    }
}
