/// Identifies one time series: a tenant's asset (entity) and one of its aspects (property set).
struct SeriesKey: Hashable, Sendable {
    /// The tenant.
    var tenant: String
    /// The asset id (`entityId`).
    var assetID: String
    /// The aspect name (`propertySetName`).
    var aspectName: String
}
