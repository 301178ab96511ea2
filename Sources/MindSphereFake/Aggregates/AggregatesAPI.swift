import HTTPTypes

/// IoT TS Aggregates, computed from the raw data of `TimeSeriesStore` at request time (with its ingestion delay):
/// v4 `GET /api/iottsaggregates/v4/aggregates?assetId&aspectName&...` answers `{"aggregates":[...]}` with `sd` and
/// platform errors; v3 `GET /api/iottsaggregates/v3/aggregates/{entityId}/{propertySetName}` answers a bare array
/// without `sd` and `{id, message}` errors.
package struct AggregatesAPI: Sendable {
    let store: TimeSeriesStore

    /// The API over `store`.
    public init(store: TimeSeriesStore) {
        self.store = store
    }

    /// The routes of this API.
    public var routes: [Route] {
        [
            Route(.get, "/api/iottsaggregates/v4/aggregates", errorShape: .platform, access: .bearerToken) { context throws(FakeError) in
                try v4(context)
            },
            Route(
                .get, "/api/iottsaggregates/v3/aggregates/{entityId}/{propertySetName}", errorShape: .timeSeries,
                access: .bearerToken
            ) { context throws(FakeError) in try v3(context) },
        ]
    }

    private func v4(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        var names: [String] = []
        for name in ["assetId", "aspectName"] {
            guard let value = context.query[name], !value.isEmpty else {
                throw FakeError.missingParameter("query parameter '\(name)' is required; v4 aggregates need assetId and aspectName")
            }
            names.append(value)
        }
        let resolved = try store.resolveForReading(tenant: context.tenant, assetID: names[0], aspectName: names[1])
        let schema = schema(context.tenant, names[0], names[1])
        if schema?.twinType.lowercased() == "simulation" {
            throw FakeError.invalidParameter("asset '\(names[0])' is a simulation asset; v4 aggregates exist for performance assets only (use v3)")
        }
        let calendar = AggregateCalendar(timeZoneIdentifier: schema?.timezone ?? "UTC")
        let grid = try AggregateWindowV4.grid(context.query, nowMicros: context.nowMilliseconds &* 1000, calendar: calendar)
        var body = Array(#"{"aggregates":"#.utf8)
        try aggregate(resolved, grid: grid, context: context, withStandardDeviation: true, into: &body)
        body.append(UInt8(ascii: "}"))
        return FakeResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body)
    }

    private func v3(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let assetID = context.parameter("entityId")
        let aspectName = context.parameter("propertySetName")
        let resolved = try store.resolveForReading(tenant: context.tenant, assetID: assetID, aspectName: aspectName)
        let schema = schema(context.tenant, assetID, aspectName)
        let calendar = AggregateCalendar(timeZoneIdentifier: schema?.timezone ?? "UTC")
        let grid = try AggregateWindowV3.grid(
            context.query, simulation: schema?.twinType.lowercased() == "simulation",
            calendar: calendar)
        var body: [UInt8] = []
        try aggregate(resolved, grid: grid, context: context, withStandardDeviation: false, into: &body)
        return FakeResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body)
    }

    /// Writes the JSON array of the aggregates of `resolved` (empty for a static aspect) over `grid`.
    private func aggregate(
        _ resolved: (Series, SeriesLayout)?, grid: AggregateGrid, context: RequestContext,
        withStandardDeviation: Bool, into body: inout [UInt8]
    ) throws(FakeError) {
        guard let (series, layout) = resolved else {
            body.append(contentsOf: "[]".utf8)
            return
        }
        let targets = try AggregateSelection.targets(
            context.query["select"], layout: layout,
            available: .all(withStandardDeviation: withStandardDeviation))
        let computer = AggregateComputer(grid: grid, targets: targets, options: AggregateOptions(store.settings.choices))
        let items = series.read(now: context.nowMilliseconds, delay: store.ingestionDelayMilliseconds) { state in
            computer.items(&state.storage)
        }
        body.reserveCapacity(body.count + 64 + items.count * (80 + targets.count * 420))
        AggregateRenderer.array(items, targets: targets, precision: layout.precision, into: &body)
    }

    private func schema(_ tenant: String, _ assetID: String, _ aspectName: String) -> AspectSchema? {
        guard case .found(let schema) = store.schemas.aspectSchema(tenant: tenant, assetID: assetID, aspectName: aspectName) else {
            return nil
        }
        return schema
    }
}
