extension AssumptionRegistry {
    /// Technical Token Manager and `/oauth/token` behaviour.
    public static let tokenManager: [Assumption] = [
        Assumption("ttm.success-status", .inferred, "A valid token request answers 200."),
        Assumption("ttm.token-type", .inferred, "token_type is 'bearer', expires_in is lifetime - 1 (1799), scope is space-separated."),
        Assumption("ttm.bearer-prefix", .unknown, "X-SPACE-AUTH-KEY accepts the 'Bearer' prefix as well as 'Basic'."),
        Assumption(
            "ttm.missing-header", .unknown,
            "A missing X-SPACE-AUTH-KEY answers 401 mdsp.core.generic.unauthorized in the {errors:[...]} shape."),
        Assumption(
            "ttm.malformed-header", .unknown,
            "An X-SPACE-AUTH-KEY that is not base64(clientId:clientSecret) answers 400 mdsp.core.generic.invalidParameter."),
        Assumption("ttm.unknown-client", .unknown, "An unknown client id answers 401 mdsp.core.generic.unauthorized."),
        Assumption("ttm.bad-secret", .unknown, "A wrong client secret answers 401 mdsp.core.generic.unauthorized."),
        Assumption(
            "ttm.app-mismatch", .unknown,
            "appName/appVersion/hostTenant not matching the credential, or an unprovisioned userTenant, answer 403."),
        Assumption("ttm.bad-json", .unknown, "A body that is not JSON answers 400 mdsp.core.generic.invalidRequestBodyProperty."),
        Assumption("ttm.missing-field", .unknown, "A missing appName/appVersion/hostTenant/userTenant answers 400 missingRequestBodyProperty."),
        Assumption("ttm.grant-type", .inferred, "grant_type is optional; any value other than client_credentials answers 400."),
        Assumption(
            "ttm.claims", .unknown,
            "Tokens carry zid and ten = userTenant, aud = [client id], iss = <gateway>/oauth/token."),
        Assumption(
            "uaa.bad-credentials", .low,
            "/oauth/token with wrong credentials answers 401 {\"error\":\"unauthorized\",\"error_description\":\"Bad credentials\"}."),
    ]
}
