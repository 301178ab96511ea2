extension ScenarioCompiler {
    private static let tenantKeys: Set<String> = [
        "name", "appCredentials", "serviceCredentials", "aspectTypes", "assetTypes", "assets", "timeSeries", "files", "modelLock",
    ]

    /// One entry of `tenants:`.
    mutating func compileTenant(_ node: ScenarioNode) throws(ScenarioError) {
        try node.onlyKeys(Self.tenantKeys, in: "a tenant")
        guard let nameNode = node.child("name") else { throw node.error("a tenant needs a 'name'") }
        let tenant = try nameNode.string("the tenant name")
        guard !tenant.isEmpty, tenant.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw nameNode.error("tenant name '\(tenant)' must be letters and digits only")
        }
        if !scenario.tenants.contains(tenant) { scenario.tenants.append(tenant) }
        for item in try node.child("appCredentials")?.items("appCredentials") ?? [] {
            scenario.appCredentials.append(try appCredential(item, tenant: tenant))
        }
        for item in try node.child("serviceCredentials")?.items("serviceCredentials") ?? [] {
            scenario.serviceCredentials.append(try serviceCredential(item, tenant: tenant))
        }
        if let lock = node.child("modelLock") {
            guard case .bool(let enabled) = lock.json else { throw lock.error("modelLock must be true or false") }
            scenario.modelLockedTenants.removeAll { $0 == tenant }
            if enabled { scenario.modelLockedTenants.append(tenant) }
        }
        for item in try node.child("files")?.items("files") ?? [] {
            try compileTenantFile(item, tenant: tenant)
        }
        for item in try node.child("aspectTypes")?.items("aspectTypes") ?? [] {
            scenario.aspectTypes.append(try typeResource(item, tenant: tenant, kind: "aspect type"))
        }
        for item in try node.child("assetTypes")?.items("assetTypes") ?? [] {
            scenario.assetTypes.append(try typeResource(item, tenant: tenant, kind: "asset type"))
        }
        for item in try node.child("assets")?.items("assets") ?? [] {
            try compileAsset(item, tenant: tenant, parentID: nil, namePath: "")
        }
        for item in try node.child("timeSeries")?.items("timeSeries") ?? [] {
            try compileTenantTimeSeries(item, tenant: tenant)
        }
    }

    private func appCredential(_ node: ScenarioNode, tenant: String) throws(ScenarioError) -> AppCredential {
        try node.onlyKeys(["appName", "appVersion", "clientSecret", "userTenants", "scopes"], in: "an app credential")
        func required(_ key: String) throws(ScenarioError) -> String {
            guard let value = node.child(key) else { throw node.error("an app credential needs '\(key)'") }
            return try value.string(key)
        }
        return AppCredential(
            hostTenant: tenant, appName: try required("appName"), appVersion: try required("appVersion"),
            clientSecret: try required("clientSecret"),
            userTenants: try strings(node.child("userTenants"), "userTenants") ?? [],
            scopes: try strings(node.child("scopes"), "scopes") ?? AppCredential.defaultScopes)
    }

    private func serviceCredential(_ node: ScenarioNode, tenant: String) throws(ScenarioError) -> ServiceCredential {
        try node.onlyKeys(["clientId", "clientSecret", "scopes"], in: "a service credential")
        guard let clientID = node.child("clientId"), let secret = node.child("clientSecret") else {
            throw node.error("a service credential needs 'clientId' and 'clientSecret'")
        }
        return ServiceCredential(
            clientID: try clientID.string("clientId"), clientSecret: try secret.string("clientSecret"), tenant: tenant,
            scopes: try strings(node.child("scopes"), "scopes") ?? AppCredential.defaultScopes)
    }

    private func strings(_ node: ScenarioNode?, _ what: String) throws(ScenarioError) -> [String]? {
        guard let node else { return nil }
        var result: [String] = []
        for item in try node.items(what) { result.append(try item.string(what)) }
        return result
    }

    /// An aspect type or asset type: the API's body with an optional `id` (default `<tenant>.<name>`).
    private func typeResource(_ node: ScenarioNode, tenant: String, kind: String) throws(ScenarioError) -> ScenarioResource {
        guard case .object(var body) = node.json else { throw node.error("an \(kind) must be a mapping") }
        var id: String?
        if let given = body["id"] {
            guard let text = given.stringValue, !text.isEmpty else { throw node.error("the \(kind) 'id' must be a text value") }
            id = text
            body["id"] = nil
        }
        guard let name = body["name"]?.stringValue, !name.isEmpty else { throw node.error("an \(kind) needs a 'name'") }
        return ScenarioResource(tenant: tenant, id: id ?? "\(tenant).\(name)", body: body, origin: node.location)
    }
}
