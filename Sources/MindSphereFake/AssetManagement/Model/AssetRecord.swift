/// One asset as Asset Management stores it.
public struct AssetRecord: Sendable, Equatable {
    /// 32 lowercase hex characters.
    public var assetID: String
    /// The owning tenant.
    public var tenantID: String
    /// The name.
    public var name: String
    /// The name lowercased, for the default sort order.
    var sortName: String
    /// An external id, or `nil`.
    public var externalID: String?
    /// A free description, or `nil`.
    public var description: String?
    /// A Java zone id; fixed at creation.
    public var timezone: String
    /// `performance` or `simulation`.
    public var twinType: String
    /// The parent asset id; empty for the tenant's root asset.
    public var parentID: String
    /// The asset type id.
    public var typeID: String
    /// The asset's own location, or `nil`.
    public var location: JSONObject?
    /// Asset-type variable values by variable name (as strings, like the API).
    public var variableValues: [String: String]
    /// Static aspect values: aspect name, then variable name, to value.
    public var aspectValues: [String: [String: String]]
    /// When the asset was deleted (milliseconds since 1970), or `nil`.
    public var deletedAt: Int64?
    /// The optimistic-locking counter, 0 at creation.
    public var etag: Int
    /// Own file assignments (those of its type are inherited on read).
    public var fileAssignments: [FileAssignment] = []

    /// A record.
    public init(
        assetID: String, tenantID: String, name: String, externalID: String? = nil, description: String? = nil,
        timezone: String = "Europe/Berlin", twinType: String = "performance", parentID: String, typeID: String,
        location: JSONObject? = nil, variableValues: [String: String] = [:], aspectValues: [String: [String: String]] = [:],
        deletedAt: Int64? = nil, etag: Int = 0
    ) {
        self.assetID = assetID
        self.tenantID = tenantID
        self.name = name
        self.sortName = name.lowercased()
        self.externalID = externalID
        self.description = description
        self.timezone = timezone
        self.twinType = twinType
        self.parentID = parentID
        self.typeID = typeID
        self.location = location
        self.variableValues = variableValues
        self.aspectValues = aspectValues
        self.deletedAt = deletedAt
        self.etag = etag
    }

    /// Renames the asset, keeping the sort key in step.
    mutating func rename(_ newName: String) {
        name = newName
        sortName = newName.lowercased()
    }

    /// Whether the asset is the tenant's root asset.
    public var isRoot: Bool { parentID.isEmpty }
}
