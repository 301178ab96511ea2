import MindSphereFake

/// The seed's `acceleration` aspect (x, y, z DOUBLE) on the benchmark's assets (ids of 32 hex digits).
struct AccelerationSchema: AspectSchemaProvider {
    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        guard assetID.utf8.count == 32 else { return .assetNotFound }
        guard aspectName == "acceleration" else { return .aspectNotFound }
        return .found(
            AspectSchema(
                assetID: assetID, aspectName: aspectName, aspectTypeID: "iiotuxpc.acceleration", category: .dynamic,
                variables: ["x", "y", "z"].map { VariableDefinition(name: $0, dataType: .double) }))
    }
}
