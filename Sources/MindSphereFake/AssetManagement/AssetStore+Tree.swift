extension AssetStore {
    /// The asset hierarchy of `tenants` for `GET /_fake/assets`: per tenant its root asset with its children nested
    /// (`{"assetId","name","typeId","parentId","children":[...]}`), siblings by name then id, deleted assets left out.
    /// The dashboard draws its tree from this; details come from the Asset Management API.
    func tree(tenants: [String]) -> JSONValue {
        let entries = tenants.map { tenant in
            withTenant(tenant) { (model: inout TenantAssetModel) -> JSONValue in
                let live = model.assets.values.filter { $0.deletedAt == nil }
                let children = Dictionary(grouping: live.filter { !$0.parentID.isEmpty }, by: \.parentID)
                func node(_ asset: AssetRecord, depth: Int) -> JSONValue {
                    // The depth bound keeps a parent cycle (which the API's rules forbid) from recursing forever.
                    let kids = depth > 64 ? [] : (children[asset.assetID] ?? []).sorted { ($0.name, $0.assetID) < ($1.name, $1.assetID) }
                    return .object([
                        "assetId": .string(asset.assetID),
                        "name": .string(asset.name),
                        "typeId": .string(asset.typeID),
                        "parentId": asset.parentID.isEmpty ? .null : .string(asset.parentID),
                        "children": .array(kids.map { node($0, depth: depth + 1) }),
                    ])
                }
                let root = model.assets[model.rootAssetID].map { node($0, depth: 0) } ?? .null
                return .object(["tenant": .string(tenant), "root": root, "assets": .int(live.count)])
            }
        }
        return .object(["tenants": .array(entries)])
    }
}
