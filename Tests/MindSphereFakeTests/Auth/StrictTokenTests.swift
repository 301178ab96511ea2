import Foundation
import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// The gateway check and the credential lookups match exact bytes: strict base64url, no Unicode normalisation, a
/// cache hit only on the whole token, and no token used before its iat or nbf.
@Suite struct StrictTokenTests {
    private let target = "/api/assetmanagement/v3/assets"

    private func status(_ fake: FakeGateway, _ token: String) -> HTTPResponse.Status {
        fake.handle(FakeRequest.authorized(.get, target, token: token)).status
    }

    @Test func base64URL_decodesOnlyCanonicalURLAlphabetWithoutPadding() {
        #expect(Base64URL.decode("QQ") == Data([0x41]))
        #expect(Base64URL.decode("QUI") == Data([0x41, 0x42]))
        #expect(Base64URL.decode("-_8") == Data([0xFB, 0xFF]))
        for bad in ["QR", "QUJ", "QQ==", "QUI=", "+/8", "Q", "QQ QQ", "QQ\n", "Q\u{212A}", "QUJD\u{0}"] {
            #expect(Base64URL.decode(Substring(bad)) == nil, "\(bad)")
        }
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Substring(Base64URL.encode(bytes))) == Data(bytes))
        }
    }

    @Test func nonCanonicalLastCharacter_orStandardAlphabet_isRejected() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        var parts = token.split(separator: ".").map(String.init)
        // 256 signature bytes leave two characters in the last group: its last character carries 4 unused bits.
        let last = parts[2].removeLast()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let value = try #require(alphabet.firstIndex(of: last))
        let sibling = alphabet[value | 1]
        #expect(sibling != last)
        #expect(status(fake, parts.joined(separator: ".") + String(sibling)) == .unauthorized)
        let standard = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        if standard != token { #expect(status(fake, standard) == .unauthorized) }
        #expect(status(fake, token) == .ok)
    }

    @Test func adversarialNearMisses_neverHitTheCache() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let parts = token.split(separator: ".").map(String.init)
        var oneChanged = Array(token)
        oneChanged[token.count / 2] = oneChanged[token.count / 2] == "A" ? "B" : "A"
        var sameTail = Array(token)
        sameTail[10] = sameTail[10] == "x" ? "y" : "x"
        let misses = [
            String(token.prefix(70)), String(token.dropLast()), token + "A", String(token.dropFirst()), "A" + token,
            String(oneChanged), String(sameTail), parts[0] + "." + parts[1], parts[0] + "." + parts[1] + ".",
            parts[0] + "." + parts[1] + "." + parts[2].dropLast(), token.uppercased(), token + "=", token + "==",
        ]
        for miss in misses {
            #expect(status(fake, miss) == .unauthorized, "\(miss.prefix(20))…\(miss.suffix(20)) (\(miss.count) chars)")
        }
        #expect(status(fake, token) == .ok)
    }

    @Test func unicodeLookalikes_areNotNormalised() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        if let k = token.firstIndex(of: "K") {
            var kelvin = token
            kelvin.replaceSubrange(k...k, with: "\u{212A}")
            #expect(kelvin == token, "Swift's String == treats the Kelvin sign as K; the gateway must not")
            #expect(status(fake, kelvin) == .unauthorized)
        }
        var scenario = Scenario.minimal
        scenario.appCredentials = [AppCredential(hostTenant: "iiotuxpc", appName: "testdm", appVersion: "v1.0.0", clientSecret: "Kelvin-Key")]
        let strict = try TestGateway.make(scenario: scenario)
        let good = strict.handle(FakeRequest.tokenRequest(key: AppCredential.spaceAuthKey(clientID: "iiotuxpc-testdm-v1.0.0", secret: "Kelvin-Key")))
        #expect(good.status == .ok)
        let lookalike = strict.handle(
            FakeRequest.tokenRequest(key: AppCredential.spaceAuthKey(clientID: "iiotuxpc-testdm-v1.0.0", secret: "\u{212A}elvin-Key")))
        #expect(lookalike.status == .unauthorized)
        let decomposed = strict.handle(
            FakeRequest.tokenRequest(key: AppCredential.spaceAuthKey(clientID: "iiotuxpc-testdm-v1.0.0", secret: "Kelvin-\u{212A}ey")))
        #expect(decomposed.status == .unauthorized)
    }

    @Test func unicodeLookalikeClientID_isUnknown() throws {
        var scenario = Scenario.minimal
        scenario.appCredentials = [AppCredential(hostTenant: "iiotuxpc", appName: "Kapp", appVersion: "v1.0.0", clientSecret: "s")]
        let fake = try TestGateway.make(scenario: scenario)
        let body = #"{"appName":"\#u{212A}app","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#
        let response = fake.handle(
            FakeRequest.tokenRequest(body: body, key: AppCredential.spaceAuthKey(clientID: "iiotuxpc-\u{212A}app-v1.0.0", secret: "s")))
        #expect(response.status == .unauthorized)
    }

    @Test func tokenUsedBeforeItsIssue_isRejected_onTheFakeClock() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        fake.clock.advance(milliseconds: -3_600_000)
        #expect(status(fake, token) == .unauthorized, "an hour before iat, from the cache")
        fake.clock.advance(milliseconds: 3_600_000 - 60_000)
        #expect(status(fake, token) == .ok, "within the leeway")
        fake.clock.advance(milliseconds: -1000)
        #expect(status(fake, token) == .unauthorized, "just beyond the leeway")
    }

    @Test func signedTokenWithFutureIatOrNbf_isRejected() throws {
        let fake = try TestGateway.make()
        var claims = try #require(JSONWebToken(compact: try fake.token())).claims
        let now = TestGateway.epoch / 1000
        claims["jti"] = .string("forged-1")
        claims["iat"] = .number(.integer(now + 3600))
        #expect(status(fake, try JSONWebToken.sign(claims: claims, with: fake.configuration.signingKey)) == .unauthorized)
        claims["jti"] = .string("forged-2")
        claims["iat"] = .number(.integer(now))
        claims["nbf"] = .number(.integer(now + 3600))
        #expect(status(fake, try JSONWebToken.sign(claims: claims, with: fake.configuration.signingKey)) == .unauthorized)
        claims["jti"] = .string("forged-3")
        claims["nbf"] = .number(.integer(now + 30))
        #expect(status(fake, try JSONWebToken.sign(claims: claims, with: fake.configuration.signingKey)) == .ok)
    }

    @Test func expireUnknownToken_answers404() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let post = { (body: String) in
            fake.handle(
                FakeRequest(
                    method: .post, target: "/_fake/tokens/expire", headerFields: [.contentType: "application/json"],
                    body: Array(body.utf8)))
        }
        for unknown in [#"{"token":"anything"}"#, #"{"jti":"0123"}"#, #"{"token":"\#(token.dropLast())"}"#] {
            let response = post(unknown)
            #expect(response.status == .notFound, "\(unknown)")
            #expect(response.bodyJSON?["error"] == .string("not_found"))
        }
        #expect(status(fake, token) == .ok)
        let jti = try #require(JSONWebToken(compact: token)?.stringClaim("jti"))
        #expect(post(#"{"jti":"\#(jti)"}"#).bodyJSON?["expired"] == .string("one"))
        #expect(status(fake, token) == .unauthorized)
    }
}
