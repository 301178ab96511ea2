import Foundation
import HTTPTypes

/// Technical Token Manager v3, the tenant's UAA-style `/oauth/token`, and the `/token_keys` key set.
package struct TokenManagerAPI: Sendable {
    let tokens: TokenService
    let credentials: CredentialDirectory
    /// Read for the wall-clock time that token claims carry.
    let clock: FakeClock
    /// The assumption choices in force; the token request body binds by their `api.body-binding`.
    let settings: AssumptionSettings

    /// The API over the fake's token service and credentials; `clock` gives the wall-clock time of the claims.
    public init(
        tokens: TokenService, credentials: CredentialDirectory, clock: FakeClock, settings: AssumptionSettings = AssumptionSettings()
    ) {
        self.tokens = tokens
        self.credentials = credentials
        self.clock = clock
        self.settings = settings
    }

    /// The routes of this API.
    public var routes: [Route] {
        [
            Route(.post, "/api/technicaltokenmanager/v3/oauth/token", errorShape: .platform, access: .open) { context throws(FakeError) in
                try issueTechnicalToken(context)
            },
            Route(.post, "/oauth/token", errorShape: .oauth, access: .open) { context throws(FakeError) in
                try issueServiceToken(context)
            },
            Route(.get, "/token_keys", errorShape: .oauth, access: .open) { _ in
                FakeResponse.json(tokens.keySet)
            },
        ]
    }

    private static let technicalTokenFields = ["appName", "appVersion", "hostTenant", "userTenant"]

    private func issueTechnicalToken(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let header = context.request.header("X-SPACE-AUTH-KEY") ?? context.request.header("Authorization")
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FakeError(.credentialsInvalid, "the X-SPACE-AUTH-KEY header is missing; send 'Basic ' + base64(clientId:clientSecret)")
        }
        let (clientID, secret) = try Self.decodeClientCredentials(header, schemes: ["basic", "bearer"], headerName: "X-SPACE-AUTH-KEY")
        let fields = try technicalTokenFields(context)
        for name in Self.technicalTokenFields where (fields[name] ?? "").isEmpty {
            throw FakeError.missingBody("the token request lacks '\(name)'; required: appName, appVersion, hostTenant, userTenant")
        }
        if let grant = fields["grant_type"], grant != "client_credentials" {
            throw FakeError(.unsupportedGrantType, "grant_type '\(grant)' is not supported; use 'client_credentials'")
        }
        guard let credential = credentials.appCredential(clientID: clientID) else {
            throw FakeError(.credentialsInvalid, "unknown client id '\(clientID)'")
        }
        // Byte-exact and constant-time: `==` on String would accept a Unicode-equivalent secret.
        guard ExactText.constantTimeEqual(secret, credential.clientSecret) else {
            throw FakeError(.credentialsInvalid, "bad client secret for client id '\(clientID)'")
        }
        let appName = fields["appName"]!
        let appVersion = fields["appVersion"]!
        let hostTenant = fields["hostTenant"]!
        let userTenant = fields["userTenant"]!
        guard ExactText.equal(appName, credential.appName), ExactText.equal(appVersion, credential.appVersion) else {
            throw FakeError(.forbidden, "client id '\(clientID)' is not a credential of app '\(appName)' version '\(appVersion)'")
        }
        guard ExactText.equal(hostTenant, credential.hostTenant) else {
            throw FakeError(.forbidden, "hostTenant '\(hostTenant)' does not host client id '\(clientID)'")
        }
        guard ExactText.equal(userTenant, hostTenant) || credential.userTenants.contains(where: { ExactText.equal($0, userTenant) }) else {
            throw FakeError(.forbidden, "app '\(appName)' is not provisioned to userTenant '\(userTenant)'")
        }
        return try tokenResponse(clientID: clientID, tenant: userTenant, scopes: credential.scopes, context: context)
    }

    /// The request fields, all from the JSON body or all from the query (mixing is refused).
    private func technicalTokenFields(_ context: RequestContext) throws(FakeError) -> [String: String] {
        var fromQuery: [String: String] = [:]
        for name in Self.technicalTokenFields + ["grant_type"] {
            if let value = context.query[name] { fromQuery[name] = value }
        }
        let body = context.request.body.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        guard !body.isEmpty else { return fromQuery }
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw FakeError(.malformedBody, "the token request body is not valid JSON: \(error)")
        }
        guard let object = json.objectValue else {
            throw FakeError(.malformedBody, "the token request body must be a JSON object, got \(json.typeName)")
        }
        let reader = BodyReader(object: object, binding: settings.choices.bodyBinding)
        var fromBody: [String: String] = [:]
        for name in Self.technicalTokenFields + ["grant_type"] {
            if let text = try reader.string(name) { fromBody[name] = text }
        }
        if !fromBody.isEmpty && !fromQuery.isEmpty {
            throw FakeError.invalidBody("send the token request fields either all in the JSON body or all as query parameters, not both")
        }
        return fromBody.isEmpty ? fromQuery : fromBody
    }

    private func issueServiceToken(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let form = QueryParameters(rawQuery: Substring(String(decoding: context.request.body, as: UTF8.self)))
        let grant = form["grant_type"] ?? context.query["grant_type"]
        guard let grant, !grant.isEmpty else {
            throw FakeError(.missingParameter, "grant_type is missing; send grant_type=client_credentials")
        }
        guard grant == "client_credentials" else {
            throw FakeError(.unsupportedGrantType, "Unsupported grant type: \(grant)")
        }
        let clientID: String
        let secret: String
        if let header = context.request.header("Authorization"), !header.isEmpty {
            (clientID, secret) = try Self.decodeClientCredentials(header, schemes: ["basic"], headerName: "Authorization")
        } else if let id = form["client_id"], let formSecret = form["client_secret"] {
            (clientID, secret) = (id, formSecret)
        } else {
            throw FakeError(.credentialsInvalid, "Full authentication is required to access this resource")
        }
        guard let credential = credentials.serviceCredential(clientID: clientID),
            ExactText.constantTimeEqual(secret, credential.clientSecret)
        else {
            throw FakeError(.credentialsInvalid, "Bad credentials")
        }
        return try tokenResponse(clientID: clientID, tenant: credential.tenant, scopes: credential.scopes, context: context)
    }

    private func tokenResponse(clientID: String, tenant: String, scopes: [String], context: RequestContext) throws(FakeError) -> FakeResponse {
        let issued = try tokens.issue(
            clientID: clientID,
            tenant: tenant,
            scopes: scopes,
            issuer: context.baseURL + "/oauth/token",
            nowSeconds: context.nowMilliseconds / 1000,
            wallSeconds: clock.wallSeconds(),
            lifetimeSeconds: credentials.tokenLifetimeSeconds
        )
        var response = FakeResponse.json(
            .object([
                "access_token": .string(issued.accessToken),
                "token_type": .string("bearer"),
                "expires_in": .int(max(issued.lifetimeSeconds - 1, 0)),
                "scope": .string(scopes.joined(separator: " ")),
                "jti": .string(issued.principal.tokenID),
            ]))
        response.headerFields[.cacheControl] = "no-store"
        return response
    }

    /// Decodes `<scheme> base64(clientId:clientSecret)`.
    /// - Throws: `FakeError` (400) when the value is not of that form.
    static func decodeClientCredentials(_ header: String, schemes: [String], headerName: String) throws(FakeError) -> (String, String) {
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, schemes.contains(parts[0].lowercased()) else {
            let expected = schemes.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "' or '")
            throw FakeError.invalidParameter("the \(headerName) header must be '\(expected) ' followed by base64(clientId:clientSecret)")
        }
        let encoded = parts[1].trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8) else {
            throw FakeError.invalidParameter("the \(headerName) header does not hold valid base64")
        }
        guard let colon = decoded.firstIndex(of: ":"), colon != decoded.startIndex else {
            throw FakeError.invalidParameter("the \(headerName) header must encode 'clientId:clientSecret' (no ':' found)")
        }
        return (String(decoded[..<colon]), String(decoded[decoded.index(after: colon)...]))
    }
}
