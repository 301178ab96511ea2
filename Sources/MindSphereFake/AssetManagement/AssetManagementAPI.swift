/// Asset Management v3 under `/api/assetmanagement/v3` (placeholder until the API lands).
public struct AssetManagementAPI: Sendable {
    let store: AssetStore

    /// The API over `store`.
    public init(store: AssetStore) {
        self.store = store
    }

    /// The routes of this API.
    public var routes: [Route] { [] }
}
