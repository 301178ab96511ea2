extension AssetStore {
    /// The Asset Management state of `tenants` for `GET /_fake/state`: per tenant its own aspect types and asset
    /// types (built-in `core.*` types left out), all assets and its files (metadata with the bytes as base64
    /// `content`), rendered as the API renders them, with links relative to the gateway root.
    func stateDump(tenants: [String]) -> JSONValue {
        let links = AssetManagementLinks(baseURL: "")
        return .array(
            tenants.map { tenant in
                withTenant(tenant) { (model: inout TenantAssetModel) -> JSONValue in
                    let aspectTypes = model.aspectTypes.values.filter { $0.tenantID != "core" }.sorted { $0.id < $1.id }
                    let assetTypes = model.assetTypes.values.filter { $0.tenantID != "core" }.sorted { $0.id < $1.id }
                    let assets = model.assets.values.sorted {
                        ($0.assetID == model.rootAssetID ? 0 : 1, $0.name, $0.assetID) < (
                            $1.assetID == model.rootAssetID ? 0 : 1, $1.name, $1.assetID
                        )
                    }
                    let files = model.files.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
                    return .object([
                        "tenant": .string(tenant),
                        "modelLock": .object(["enabled": .bool(model.modelLocked)]),
                        "files": .array(
                            files.map { file in
                                var object = model.json(file: file, links: links).objectValue ?? [:]
                                object["content"] = .string(FileContentCoding.encode(file.content))
                                return .object(object)
                            }),
                        "aspectTypes": .array(aspectTypes.map { $0.json(links: links) }),
                        "assetTypes": .array(assetTypes.map { model.json(assetType: $0, exploded: false, links: links) }),
                        "assets": .array(assets.map { model.json(asset: $0, links: links) }),
                    ])
                }
            })
    }
}
