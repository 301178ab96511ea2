/// Asset Management's in-memory state per tenant (placeholder until the Asset Management API lands).
public final class AssetStore: AspectSchemaProvider {
    /// An empty store.
    public init(identifiers: Identifiers) {}

    /// Replaces all state with the scenario's aspect types, asset types and assets.
    /// - Throws: `ScenarioError` naming the resource that cannot be created.
    public func load(_ scenario: Scenario) throws(ScenarioError) {}

    /// The schema of `aspectName` on `assetID` in `tenant`.
    public func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        .assetNotFound
    }
}
