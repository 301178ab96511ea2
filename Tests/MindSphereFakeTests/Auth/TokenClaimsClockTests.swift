import Foundation
import HTTPTypes
import JWTKit
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Token claims are on the wall clock, so client libraries that check `exp`/`iat` against their own clock accept a
/// token whatever the fake's clock reads; the gateway judges the same token on the fake's clock.
@Suite struct TokenClaimsClockTests {
    /// The wall clock of these tests, and the fake's clock a year behind it (as for old seed data).
    private static let wall: Int64 = 1_764_547_200_000
    private static let yearMilliseconds: Int64 = 365 * 86_400_000

    private func fake(signingKey: SigningKey = .processDefault) throws -> FakeGateway {
        let clock = FakeClock(wallClock: { Self.wall })
        clock.set(milliseconds: Self.wall - Self.yearMilliseconds)
        return try FakeGateway(configuration: FakeConfiguration(signingKey: signingKey, seed: 42), clock: clock)
    }

    private func status(_ fake: FakeGateway, _ token: String) -> HTTPResponse.Status {
        fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token)).status
    }

    @Test func claims_areOnTheWallClock_whateverTheFakeClockReads() throws {
        let fake = try fake()
        let jwt = try #require(JSONWebToken(compact: try fake.token()))
        let wallSeconds = Self.wall / 1000
        #expect(jwt.integerClaim("iat") == wallSeconds)
        #expect(jwt.integerClaim("exp") == wallSeconds + 1800)
        #expect(jwt.integerClaim(TokenService.clockOffsetClaim) == Self.yearMilliseconds / 1000)
        // The .NET SDK refuses exp <= now + 5 min or iat >= now + 5 min on its own clock.
        #expect(jwt.integerClaim("exp")! > wallSeconds + 300 && jwt.integerClaim("iat")! < wallSeconds + 300)
    }

    @Test func gateway_judgesTheTokenOnTheFakeClock() throws {
        let fake = try fake()
        let token = try fake.token()
        #expect(status(fake, token) == .ok)
        fake.clock.advance(milliseconds: 1_799_000)
        #expect(status(fake, token) == .ok, "still within its lifetime of fake time")
        fake.clock.advance(milliseconds: 2000)
        #expect(status(fake, token) == .unauthorized, "its lifetime of fake time is over")
    }

    @Test func verifiedWithoutTheCache_theOffsetClaimStillApplies() throws {
        let key = try SigningKey.generate(keyID: "key-id-1")
        let issuer = try fake(signingKey: key)
        let token = try issuer.token()
        let other = try fake(signingKey: key)  // same key, never saw the token: it verifies the signature
        #expect(status(other, token) == .ok)
        other.clock.advance(milliseconds: -3_600_000)
        #expect(status(other, token) == .unauthorized, "used an hour (fake time) before it was issued")
        other.clock.advance(milliseconds: 3_600_000 + 1_801_000)
        #expect(status(other, token) == .unauthorized, "expired in fake time")
    }

    @Test func defaultClock_writesNoOffsetClaim() throws {
        let jwt = try #require(JSONWebToken(compact: try TestGateway.make().token()))
        #expect(jwt.claims[TokenService.clockOffsetClaim] == nil)
    }

    @Test func jwtLibrary_acceptsTheToken_withTheFakeClockInThePast() async throws {
        let clock = FakeClock.system()
        clock.set(milliseconds: 1_676_851_200_000)  // 2023-02-20, the seed data's day
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 42), clock: clock)
        let token = try fake.token()
        let keys = try await JWTKeyCollection().add(jwksJSON: fake.handle(FakeRequest(method: .get, target: "/token_keys")).bodyText)
        struct Claims: JWTPayload {
            var exp: ExpirationClaim
            var iat: IssuedAtClaim
            func verify(using algorithm: some JWTAlgorithm) async throws {
                try exp.verifyNotExpired(currentDate: Date())
            }
        }
        let claims = try await keys.verify(token, as: Claims.self)
        #expect(abs(claims.iat.value.timeIntervalSinceNow) < 120)
    }
}
