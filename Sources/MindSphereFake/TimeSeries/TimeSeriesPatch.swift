import HTTPTypes

/// `PATCH /timeseries/{entityId}/{propertySetName}`: creates or merges records of one asset's aspect. Each record's
/// variables (and `_qc` fields) replace only those of the stored record at the same `_time`; the others stay, and a
/// record that does not exist yet is created. The documented limits apply: a body of at most 600 KB, at most 10
/// records, each `_time` within the last 24 hours and not in the future by the fake's clock, no BIG_STRING
/// variable; any refusal stores nothing. Values are checked exactly as a PUT checks them (`RecordValidator` under
/// `ts.strict-types` and `ts.time-formats`), and the merge becomes visible after the ingestion delay like a PUT.
struct TimeSeriesPatch {
    /// The largest body accepted (600 KB).
    static let maximumPayloadBytes = 600 * 1024
    /// The most records one request may carry.
    static let maximumRecords = 10
    /// How far back from the fake's now a record's `_time` may lie (24 hours).
    static let maximumAgeMicroseconds: Int64 = 24 * 3_600 * 1_000_000

    let store: TimeSeriesStore

    /// Answers one PATCH: 204 (or 202 under `ts.patch-status` = `accepted`) with an empty body once the merge is queued.
    /// - Throws: `FakeError` 413 for a body above 600 KB, 404 for an unknown asset or aspect, 400 for any other refusal.
    func patch(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        guard context.request.body.count <= Self.maximumPayloadBytes else {
            throw FakeError(
                .payloadTooLarge,
                "the request body has \(context.request.body.count) bytes; a PATCH accepts at most \(Self.maximumPayloadBytes) (600 KB)")
        }
        let body = try context.jsonBody()
        let (series, layout) = try store.resolve(
            tenant: context.tenant, assetID: context.parameter("entityId"),
            aspectName: context.parameter("propertySetName"))
        guard case .array(let records) = body else {
            throw FakeError.invalidBody("the request body must be a JSON array of records, got a \(body.typeName)")
        }
        guard !records.isEmpty else {
            throw FakeError.invalidBody("the request body is an empty array; send 1 to \(Self.maximumRecords) records with '_time'")
        }
        guard records.count <= Self.maximumRecords else {
            throw FakeError.invalidBody("the request body has \(records.count) records; a PATCH takes at most \(Self.maximumRecords)")
        }
        try refuseBigStrings(records, layout: layout)
        let choices = store.settings.choices
        var batch = try RecordValidator(layout: layout, coercion: choices.valueCoercion, formats: choices.timeFormats).batch(records)
        try checkTimes(batch, precision: layout.precision, nowMilliseconds: context.nowMilliseconds)
        batch.nulled = nulledFields(records, layout: layout)
        series.write(batch, writtenAt: context.nowMilliseconds, delay: store.ingestionDelayMilliseconds)
        return .empty(choices.alternative(of: "ts.patch-status") == "accepted" ? .accepted : .noContent)
    }

    /// Refuses any record that names a BIG_STRING variable, with a value or `null`: the merge does not take them.
    private func refuseBigStrings(_ records: [JSONValue], layout: SeriesLayout) throws(FakeError) {
        for (index, record) in records.enumerated() {
            guard case .object(let object) = record else { continue }
            for member in object.members {
                guard let column = layout.columnByName[member.key],
                    case .string(_, let typeName) = layout.fields[column].rule, typeName.description == "BIG_STRING"
                else { continue }
                throw FakeError.invalidBody(
                    "record \(index): field '\(member.key)' is a BIG_STRING variable; PATCH cannot create or update BIG_STRING values, write them with PUT"
                )
            }
        }
    }

    /// Refuses a `_time` more than 24 hours before the fake's now or after it.
    private func checkTimes(_ batch: RecordBatch, precision: TimePrecision, nowMilliseconds: Int64) throws(FakeError) {
        let now = nowMilliseconds &* 1000
        let oldest = now &- Self.maximumAgeMicroseconds
        let nowText = TimeRules.format(now, precision: .milliseconds)
        for (index, time) in batch.times.enumerated() {
            let text = TimeRules.format(time, precision: precision)
            if time > now {
                throw FakeError.invalidBody("record \(index): '_time' \(text) is in the future (now is \(nowText)); PATCH takes no future timestamps")
            }
            if time < oldest {
                throw FakeError.invalidBody(
                    "record \(index): '_time' \(text) is more than 24 hours old (now is \(nowText)); PATCH merges only records of the last 24 hours")
            }
        }
    }

    /// Per column, per record: whether the record gives the field as `null` (so the merge removes the stored value).
    private func nulledFields(_ records: [JSONValue], layout: SeriesLayout) -> [[Bool]] {
        var nulled = [[Bool]](repeating: [Bool](repeating: false, count: records.count), count: layout.fields.count)
        for (index, record) in records.enumerated() {
            guard case .object(let object) = record else { continue }
            for member in object.members where member.value == .null {
                if let column = layout.columnByName[member.key] { nulled[column][index] = true }
            }
        }
        return nulled
    }
}
