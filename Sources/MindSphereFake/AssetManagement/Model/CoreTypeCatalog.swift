/// The built-in `core.*` types every tenant starts with, and the tenant's root asset.
enum CoreTypeCatalog {
    /// The type of the tenant's root asset.
    static let enterpriseTypeID = "core.basicenterprise"
    /// The tenant's default time zone.
    static let defaultTimezone = "Europe/Berlin"

    /// The built-in aspect types.
    static let aspectTypes: [AspectTypeRecord] = [
        AspectTypeRecord(
            id: "core.connectivityStatus", tenantID: "core", name: "connectivityStatus", category: .static,
            scope: "public", description: "Connectivity status of an agent",
            variables: [
                VariableDefinition(name: "connected", dataType: .boolean),
                VariableDefinition(name: "lastUpdated", dataType: .timestamp),
            ]),
    ]

    /// The built-in asset types, parents before children.
    static let assetTypes: [AssetTypeRecord] = [
        AssetTypeRecord(
            id: "core.basicasset", tenantID: "core", name: "basicasset", description: "Base type of all assets",
            parentTypeID: nil, instantiable: false, scope: "public"),
        AssetTypeRecord(
            id: enterpriseTypeID, tenantID: "core", name: "basicenterprise", description: "Type of the tenant's root asset",
            parentTypeID: "core.basicasset", instantiable: false, scope: "public",
            variables: [VariableDefinition(name: "tenantFlag", dataType: .boolean)]),
        AssetTypeRecord(
            id: "core.basicsite", tenantID: "core", name: "basicsite", description: "A site",
            parentTypeID: "core.basicasset", scope: "public"),
        AssetTypeRecord(
            id: "core.basicarea", tenantID: "core", name: "basicarea", description: "An area",
            parentTypeID: "core.basicasset", scope: "public"),
        AssetTypeRecord(
            id: "core.basicdevice", tenantID: "core", name: "basicdevice", description: "A device",
            parentTypeID: "core.basicasset", scope: "public",
            variables: [
                VariableDefinition(name: "serialNumber", dataType: .string, length: 255),
                VariableDefinition(name: "firmwareVersion", dataType: .string, length: 255),
            ]),
        AssetTypeRecord(
            id: "core.basicagent", tenantID: "core", name: "basicagent", description: "A MindConnect agent",
            parentTypeID: "core.basicasset", instantiable: false, scope: "public",
            aspects: [AssetTypeRecord.AspectSlot(name: "connectivityStatus", aspectTypeID: "core.connectivityStatus")]),
        AssetTypeRecord(
            id: "core.mclib", tenantID: "core", name: "mclib", description: "A MindConnect Library agent",
            parentTypeID: "core.basicagent", scope: "public"),
        AssetTypeRecord(
            id: "core.starteragentrpiassettype", tenantID: "core", name: "starteragentrpiassettype",
            description: "A Raspberry Pi starter-kit agent", parentTypeID: "core.basicagent", scope: "public"),
    ]

    /// The root asset of `tenant`, with a deterministic id.
    static func rootAsset(tenant: String) -> AssetRecord {
        AssetRecord(
            assetID: Identifiers.derived(from: "root-asset/" + tenant), tenantID: tenant, name: tenant,
            description: "Root Asset for \(tenant) tenant", timezone: defaultTimezone, parentID: "",
            typeID: enterpriseTypeID, variableValues: ["tenantFlag": "true"])
    }
}
