import HTTPTypes

/// IoT Time Series v3 under `/api/iottimeseries/v3`: write, merge (PATCH), read and delete one asset's aspect data,
/// and write several asset-aspect pairs at once.
package struct TimeSeriesAPI: Sendable {
    let store: TimeSeriesStore
    /// Whether a PUT first tries `TimeSeriesStore.writeScanned` (reading records straight from the body bytes).
    let scansRecordBytes: Bool

    /// The largest body `PUT /timeseries/{entityId}/{propertySetName}` accepts (1 MB).
    public static let maximumPayloadBytes = 1_048_576
    private static let linkHeader = HTTPField.Name("Link")!

    /// The API over `store`.
    public init(store: TimeSeriesStore) {
        self.init(store: store, scansRecordBytes: true)
    }

    /// The API over `store`; with `scansRecordBytes` false every PUT takes the general path (parse, then validate).
    init(store: TimeSeriesStore, scansRecordBytes: Bool) {
        self.store = store
        self.scansRecordBytes = scansRecordBytes
    }

    /// The routes of this API.
    public var routes: [Route] {
        let series = "/api/iottimeseries/v3/timeseries/{entityId}/{propertySetName}"
        return [
            Route(.put, series, errorShape: .timeSeries, access: .bearerToken) { context throws(FakeError) in try put(context) },
            Route(.get, series, errorShape: .timeSeries, access: .bearerToken) { context throws(FakeError) in try get(context) },
            Route(.delete, series, errorShape: .timeSeries, access: .bearerToken) { context throws(FakeError) in try delete(context) },
            Route(.patch, series, errorShape: .timeSeries, access: .bearerToken) { context throws(FakeError) in
                try TimeSeriesPatch(store: store).patch(context)
            },
            Route(.put, "/api/iottimeseries/v3/timeseries", errorShape: .timeSeries, access: .bearerToken) { context throws(FakeError) in
                try MultiSeriesWrite(store: store).put(context)
            },
        ]
    }

    private func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        guard context.request.body.count <= Self.maximumPayloadBytes else {
            throw FakeError(
                .payloadTooLarge,
                "the request body has \(context.request.body.count) bytes; at most \(Self.maximumPayloadBytes) (1 MB) are accepted")
        }
        if scansRecordBytes,
            store.writeScanned(
                tenant: context.tenant, assetID: context.parameter("entityId"),
                aspectName: context.parameter("propertySetName"), body: context.request.body,
                nowMilliseconds: context.nowMilliseconds)
        {
            return .empty(.noContent)
        }
        let body = try context.jsonBody()
        try store.write(
            tenant: context.tenant, assetID: context.parameter("entityId"),
            aspectName: context.parameter("propertySetName"), body: body,
            nowMilliseconds: context.nowMilliseconds)
        return .empty(.noContent)
    }

    private func get(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try TimeSeriesQuery(context, formats: store.settings.choices.timeFormats)
        guard
            let (series, layout) = try store.resolveForReading(
                tenant: context.tenant, assetID: context.parameter("entityId"), aspectName: context.parameter("propertySetName"))
        else { return .json(.array([])) }
        let page = try TimeSeriesReader(query: query).read(
            series, layout: layout, nowMilliseconds: context.nowMilliseconds,
            delay: store.ingestionDelayMilliseconds)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        if let boundary = page.nextBoundary {
            fields[Self.linkHeader] = NextPageLink.header(
                context, boundary: boundary, descending: query.descending,
                precision: layout.precision)
        }
        return FakeResponse(status: .ok, headerFields: fields, body: RecordRenderer.json(page.slice, layout: page.layout))
    }

    private func delete(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        var bounds: [Int64] = []
        let formats = store.settings.choices.timeFormats
        for name in ["from", "to"] {
            guard let raw = context.query[name], !raw.isEmpty else {
                throw FakeError.missingParameter("query parameter '\(name)' is required; DELETE needs both 'from' (exclusive) and 'to' (inclusive)")
            }
            guard let micros = TimeRules.parseQueryTime(raw, formats: formats) else {
                throw FakeError.invalidParameter(
                    "query parameter '\(name)' value '\(raw)' is not a valid timestamp; expected \(TimeRules.expectedFormat)")
            }
            bounds.append(micros)
        }
        guard bounds[0] <= bounds[1] else {
            throw FakeError.invalidParameter("'from' (\(context.query["from"] ?? "")) must not be after 'to' (\(context.query["to"] ?? ""))")
        }
        try store.delete(
            tenant: context.tenant, assetID: context.parameter("entityId"),
            aspectName: context.parameter("propertySetName"), after: bounds[0], upTo: bounds[1],
            nowMilliseconds: context.nowMilliseconds)
        return .empty(.noContent)
    }
}
