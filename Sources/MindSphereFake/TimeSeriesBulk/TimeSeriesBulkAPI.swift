import HTTPTypes

/// The read of IoT Time Series Bulk v3, `GET /api/iottsbulk/v3/timeseries/{entity}/{propertySetName}`: the records
/// of one asset's aspect in `(from, to]` from the same store IoT Time Series writes (ingestion delay included), more
/// than 2,000 per answer, as `{"records":[...],"nextRecord":"<url>"}` (see `BulkReadRenderer`). Errors come in the
/// Spring Boot shape `{timestamp, status, error, exception, message, path}` of the service.
package struct TimeSeriesBulkAPI: Sendable {
    /// The largest answer body a read writes (10 MB); a read with more records continues via `nextRecord`.
    public static let defaultMaximumResponseBytes = 10 * 1_048_576

    let store: TimeSeriesStore
    /// The largest answer body.
    let maximumResponseBytes: Int

    /// The API over `store`.
    public init(store: TimeSeriesStore) {
        self.init(store: store, maximumResponseBytes: Self.defaultMaximumResponseBytes)
    }

    /// The API over `store` writing answers of at most `maximumResponseBytes` (tests use small ones).
    init(store: TimeSeriesStore, maximumResponseBytes: Int) {
        self.store = store
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The routes of this API.
    public var routes: [Route] {
        [
            Route(.get, "/api/iottsbulk/v3/timeseries/{entity}/{propertySetName}", errorShape: .spring, access: .bearerToken) {
                context throws(FakeError) in
                try read(context)
            }
        ]
    }

    private func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try BulkReadQuery(context, formats: store.settings.choices.timeFormats)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        guard
            let (series, layout) = try store.resolveForReading(
                tenant: context.tenant, assetID: context.parameter("entity"), aspectName: context.parameter("propertySetName"))
        else { return FakeResponse(status: .ok, headerFields: fields, body: Array(#"{"records":[]}"#.utf8)) }
        let columns = try TimeSeriesQuery.fields(select: query.select, in: layout)
        // No page can hold more records than this, so no more are copied out of the series.
        let copied = min(query.limit ?? .max, maximumResponseBytes / BulkReadRenderer.smallestRecordBytes + 1)
        // Sealed chunks never change, so the copy is read (and decoded) after the series lock is released.
        let storage = series.read(now: context.nowMilliseconds, delay: store.ingestionDelayMilliseconds) { $0.storage }
        let (slice, matching): (SeriesSlice, Int) = {
            let rows = storage.range(after: query.from, upTo: query.to)
            let taken = min(rows.count, copied)
            let page = query.descending ? (rows.upperBound - taken)..<rows.upperBound : rows.lowerBound..<(rows.lowerBound + taken)
            var slice = storage.slice(page, fields: columns)
            slice.descending = query.descending
            return (slice, rows.count)
        }()
        let renderer = BulkReadRenderer(context: context, query: query, maximumBytes: maximumResponseBytes)
        let body = renderer.body(slice, layout: layout, wanted: min(matching, query.limit ?? .max))
        return FakeResponse(status: .ok, headerFields: fields, body: body)
    }
}
