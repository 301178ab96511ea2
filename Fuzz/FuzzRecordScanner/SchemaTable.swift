@testable import MindSphereFake

/// The aspects of one asset, fixed: what the record scanner target writes to (the seed's `real_log` and
/// `acceleration` plus `mixed`, one variable of every type, on a performance and on a simulation twin).
struct SchemaTable: AspectSchemaProvider {
    static let tenant = "iiotuxpc"
    static let asset = "60bf86d1d051416f853b1e22f3714b8c"
    static let simulationAsset = "9c722dc9893e44e4a522295ebf2879b5"

    /// Aspect names with a first record that makes the series exist (the scanner only reads into an existing one).
    static let aspects: [(asset: String, aspect: String, firstRecord: String)] = [
        (asset, "mixed", #"[{"_time":"2023-02-20T00:00:00Z","count":1,"level":2.5}]"#),
        (asset, "real_log", #"[{"_time":"2023-02-20T00:00:00Z","queue":"q"}]"#),
        (asset, "acceleration", #"[{"_time":"2023-02-20T00:00:00Z","x":1.0}]"#),
        (simulationAsset, "mixed", #"[{"_time":"2023-02-20T00:00:00.000001Z","count":1}]"#),
    ]

    private static let mixed = [
        VariableDefinition(name: "count", dataType: .int, qualityCode: true),
        VariableDefinition(name: "total", dataType: .long),
        VariableDefinition(name: "level", dataType: .double, qualityCode: true),
        VariableDefinition(name: "on", dataType: .boolean),
        VariableDefinition(name: "label", dataType: .string, length: 5),
        VariableDefinition(name: "notes", dataType: .bigString, length: 10),
        VariableDefinition(name: "seen", dataType: .timestamp),
    ]

    private static let schemas: [String: AspectSchema] = {
        var schemas: [String: AspectSchema] = [:]
        func add(_ asset: String, _ name: String, _ variables: [VariableDefinition], twinType: String = "performance") {
            schemas[asset + "/" + name] = AspectSchema(
                assetID: asset, aspectName: name, aspectTypeID: "iiotuxpc.\(name)",
                category: .dynamic, variables: variables, twinType: twinType)
        }
        add(asset, "mixed", mixed)
        add(
            asset, "real_log",
            ["activity_type", "machine_id", "part_id", "queue"].map {
                VariableDefinition(name: $0, dataType: .string, length: 255)
            } + [VariableDefinition(name: "timestamp", dataType: .timestamp)])
        add(asset, "acceleration", ["x", "y", "z"].map { VariableDefinition(name: $0, dataType: .double) })
        add(simulationAsset, "mixed", mixed, twinType: "simulation")
        return schemas
    }()

    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        guard tenant == Self.tenant, assetID == Self.asset || assetID == Self.simulationAsset else { return .assetNotFound }
        return Self.schemas[assetID + "/" + aspectName].map(AspectSchemaLookup.found) ?? .aspectNotFound
    }
}
