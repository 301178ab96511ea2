import Synchronization

/// Asset Management's in-memory state per tenant. Every read and change of a tenant runs under one lock, so a
/// check of `If-Match` and the change it guards happen together (of two updates with the same etag, one wins).
package final class AssetStore: AspectSchemaProvider {
    private let state = Mutex(TenantModels())
    private let identifiers: Identifiers
    /// The assumption choices in force; request bodies and seed data bind by their `api.body-binding`.
    public let settings: AssumptionSettings

    /// An empty store; tenants appear with their built-in types and root asset on first use.
    public init(identifiers: Identifiers, settings: AssumptionSettings = AssumptionSettings()) {
        self.identifiers = identifiers
        self.settings = settings
    }

    /// How request bodies bind now.
    var bodyBinding: BodyBinding { settings.choices.bodyBinding }

    /// A fresh 32-hex asset id.
    func newAssetID() -> String { identifiers.next() }

    /// Runs `body` on `tenant`'s model under the store lock (creating the tenant on first use).
    /// - Throws: whatever `body` throws; the model keeps only changes made before the throw.
    func withTenant<Result: Sendable, Failure: Error>(
        _ tenant: String, _ body: (inout TenantAssetModel) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.withLock { (tenants: inout TenantModels) throws(Failure) -> Result in
            // Mutated in place: no removal and reinsertion (a hash, a move and a rehash) while every other request
            // waits for the lock.
            try tenants.withModel(tenant, body)
        }
    }

    /// Replaces all state with the scenario's aspect types, asset types and assets.
    /// - Throws: `ScenarioError` naming the resource that cannot be created.
    public func load(_ scenario: Scenario) throws(ScenarioError) {
        var tenants: [String: TenantAssetModel] = [:]
        let binding = bodyBinding
        for tenant in scenario.tenants { tenants[tenant] = TenantAssetModel(tenant: tenant) }
        func model(_ tenant: String) -> TenantAssetModel { tenants[tenant] ?? TenantAssetModel(tenant: tenant) }
        for file in scenario.files {
            var tenantModel = model(file.tenant)
            let id = (file.id ?? Identifiers.derived(from: "\(file.tenant)/files/\(file.name)")).lowercased()
            guard tenantModel.files[id] == nil, !tenantModel.files.values.contains(where: { $0.name == file.name }) else {
                throw ScenarioError("file '\(file.name)': the id or name is used twice", at: file.origin)
            }
            tenantModel.files[id] = FileRecord(
                id: id, tenantID: file.tenant, name: file.name, originalFileName: file.originalFileName,
                description: file.description, scope: file.scope, mimeType: file.mimeType, content: file.content,
                uploaded: file.uploaded ?? scenario.filesUploadedMilliseconds, lastModified: file.lastModified)
            tenants[file.tenant] = tenantModel
        }
        for resource in scenario.aspectTypes {
            var tenantModel = model(resource.tenant)
            let id = resource.id ?? "\(resource.tenant).\(resource.body["name"]?.stringValue ?? "")"
            do {
                let record = try AspectTypeRules.build(id: id, body: resource.body, tenant: resource.tenant, existing: nil, binding: binding)
                tenantModel.aspectTypes[id.lowercased()] = record
            } catch {
                throw ScenarioError("aspect type '\(id)': \(error.message)", at: resource.origin)
            }
            tenants[resource.tenant] = tenantModel
        }
        for resource in scenario.assetTypes {
            var tenantModel = model(resource.tenant)
            let id = resource.id ?? "\(resource.tenant).\(resource.body["name"]?.stringValue ?? "")"
            do {
                let body = Self.namingFileIDs(resource.body, model: tenantModel)
                let record = try AssetTypeRules.build(id: id, body: body, model: tenantModel, existing: nil, binding: binding)
                tenantModel.assetTypes[id.lowercased()] = record
            } catch {
                throw ScenarioError("asset type '\(id)': \(error.message)", at: resource.origin)
            }
            tenants[resource.tenant] = tenantModel
        }
        for resource in scenario.assets {
            var tenantModel = model(resource.tenant)
            let name = resource.body["name"]?.stringValue ?? ""
            do {
                try Self.seed(resource, into: &tenantModel, binding: binding)
            } catch {
                throw ScenarioError("asset '\(resource.id ?? name)': \(error.message)", at: resource.origin)
            }
            tenants[resource.tenant] = tenantModel
        }
        for tenant in scenario.modelLockedTenants {
            var tenantModel = model(tenant)
            tenantModel.modelLocked = true
            tenants[tenant] = tenantModel
        }
        state.withLock { $0 = TenantModels(tenants) }
    }

    /// `body` with each `fileAssignments[].fileId` that names a file of the tenant by name replaced by its id, so
    /// a scenario can assign the files it seeds without knowing their ids.
    static func namingFileIDs(_ body: JSONObject, model: TenantAssetModel) -> JSONObject {
        guard let items = body["fileAssignments"]?.arrayValue else { return body }
        var result = body
        result["fileAssignments"] = .array(
            items.map { item in
                guard var object = item.objectValue, let given = object["fileId"]?.stringValue, model.files[given.lowercased()] == nil,
                    let file = model.files.values.first(where: { $0.name == given })
                else { return item }
                object["fileId"] = .string(file.id)
                return .object(object)
            })
        return result
    }

    private static func seed(_ resource: ScenarioResource, into model: inout TenantAssetModel, binding: BodyBinding) throws(FakeError) {
        let body = namingFileIDs(resource.body, model: model)
        let parent = body["parentId"]?.stringValue ?? ""
        if parent.isEmpty {
            var root = try model.existingAsset(model.rootAssetID)
            model.assets[root.assetID] = nil
            if let id = resource.id { root.assetID = id }
            if let name = body["name"]?.stringValue { root.rename(name) }
            if let description = body["description"]?.stringValue { root.description = description }
            if let timezone = body["timezone"]?.stringValue { root.timezone = timezone }
            if let assignments = try FileAssignmentRules.parse(body["fileAssignments"], model: model, binding: binding) {
                root.fileAssignments = assignments
            }
            model.rootAssetID = root.assetID
            model.assets[root.assetID] = root
            return
        }
        let id = resource.id ?? Identifiers.derived(from: "\(resource.tenant)/\(parent)/\(body["name"]?.stringValue ?? "")")
        guard model.assets[id] == nil else { throw FakeError.conflict("asset id '\(id)' is used twice") }
        model.assets[id] = try AssetRules.create(id: id, body: body, model: model, binding: binding)
    }

    /// The schema of `aspectName` on `assetID` in `tenant`.
    public func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        state.withLock { tenants -> AspectSchemaLookup in
            tenants.withExistingModel(tenant) { $0.aspectSchema(assetID: assetID, aspectName: aspectName) } ?? .assetNotFound
        }
    }
}
