import CryptoExtras
import Foundation
import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct GatewayAuthTests {
    /// A route behind the gateway check that exists in every build: unknown /api paths are checked first, then 404.
    private let protectedTarget = "/api/gatewaycheck/v3/probe"

    private func expectTokenRejected(_ response: FakeResponse, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(response.status == .unauthorized, sourceLocation: sourceLocation)
        let body = response.bodyJSON?.objectValue
        #expect(body?.keys == ["error", "error_description"], sourceLocation: sourceLocation)
        #expect(body?["error"] == .string("token_validation_failed"), sourceLocation: sourceLocation)
        let correlation = response.header("X-Correlation-ID") ?? ""
        #expect(correlation.count == 32 && correlation.allSatisfy(\.isHexDigit), sourceLocation: sourceLocation)
        #expect(body?["error_description"] == .string("[\(correlation)]"), sourceLocation: sourceLocation)
    }

    @Test func validToken_passesGatewayCheck() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let response = fake.handle(FakeRequest.authorized(.get, protectedTarget, token: token))
        #expect(response.status == .notFound)
        #expect(response.bodyJSON?["errors"]?.arrayValue?.first?["code"] == .string("mdsp.core.generic.notFound"))
    }

    @Test func missingAuthorization_isRejected() throws {
        let fake = try TestGateway.make()
        expectTokenRejected(fake.handle(FakeRequest(method: .get, target: protectedTarget)))
    }

    @Test(arguments: ["Basic abc", "Bearer", "Bearer not-a-jwt", "Bearer a.b.c", "Token x.y.z"])
    func malformedAuthorization_isRejected(header: String) throws {
        let fake = try TestGateway.make()
        let request = FakeRequest(method: .get, target: protectedTarget, headerFields: [.authorization: header])
        expectTokenRejected(fake.handle(request))
    }

    @Test func tamperedSignature_isRejected() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        var parts = token.split(separator: ".").map(String.init)
        parts[2] = String(parts[2].reversed())
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: parts.joined(separator: "."))))
    }

    @Test func tamperedClaims_areRejected() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        var parts = token.split(separator: ".").map(String.init)
        var claims = try #require(JSONWebToken(compact: token)).claims
        claims["ten"] = .string("othertenant")
        parts[1] = Base64URL.encode(JSONWriter.bytes(.object(claims)))
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: parts.joined(separator: "."))))
    }

    @Test func algorithmNone_isRejected() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let claims = token.split(separator: ".")[1]
        let header = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: "\(header).\(claims).")))
    }

    @Test func tokenFromAnotherKey_isRejected() throws {
        let fake = try TestGateway.make()
        let claims = try #require(JSONWebToken(compact: try fake.token())).claims
        for keyID in ["key-id-1", "key-id-2"] {
            let otherKey = try SigningKey.generate(keyID: keyID)
            let forged = try JSONWebToken.sign(claims: claims, with: otherKey)
            expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: forged)))
        }
    }

    @Test func expiredToken_isRejectedAfterClockPassesExp() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        fake.clock.advance(milliseconds: 1799 * 1000)
        #expect(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: token)).status == .notFound)
        fake.clock.advance(milliseconds: 1000)
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: token)))
    }

    @Test func bearerScheme_inAnyCase_withExtraSpaces_isAccepted() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        for header in ["bearer \(token)", "BEARER   \(token)"] {
            let request = FakeRequest(method: .get, target: protectedTarget, headerFields: [.authorization: header])
            #expect(fake.handle(request).status == .notFound)
        }
    }

    @Test func tokenCanonicallyEqualToAnIssuedOne_isRefused() throws {
        let fake = try TestGateway.make()
        var token = try fake.token()
        while !token.contains("K") { token = try fake.token() }
        let kelvin = token.replacingOccurrences(of: "K", with: "\u{212A}")
        #expect(kelvin == token && kelvin.utf8.count > token.utf8.count)
        // Only the exact bytes of an issued token pass: no Unicode normalisation before the lookup.
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: kelvin)))
        #expect(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: token)).status == .notFound)
    }

    @Test func combiningMarkAfterTheScheme_joinsTheSpaceItFollows() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let request = FakeRequest(method: .get, target: protectedTarget, headerFields: [.authorization: "Bearer \u{301}\(token)"])
        #expect(fake.handle(request).status == .notFound)
    }

    @Test func tokenNotInRecentCache_isStillVerifiedBySignature() throws {
        let clock = FakeClock.frozen(at: TestGateway.epoch)
        let issuer = try FakeGateway(configuration: FakeConfiguration(seed: 1), clock: clock)
        let verifier = try FakeGateway(configuration: FakeConfiguration(seed: 2), clock: clock)
        let token = try issuer.token()
        #expect(verifier.handle(FakeRequest.authorized(.get, protectedTarget, token: token)).status == .notFound)
    }

    @Test func revokedTokens_areRejected() throws {
        let fake = try TestGateway.make()
        let first = try fake.token()
        let second = try fake.token()
        fake.tokens.revoke(tokenOrID: first)
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: first)))
        #expect(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: second)).status == .notFound)
        fake.tokens.revokeAll(nowSeconds: fake.clock.nowSeconds())
        expectTokenRejected(fake.handle(FakeRequest.authorized(.get, protectedTarget, token: second)))
    }

    @Test func unknownNonAPIPath_answers404WithoutToken() throws {
        let fake = try TestGateway.make()
        #expect(fake.handle(FakeRequest(method: .get, target: "/nothing")).status == .notFound)
    }

    @Test func wrongMethodOnKnownPath_answers405WithAllow() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(FakeRequest(method: .get, target: "/api/technicaltokenmanager/v3/oauth/token"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("Allow") == "POST")
    }

    @Test func health_answersOK() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(FakeRequest(method: .get, target: "/_fake/health"))
        #expect(response.status == .ok)
        #expect(response.bodyText == #"{"status":"ok"}"#)
    }
}
