import MindSphereFake

/// The seed's `acceleration` aspect (x, y, z DOUBLE) on one asset.
struct AccelerationSchema: AspectSchemaProvider {
    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        guard assetID == TimeSeriesBenchmark.asset else { return .assetNotFound }
        guard aspectName == "acceleration" else { return .aspectNotFound }
        return .found(AspectSchema(
            assetID: assetID, aspectName: aspectName, aspectTypeID: "iiotuxpc.acceleration", category: .dynamic,
            variables: ["x", "y", "z"].map { VariableDefinition(name: $0, dataType: .double) }))
    }
}
