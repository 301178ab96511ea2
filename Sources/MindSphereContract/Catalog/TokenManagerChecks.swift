import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of the Technical Token Manager (`POST /api/technicaltokenmanager/v3/oauth/token`).
public enum TokenManagerChecks {
    static let path = TokenCache.tokenPath

    /// All token checks.
    public static let all: [ContractCheck] = [
        ContractCheck(
            "ttm.token.issue", tier: .happyPath, verifies: ["ttm.success-status"],
            "the seed's token request answers 200 with an RS256 JWT in access_token"
        ) { context in
            let response = try await requestToken(context, "token request")
            try context.expectStatus(response, 200, step: "token request")
            let body = try context.json(response, step: "token request")
            let token = try context.string(body, "access_token", step: "token request")
            let header = try jwtPart(token, 0, step: "access_token")
            try context.ensure(header["alg"]?.stringValue == "RS256", "access_token: alg is not RS256")
        },
        ContractCheck(
            "ttm.token.fields", tier: .strict, verifies: ["ttm.token-type"],
            "token_type is 'bearer', expires_in at most 1799, scope a space-separated string"
        ) { context in
            let body = try context.json(try await requestToken(context, "token request"), step: "token request")
            let type = try context.string(body, "token_type", step: "token request")
            try context.ensure(type == "bearer", "token_type is '\(type)', expected 'bearer'")
            let expires = try context.integer(body, "expires_in", step: "token request")
            try context.ensure((1...1799).contains(expires), "expires_in is \(expires), expected 1...1799")
            _ = try context.string(body, "scope", step: "token request")
        },
        ContractCheck(
            "ttm.token.claims", tier: .strict, verifies: ["ttm.claims"],
            "the JWT carries zid and ten = userTenant, aud with the client id, iss ending /oauth/token"
        ) { context in
            let body = try context.json(try await requestToken(context, "token request"), step: "token request")
            let claims = try jwtPart(try context.string(body, "access_token", step: "token request"), 1, step: "access_token")
            let tenant = context.credentials.userTenant
            let client = context.credentials.clientID
            try context.ensure(claims["zid"]?.stringValue == tenant, "claim zid is not the user tenant")
            try context.ensure(claims["ten"]?.stringValue == tenant, "claim ten is not the user tenant")
            try context.ensure(claims["aud"]?.arrayValue?.contains(.string(client)) == true, "claim aud lacks the client id")
            try context.ensure(claims["iss"]?.stringValue?.hasSuffix("/oauth/token") == true, "claim iss does not end in /oauth/token")
        },
        ContractCheck(
            "ttm.header.bearer-prefix", tier: .strict, verifies: ["ttm.bearer-prefix"],
            "X-SPACE-AUTH-KEY with 'Bearer ' instead of 'Basic ' is accepted"
        ) { context in
            let key = "Bearer " + String(context.credentials.spaceAuthKey.dropFirst("Basic ".count))
            try context.expectStatus(try await requestToken(context, "token with Bearer key", authKey: key), 200, step: "Bearer key")
        },
        ContractCheck(
            "ttm.header.missing", tier: .strict, verifies: ["ttm.missing-header"],
            "no X-SPACE-AUTH-KEY answers 401 mdsp.core.generic.unauthorized"
        ) { context in
            let response = try await context.send("token without key", .post, path, json: body(context.credentials), authorization: .none)
            try context.expectPlatformError(response, status: 401, code: "mdsp.core.generic.unauthorized", step: "no key")
        },
        ContractCheck(
            "ttm.header.malformed", tier: .strict, verifies: ["ttm.malformed-header"],
            "an X-SPACE-AUTH-KEY that is not base64(id:secret) answers 400 invalidParameter"
        ) { context in
            let response = try await requestToken(context, "token with malformed key", authKey: "Basic %%not-base64%%")
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.invalidParameter", step: "malformed key")
        },
        ContractCheck(
            "ttm.credentials.unknown-client", tier: .strict, verifies: ["ttm.unknown-client"],
            "an unknown client id answers 401 unauthorized"
        ) { context in
            let key = "Basic " + Data("\(context.prefix.name("noclient")):x".utf8).base64EncodedString()
            let response = try await requestToken(context, "token for unknown client", authKey: key)
            try context.expectPlatformError(response, status: 401, code: "mdsp.core.generic.unauthorized", step: "unknown client")
        },
        ContractCheck(
            "ttm.credentials.bad-secret", tier: .strict, verifies: ["ttm.bad-secret"],
            "a wrong client secret answers 401 unauthorized"
        ) { context in
            let key = "Basic " + Data("\(context.credentials.clientID):\(context.prefix.name("wrong"))".utf8).base64EncodedString()
            let response = try await requestToken(context, "token with wrong secret", authKey: key)
            try context.expectPlatformError(response, status: 401, code: "mdsp.core.generic.unauthorized", step: "wrong secret")
        },
        ContractCheck(
            "ttm.credentials.app-mismatch", tier: .strict, verifies: ["ttm.app-mismatch"],
            "an appVersion that does not belong to the credential answers 403"
        ) { context in
            var credentials = context.credentials
            credentials.appVersion = "v0.0.0" + context.prefix.value
            let response = try await context.send(
                "token for other version", .post, path, json: body(credentials),
                headers: ["X-SPACE-AUTH-KEY": context.credentials.spaceAuthKey], authorization: .none)
            try context.expectPlatformError(response, status: 403, code: "mdsp.core.generic.forbidden", step: "other version")
        },
        ContractCheck(
            "ttm.body.not-json", tier: .strict, verifies: ["ttm.bad-json"],
            "a body that is not JSON answers 400 invalidRequestBodyProperty"
        ) { context in
            let response = try await context.send(
                "token with broken body", .post, path, body: Array("{not json".utf8),
                headers: [
                    "X-SPACE-AUTH-KEY": context.credentials.spaceAuthKey,
                    "Content-Type": "application/json",
                ], authorization: .none)
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.invalidRequestBodyProperty", step: "broken body")
        },
        ContractCheck(
            "ttm.body.missing-field", tier: .strict, verifies: ["ttm.missing-field"],
            "a body without userTenant answers 400 missingRequestBodyProperty"
        ) { context in
            var fields = body(context.credentials).objectValue ?? [:]
            fields["userTenant"] = nil
            let response = try await context.send(
                "token without userTenant", .post, path, json: .object(fields),
                headers: ["X-SPACE-AUTH-KEY": context.credentials.spaceAuthKey], authorization: .none)
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.missingRequestBodyProperty", step: "no userTenant")
        },
        ContractCheck(
            "ttm.body.grant-type", tier: .behaviour, verifies: ["ttm.grant-type"],
            "grant_type may be left out; a grant_type other than client_credentials answers 400"
        ) { context in
            var fields = body(context.credentials).objectValue ?? [:]
            fields["grant_type"] = nil
            let withoutGrant = try await context.send(
                "token without grant_type", .post, path, json: .object(fields),
                headers: ["X-SPACE-AUTH-KEY": context.credentials.spaceAuthKey], authorization: .none)
            try context.expectStatus(withoutGrant, 200, step: "without grant_type")
            fields["grant_type"] = .string("password")
            let wrongGrant = try await context.send(
                "token with password grant", .post, path, json: .object(fields),
                headers: ["X-SPACE-AUTH-KEY": context.credentials.spaceAuthKey], authorization: .none)
            try context.expectStatus(wrongGrant, 400, step: "grant_type password")
        },
        ContractCheck(
            "uaa.token.bad-credentials", tier: .strict, verifies: ["uaa.bad-credentials"],
            "/oauth/token with wrong Basic credentials answers 401 {error: unauthorized, error_description: Bad credentials}"
        ) { context in
            let key = "Basic " + Data("\(context.prefix.name("service")):wrong".utf8).base64EncodedString()
            let response = try await context.send(
                "service token with wrong credentials", .post, "/oauth/token?grant_type=client_credentials",
                headers: ["Authorization": key, "Content-Type": "application/x-www-form-urlencoded"],
                authorization: .none)
            try context.expectStatus(response, 401, step: "wrong credentials")
            let json = try context.json(response, step: "wrong credentials")
            try context.ensure(json["error"]?.stringValue == "unauthorized", "error is not 'unauthorized'")
            try context.ensure(json["error_description"]?.stringValue == "Bad credentials", "error_description is not 'Bad credentials'")
        },
    ]

    /// The seed's token request body for `credentials`.
    static func body(_ credentials: ContractCredentials) -> JSONValue {
        (try? JSONParser.parse(TokenCache.tokenRequest(credentials).body)) ?? .null
    }

    static func requestToken(_ context: CheckContext, _ label: String, authKey: String? = nil) async throws -> FakeResponse {
        try await context.send(
            label, .post, path, json: body(context.credentials),
            headers: ["X-SPACE-AUTH-KEY": authKey ?? context.credentials.spaceAuthKey], authorization: .none)
    }

    /// Part `index` (0 header, 1 claims) of a compact JWT as JSON.
    static func jwtPart(_ token: String, _ index: Int, step: String) throws -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw CheckFailure("\(step): not a three-part JWT") }
        var text = parts[index].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let json = try? JSONParser.parse(Array(data)) else {
            throw CheckFailure("\(step): JWT part \(index) is not base64url JSON")
        }
        return json
    }
}
