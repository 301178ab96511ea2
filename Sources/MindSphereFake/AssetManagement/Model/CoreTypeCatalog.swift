/// The built-in `core.*` types every tenant starts with, and the tenant's root asset.
enum CoreTypeCatalog {
    /// The type of the tenant's root asset.
    static let enterpriseTypeID = "core.basicenterprise"
    /// The tenant's default time zone.
    static let defaultTimezone = "Europe/Berlin"

    /// Where each built-in type was seen, by id: the catalogue holds only types that real clients or a real
    /// tenant's data model name.
    static let evidence: [String: String] = [
        "core.connectivityStatus":
            "static aspect connectivityStatus (connected, lastUpdated) with values on every agent asset of a real tenant's asset list (the seed notes: RPI Device, MobilePhone, machine); the type's id is not seen",
        "core.firmwarestatus":
            "id used by the official TypeScript SDK's agent and device tests; name FirmwareStatus and variables from a real tenant's data model exported by Siemens' dataModelHandler",
        "core.basicasset": "root of every asset type; parent in the official SDK's tests and CLI templates",
        "core.basicenterprise": "type of the tenant's root asset",
        "core.basichierarchy": "parent of core.basicarea and core.basicsite in a real tenant's exported data model",
        "core.basicsite": "official SDK tests; derived from core.basichierarchy in a real tenant's export",
        "core.basicarea": "official SDK tests; derived from core.basichierarchy in a real tenant's export",
        "core.basicdevice": "official SDK tests (exploded asset type: 1 own variable, 3 with core.basicdevice's)",
        "core.basicagent": "official SDK tests and CLI (parent of agent asset types)",
        "core.mclib": "official SDK tests and CLI mc-create-agent; Siemens' dataModelHandler agent types",
        "core.mcnano": "MindConnect Nano agent type in Siemens' dataModelHandler and a real tenant's export (aspect firmwareStatus)",
        "core.mciot2040": "MindConnect IoT2040 agent type in Siemens' dataModelHandler",
        "core.starteragentrpiassettype": "type of the Raspberry Pi asset in a real tenant's asset list (the seed notes)",
        "core.industrialEdge": "Industrial Edge agent type in Siemens' dataModelHandler (its agent-type-to-plugin mapping); parent inferred",
    ]

    /// The built-in aspect types.
    static let aspectTypes: [AspectTypeRecord] = [
        AspectTypeRecord(
            id: "core.connectivityStatus", tenantID: "core", name: "connectivityStatus", category: .static,
            scope: "public", description: "Connectivity status of an agent",
            variables: [
                VariableDefinition(name: "connected", dataType: .boolean),
                VariableDefinition(name: "lastUpdated", dataType: .timestamp),
            ]),
        AspectTypeRecord(
            id: "core.firmwarestatus", tenantID: "core", name: "FirmwareStatus", category: .static,
            scope: "public", description: "Firmware status of an agent",
            variables: [
                VariableDefinition(name: "version", dataType: .string, length: 255),
                VariableDefinition(name: "product", dataType: .string, length: 255),
                VariableDefinition(name: "installationDate", dataType: .timestamp),
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
            id: "core.basichierarchy", tenantID: "core", name: "basichierarchy", description: "Base type of hierarchy levels",
            parentTypeID: "core.basicasset", instantiable: false, scope: "public"),
        AssetTypeRecord(
            id: "core.basicsite", tenantID: "core", name: "basicsite", description: "A site",
            parentTypeID: "core.basichierarchy", scope: "public"),
        AssetTypeRecord(
            id: "core.basicarea", tenantID: "core", name: "basicarea", description: "An area",
            parentTypeID: "core.basichierarchy", scope: "public"),
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
            id: "core.mcnano", tenantID: "core", name: "mcnano", description: "A MindConnect Nano agent",
            parentTypeID: "core.basicagent", scope: "public",
            aspects: [AssetTypeRecord.AspectSlot(name: "firmwareStatus", aspectTypeID: "core.firmwarestatus")]),
        AssetTypeRecord(
            id: "core.mciot2040", tenantID: "core", name: "mciot2040", description: "A MindConnect IoT2040 agent",
            parentTypeID: "core.basicagent", scope: "public",
            aspects: [AssetTypeRecord.AspectSlot(name: "firmwareStatus", aspectTypeID: "core.firmwarestatus")]),
        AssetTypeRecord(
            id: "core.starteragentrpiassettype", tenantID: "core", name: "starteragentrpiassettype",
            description: "A Raspberry Pi starter-kit agent", parentTypeID: "core.basicagent", scope: "public"),
        AssetTypeRecord(
            id: "core.industrialEdge", tenantID: "core", name: "industrialEdge", description: "An Industrial Edge agent",
            parentTypeID: "core.basicagent", scope: "public"),
    ]

    /// The root asset of `tenant`, with a deterministic id.
    static func rootAsset(tenant: String) -> AssetRecord {
        AssetRecord(
            assetID: Identifiers.derived(from: "root-asset/" + tenant), tenantID: tenant, name: tenant,
            description: "Root Asset for \(tenant) tenant", timezone: defaultTimezone, parentID: "",
            typeID: enterpriseTypeID, variableValues: ["tenantFlag": "true"])
    }
}
