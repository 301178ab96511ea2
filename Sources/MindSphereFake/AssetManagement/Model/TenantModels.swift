/// Every tenant's model, found by name. The tenant found last is remembered: nearly every request names the tenant
/// of the request before (one tenant per token, few tenants per fake), and comparing a name costs less than hashing
/// it, inside the store's lock that every request takes.
struct TenantModels: Sendable {
    private var models: [TenantAssetModel] = []
    private var slots: [String: Int] = [:]
    private var lastTenant = ""
    private var lastSlot = -1

    /// Models from the tenants of `tenants`.
    init(_ tenants: [String: TenantAssetModel] = [:]) {
        for (tenant, model) in tenants {
            slots[tenant] = models.count
            models.append(model)
        }
    }

    /// Runs `body` on `tenant`'s model in place; `nil` for a tenant not seen yet (which is not created).
    mutating func withExistingModel<Result>(_ tenant: String, _ body: (inout TenantAssetModel) -> Result) -> Result? {
        guard let slot = slots[tenant] else { return nil }
        return body(&models[slot])
    }

    /// Runs `body` on `tenant`'s model in place, creating the model on first use.
    mutating func withModel<Result, Failure: Error>(
        _ tenant: String, _ body: (inout TenantAssetModel) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(&models[slot(of: tenant)])
    }

    private mutating func slot(of tenant: String) -> Int {
        if lastSlot >= 0 && tenant == lastTenant { return lastSlot }
        let slot: Int
        if let known = slots[tenant] {
            slot = known
        } else {
            slot = models.count
            slots[tenant] = slot
            models.append(TenantAssetModel(tenant: tenant))
        }
        lastTenant = tenant
        lastSlot = slot
        return slot
    }
}
