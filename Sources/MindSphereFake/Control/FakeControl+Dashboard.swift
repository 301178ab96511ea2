extension FakeControl {
    /// The asset hierarchy of every tenant of the loaded scenario (see `AssetStore.tree`).
    public func assetTree() -> JSONValue { assets.tree(tenants: scenario.tenants) }

    /// Issues a token for `tenant` (the scenario's first tenant when `nil`) as the token endpoint would for that
    /// tenant's first app credential (else its first service credential), so a page on the control plane can read
    /// the APIs without knowing a secret. The token is an ordinary one: it expires, and `expireAllTokens` revokes it.
    /// - Throws: `FakeError` (404) when the tenant is unknown or has no credential.
    package func mintToken(tenant: String?, issuer: String) throws(FakeError) -> TokenService.IssuedToken {
        let scenario = self.scenario
        guard let tenant = tenant ?? scenario.tenants.first, scenario.tenants.contains(tenant) else {
            throw FakeError.notFound("no tenant '\(tenant ?? "")' in the loaded scenario (tenants: \(scenario.tenants.joined(separator: ", ")))")
        }
        let client: (id: String, scopes: [String])
        if let app = scenario.appCredentials.first(where: { $0.hostTenant == tenant }) {
            client = (app.clientID, app.scopes)
        } else if let service = scenario.serviceCredentials.first(where: { $0.tenant == tenant }) {
            client = (service.clientID, service.scopes)
        } else {
            throw FakeError.notFound("the scenario has no app or service credential for tenant '\(tenant)'")
        }
        return try tokens.issue(
            clientID: client.id, tenant: tenant, scopes: client.scopes, issuer: issuer,
            nowSeconds: clock.nowSeconds(), wallSeconds: clock.wallSeconds(), lifetimeSeconds: credentials.tokenLifetimeSeconds)
    }
}
