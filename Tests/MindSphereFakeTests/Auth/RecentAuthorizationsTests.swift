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
        var memory = RecentAuthorizations<Int>()
        let key = try #require(IssuedTokenKey(header.dropFirst(7)))
        memory.remember(header, key: key, value: 1)
        #expect(memory.recognised(header) == 1)
        #expect(memory.recognised(copy(header)) == nil)
        #expect(throws: Never.self) { try tokens.authenticate(authorization: copy(header), nowSeconds: 1_002).get() }
    }

    @Test func shortValues_areNeverRemembered() {
        var memory = RecentAuthorizations<Int>()
        let short = "Bearer abcdefgh"
        memory.remember(short, key: IssuedTokenKey(short.dropFirst(7))!, value: 1)
        #expect(memory.recognised(short) == nil)
    }

    @Test func oldestValue_isForgottenWhenFull_yetStillAccepted() throws {
        var memory = RecentAuthorizations<Int>()
        let headers = try (0...RecentAuthorizations<Int>.capacity).map { _ in "Bearer " + (try issue()) }
        for (index, header) in headers.enumerated() { memory.remember(header, key: IssuedTokenKey(header.dropFirst(7))!, value: index) }
        #expect(memory.recognised(headers[0]) == nil)
        #expect(memory.recognised(headers[1]) == 1 && memory.recognised(headers.last!) == headers.count - 1)
        for header in headers {
            #expect(throws: Never.self) { try tokens.authenticate(authorization: header, nowSeconds: 1_001).get() }
        }
    }

    /// A token pushed out of the issued-token cache takes its remembered headers with it: the memory never hands
    /// out an entry the cache no longer holds, and the other values stay recognised.
    @Test func forgottenKey_isNoLongerRecognised() throws {
        var memory = RecentAuthorizations<Int>()
        let headers = try (0..<3).map { _ in "Bearer " + (try issue()) }
        for (index, header) in headers.enumerated() { memory.remember(header, key: IssuedTokenKey(header.dropFirst(7))!, value: index) }
        memory.forget(IssuedTokenKey(copy(headers[1]).dropFirst(7))!)
        #expect(memory.recognised(headers[1]) == nil)
        #expect(memory.recognised(headers[0]) == 0 && memory.recognised(headers[2]) == 2)
        memory.remember(headers[1], key: IssuedTokenKey(headers[1].dropFirst(7))!, value: 5)
        #expect(memory.recognised(headers[1]) == 5)
    }

    /// A recognised header whose token left the issued-token cache is judged again by its signature.
    @Test func recognisedHeader_ofATokenPushedOutOfTheCache_isVerifiedAgain() throws {
        let small = TokenService(signingKey: .processDefault, identifiers: Identifiers(seed: 12), cacheCapacity: 2)
        func issueSmall() throws -> String {
            try small.issue(
                clientID: "t-app-v1", tenant: "t", scopes: [], issuer: "fake", nowSeconds: 1_000, lifetimeSeconds: 1800
            ).accessToken
        }
        let token = try issueSmall()
        let header = "Bearer " + token
        #expect(try small.authenticate(authorization: header, nowSeconds: 1_001).get().tenant == "t")
        _ = try (0..<2).map { _ in try issueSmall() }
        #expect(!small.isRemembered(token))
        #expect(try small.authenticate(authorization: header, nowSeconds: 1_002).get().tenant == "t")
        #expect(small.isRemembered(token))
        small.revokeAll(nowSeconds: 1_003)
        #expect(small.authenticate(authorization: header, nowSeconds: 1_004) == .failure(.revoked))
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
