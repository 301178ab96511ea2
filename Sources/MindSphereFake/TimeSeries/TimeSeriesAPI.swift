/// IoT Time Series v3 under `/api/iottimeseries/v3` (placeholder until the API lands).
public struct TimeSeriesAPI: Sendable {
    let store: TimeSeriesStore

    /// The API over `store`.
    public init(store: TimeSeriesStore) {
        self.store = store
    }

    /// The routes of this API.
    public var routes: [Route] { [] }
}
