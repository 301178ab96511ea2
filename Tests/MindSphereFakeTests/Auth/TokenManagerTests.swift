import Foundation
import HTTPTypes
import JWTKit
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct TokenManagerTests {
    @Test func seedRequest_returnsTokenResponseFields() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(FakeRequest.tokenRequest())
        #expect(response.status == .ok)
        let json = try #require(response.bodyJSON?.objectValue)
        #expect(json.keys == ["access_token", "token_type", "expires_in", "scope", "jti"])
        #expect(json["token_type"] == .string("bearer"))
        #expect(json["expires_in"] == .int(1799))
        #expect(json["scope"]?.stringValue?.contains("iot.tim.r") == true)
    }

    @Test func token_hasDocumentedHeaderAndClaims() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let jwt = try #require(JSONWebToken(compact: token))
        #expect(jwt.header["alg"] == .string("RS256"))
        #expect(jwt.header["kid"] == .string("key-id-1"))
        #expect(jwt.header["typ"] == .string("JWT"))
        #expect(
            Array(jwt.claims.keys.prefix(11)) == ["jti", "sub", "scope", "client_id", "cid", "azp", "grant_type", "rev_sig", "iat", "exp", "iss"])
        let clientID = "iiotuxpc-testdm-v1.0.0"
        for claim in ["sub", "client_id", "cid", "azp"] { #expect(jwt.stringClaim(claim) == clientID) }
        #expect(jwt.stringClaim("grant_type") == "client_credentials")
        #expect(jwt.stringClaim("jti")?.count == 32)
        #expect(jwt.stringClaim("rev_sig")?.count == 8)
        #expect(jwt.claims["scope"]?.arrayValue != nil)
        #expect(jwt.stringClaim("ten") == "iiotuxpc")
        #expect(jwt.stringClaim("zid") == "iiotuxpc")
        #expect(jwt.integerClaim("iat") == TestGateway.epoch / 1000)
        #expect(jwt.integerClaim("exp")! - jwt.integerClaim("iat")! == 1800)
        #expect(jwt.stringClaim("iss") == "http://gateway.test/oauth/token")
    }

    @Test func token_verifiesAgainstTokenKeysWithJWTKit() async throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let keySet = fake.handle(FakeRequest(method: .get, target: "/token_keys"))
        #expect(keySet.status == .ok)
        let first = try #require(keySet.bodyJSON?["keys"]?.arrayValue?.first)
        #expect(first["value"]?.stringValue?.hasPrefix("-----BEGIN PUBLIC KEY-----") == true)
        let keys = try await JWTKeyCollection().add(jwksJSON: keySet.bodyText)
        struct Claims: JWTPayload {
            var sub: SubjectClaim
            var ten: String
            var scope: [String]
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let claims = try await keys.verify(token, as: Claims.self)
        #expect(claims.sub.value == "iiotuxpc-testdm-v1.0.0")
        #expect(claims.ten == "iiotuxpc")
    }

    @Test(arguments: ["Basic", "Bearer"])
    func spaceAuthKey_acceptsBothPrefixes(scheme: String) throws {
        let fake = try TestGateway.make()
        let response = fake.handle(FakeRequest.tokenRequest(key: AppCredential.fakeDefault.spaceAuthKey(scheme: scheme)))
        #expect(response.status == .ok)
    }

    @Test func authorizationBasic_isAcceptedInsteadOfSpaceAuthKey() throws {
        let fake = try TestGateway.make()
        var request = FakeRequest.tokenRequest(key: nil)
        request.headerFields[.authorization] = AppCredential.fakeDefault.spaceAuthKey()
        #expect(fake.handle(request).status == .ok)
    }

    @Test func queryParameterVariant_isAccepted() throws {
        let fake = try TestGateway.make()
        let query = "?appName=testdm&appVersion=v1.0.0&hostTenant=iiotuxpc&userTenant=iiotuxpc"
        #expect(fake.handle(FakeRequest.tokenRequest(body: "", query: query)).status == .ok)
    }

    @Test func unknownBodyFields_areTolerated() throws {
        let fake = try TestGateway.make()
        let body = #"{"appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc","keyStoreClientId":"x"}"#
        #expect(fake.handle(FakeRequest.tokenRequest(body: body)).status == .ok)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        let description: String
        let request: @Sendable () -> FakeRequest
        let status: HTTPResponse.Status
        let code: String
        let messageFragment: String
    }

    static let refusals: [Refusal] = [
        Refusal(
            description: "missing header", request: { FakeRequest.tokenRequest(key: nil) },
            status: .unauthorized, code: "mdsp.core.generic.unauthorized", messageFragment: "missing"),
        Refusal(
            description: "wrong secret",
            request: { FakeRequest.tokenRequest(key: AppCredential.spaceAuthKey(clientID: "iiotuxpc-testdm-v1.0.0", secret: "nope")) },
            status: .unauthorized, code: "mdsp.core.generic.unauthorized", messageFragment: "bad client secret"),
        Refusal(
            description: "unknown client",
            request: { FakeRequest.tokenRequest(key: AppCredential.spaceAuthKey(clientID: "someone-else", secret: "x")) },
            status: .unauthorized, code: "mdsp.core.generic.unauthorized", messageFragment: "unknown client id 'someone-else'"),
        Refusal(
            description: "malformed base64", request: { FakeRequest.tokenRequest(key: "Basic %%%notbase64") },
            status: .badRequest, code: "mdsp.core.generic.invalidParameter", messageFragment: "base64"),
        Refusal(
            description: "no colon", request: { FakeRequest.tokenRequest(key: "Basic " + Data("justanid".utf8).base64EncodedString()) },
            status: .badRequest, code: "mdsp.core.generic.invalidParameter", messageFragment: "clientId:clientSecret"),
        Refusal(
            description: "bad JSON", request: { FakeRequest.tokenRequest(body: "{not json") },
            status: .badRequest, code: "mdsp.core.generic.invalidRequestBodyProperty", messageFragment: "not valid JSON"),
        Refusal(
            description: "missing field", request: { FakeRequest.tokenRequest(body: #"{"appName":"testdm"}"#) },
            status: .badRequest, code: "mdsp.core.generic.missingRequestBodyProperty", messageFragment: "appVersion"),
        Refusal(
            description: "wrong app",
            request: {
                FakeRequest.tokenRequest(body: #"{"appName":"other","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#)
            },
            status: .forbidden, code: "mdsp.core.generic.forbidden", messageFragment: "'other'"),
        Refusal(
            description: "unprovisioned user tenant",
            request: {
                FakeRequest.tokenRequest(body: #"{"appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"elsewhere"}"#)
            },
            status: .forbidden, code: "mdsp.core.generic.forbidden", messageFragment: "'elsewhere'"),
        Refusal(
            description: "wrong grant type",
            request: {
                FakeRequest.tokenRequest(
                    body: #"{"grant_type":"password","appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#)
            },
            status: .badRequest, code: "mdsp.core.generic.invalidRequestBodyProperty", messageFragment: "password"),
        Refusal(
            description: "body and query mixed",
            request: {
                FakeRequest.tokenRequest(query: "?appName=testdm")
            },
            status: .badRequest, code: "mdsp.core.generic.invalidRequestBodyProperty", messageFragment: "not both"),
    ]

    @Test(arguments: refusals)
    func badTokenRequest_isRefusedWithDistinctError(refusal: Refusal) throws {
        let fake = try TestGateway.make()
        let response = fake.handle(refusal.request())
        #expect(response.status == refusal.status)
        let error = try #require(response.bodyJSON?["errors"]?.arrayValue?.first)
        #expect(error["code"]?.stringValue == refusal.code)
        #expect(error["logref"]?.stringValue?.count == 32)
        let message = try #require(error["message"]?.stringValue)
        #expect(message.contains(refusal.messageFragment), "message was: \(message)")
    }

    @Test func refusals_haveDistinctMessages() throws {
        let fake = try TestGateway.make()
        let messages = Self.refusals.compactMap { fake.handle($0.request()).bodyJSON?["errors"]?.arrayValue?.first?["message"]?.stringValue }
        #expect(Set(messages).count == Self.refusals.count)
    }
}
