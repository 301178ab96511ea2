import Testing

@testable import MindSphereFake

/// The store's tenants: the remembered last tenant never stands in for another one, however alike their names.
@Suite struct TenantModelsTests {
    @Test func eachTenant_keepsItsOwnModel_whateverTheOrderOfUse() {
        var models = TenantModels()
        let names = ["tenanta", "tenantb", "tenant", "tenantaa", "tenanta", "x", "tenantb", "a-tenant-name-longer-than-fifteen", "tenanta"]
        var modelLocks: [String: Int] = [:]
        for (step, name) in names.enumerated() {
            let seenBefore = models.withModel(name) { model in
                let seen = model.modelLocked
                model.modelLocked = true
                return seen
            }
            #expect(seenBefore == (modelLocks[name] != nil), "step \(step): \(name)")
            modelLocks[name, default: 0] += 1
        }
        for name in Set(names) {
            #expect(models.withExistingModel(name) { $0.modelLocked } == true)
        }
    }

    @Test func existingModel_doesNotCreateATenant() {
        var models = TenantModels()
        #expect(models.withExistingModel("unknown") { _ in 1 } == nil)
        models.withModel("known") { _ in }
        #expect(models.withExistingModel("unknown") { _ in 1 } == nil)
        #expect(models.withExistingModel("known") { _ in 1 } == 1)
    }

    @Test func seededModels_areFoundByName() {
        var tenants: [String: TenantAssetModel] = [:]
        for name in ["one", "two", "three"] {
            var model = TenantAssetModel(tenant: name)
            model.modelLocked = name == "two"
            tenants[name] = model
        }
        var models = TenantModels(tenants)
        for name in ["one", "two", "three", "two", "one"] {
            #expect(models.withModel(name) { $0.modelLocked } == (name == "two"), "\(name)")
        }
    }
}
