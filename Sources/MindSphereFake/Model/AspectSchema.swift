/// What IoT Time Series needs to know to validate writes to one asset's aspect.
public struct AspectSchema: Sendable, Equatable {
    /// Whether aspect data is time series (`dynamic`) or a single value set (`static`).
    public enum Category: String, Sendable {
        /// Static values stored on the asset.
        case `static`
        /// Time series.
        case dynamic
    }

    /// The asset id.
    public var assetID: String
    /// The aspect name on that asset.
    public var aspectName: String
    /// The aspect type id, e.g. `iiotuxpc.acceleration`.
    public var aspectTypeID: String
    /// The category of the aspect type.
    public var category: Category
    /// The variables in definition order.
    public var variables: [VariableDefinition]
    /// `performance` (millisecond `_time`) or `simulation` (microsecond `_time`).
    public var twinType: String
    /// The asset's time zone (an IANA id such as `Europe/Berlin`), which aligns day, week and month aggregates.
    public var timezone: String

    /// A schema.
    public init(
        assetID: String,
        aspectName: String,
        aspectTypeID: String,
        category: Category,
        variables: [VariableDefinition],
        twinType: String = "performance",
        timezone: String = "Europe/Berlin"
    ) {
        self.assetID = assetID
        self.aspectName = aspectName
        self.aspectTypeID = aspectTypeID
        self.category = category
        self.variables = variables
        self.twinType = twinType
        self.timezone = timezone
    }
}

/// The result of asking for an aspect's schema.
public enum AspectSchemaLookup: Sendable, Equatable {
    /// The asset has this aspect.
    case found(AspectSchema)
    /// No asset with this id in the tenant (or it is deleted).
    case assetNotFound
    /// The asset exists but has no aspect of that name.
    case aspectNotFound
}

/// Answers schema questions for IoT Time Series; Asset Management implements it.
public protocol AspectSchemaProvider: Sendable {
    /// The schema of `aspectName` on `assetID` in `tenant`.
    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup
}
