/// IoT Time Series' in-memory series (placeholder until the Time Series API lands).
public final class TimeSeriesStore: Sendable {
    let schemas: any AspectSchemaProvider

    /// An empty store validating writes against `schemas`.
    public init(schemas: any AspectSchemaProvider) {
        self.schemas = schemas
    }

    /// Replaces all series with the scenario's records.
    /// - Throws: `ScenarioError` naming the records that do not fit their aspect.
    public func load(_ scenario: Scenario) throws(ScenarioError) {}
}
