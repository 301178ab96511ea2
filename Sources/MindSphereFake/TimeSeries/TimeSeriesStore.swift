import Synchronization

/// IoT Time Series' in-memory series: one `Series` per (tenant, asset, aspect), each with its own lock; writes are
/// checked against the aspect's schema from Asset Management. Thread-safe.
package final class TimeSeriesStore: Sendable {
    let schemas: any AspectSchemaProvider
    /// The assumption choices in force: how values and `_time` are read, what a static aspect's GET answers.
    public let settings: AssumptionSettings
    private let directory = Mutex([SeriesKey: Series]())
    private let delay = Atomic<Int64>(0)

    /// An empty store validating writes against `schemas` under the choices of `settings`.
    public init(schemas: any AspectSchemaProvider, settings: AssumptionSettings = AssumptionSettings()) {
        self.schemas = schemas
        self.settings = settings
    }

    /// A validator for `layout` under the choices in force.
    private func validator(_ layout: SeriesLayout) -> RecordValidator {
        let choices = settings.choices
        return RecordValidator(layout: layout, coercion: choices.valueCoercion, formats: choices.timeFormats)
    }

    /// How long after a write (fake time, ms) its records become visible to reads; 0 (the default) means at once.
    public var ingestionDelayMilliseconds: Int64 {
        get { delay.load(ordering: .relaxed) }
        set { delay.store(max(0, newValue), ordering: .relaxed) }
    }

    /// Replaces all series with the scenario's records, each record checked like a PUT, and takes the scenario's
    /// ingestion delay.
    /// - Throws: `ScenarioError` at the records' origin naming the problem.
    public func load(_ scenario: Scenario) throws(ScenarioError) {
        removeAll()
        ingestionDelayMilliseconds = Int64(scenario.ingestionDelayMilliseconds)
        for seeded in scenario.timeSeries {
            do {
                let (series, layout) = try resolve(tenant: seeded.tenant, assetID: seeded.assetID, aspectName: seeded.aspectName)
                let batch = try validator(layout).batch(seeded.records.map(JSONValue.object))
                series.write(batch, writtenAt: .min, delay: 0)
            } catch {
                throw ScenarioError(
                    "time series of asset '\(seeded.assetID)' aspect '\(seeded.aspectName)' in tenant '\(seeded.tenant)': \(error.message)",
                    at: seeded.origin)
            }
        }
    }

    /// Removes every series.
    public func removeAll() {
        directory.withLock { $0.removeAll() }
    }

    /// The number of stored records of all series (including writes not yet visible).
    public func recordCount() -> Int {
        allSeries().reduce(0) { $0 + $1.series.recordCount }
    }

    /// All series as JSON, for the control plane: `[{"tenant","entityId","propertySetName","records":[...],"pendingRecords"}]`.
    public func snapshot() -> JSONValue {
        let entries = allSeries().sorted {
            ($0.key.tenant, $0.key.assetID, $0.key.aspectName) < ($1.key.tenant, $1.key.assetID, $1.key.aspectName)
        }
        return .array(
            entries.map { key, series in
                let (bytes, pending): ([UInt8], Int) = series.read(now: .min, delay: 0) { state in
                    guard let layout = state.layout else { return ("[]".utf8.map { $0 }, 0) }
                    let slice = state.storage.slice(0..<state.storage.count, fields: Array(layout.fields.indices))
                    return (RecordRenderer.json(slice, layout: layout), state.recordCount - state.storage.count)
                }
                return .object([
                    "tenant": .string(key.tenant),
                    "entityId": .string(key.assetID),
                    "propertySetName": .string(key.aspectName),
                    "records": (try? JSONParser.parse(bytes)) ?? .array([]),
                    "pendingRecords": .int(pending),
                ])
            })
    }

    /// Stores `records` (the JSON body of a PUT) for an asset's aspect, all or nothing.
    /// - Throws: `FakeError` 404 for an unknown asset or aspect, 400 for a static aspect or any invalid record.
    public func write(tenant: String, assetID: String, aspectName: String, body: JSONValue, nowMilliseconds: Int64) throws(FakeError) {
        let (series, layout) = try resolve(tenant: tenant, assetID: assetID, aspectName: aspectName)
        let batch = try validator(layout).batch(fromBody: body)
        series.write(batch, writtenAt: nowMilliseconds, delay: ingestionDelayMilliseconds)
    }

    /// Stores the records of a PUT body read straight from its bytes (see `RecordScanner`), when the series already
    /// exists with the layout of the aspect's current schema and the body is a plain batch of valid records.
    /// Returns `false`, having changed nothing, when the general path (`write(tenant:assetID:aspectName:body:...)`)
    /// must handle the body, which then answers exactly as it would have.
    func writeScanned(tenant: String, assetID: String, aspectName: String, body: [UInt8], nowMilliseconds: Int64) -> Bool {
        guard case .found(let schema) = schemas.aspectSchema(tenant: tenant, assetID: assetID, aspectName: aspectName),
            schema.category == .dynamic
        else { return false }
        let key = SeriesKey(tenant: tenant, assetID: assetID, aspectName: aspectName)
        guard let series = directory.withLock({ $0[key] }), let layout = series.currentLayout(matching: schema),
            let batch = RecordScanner.batch(body, layout: layout, coercion: settings.choices.valueCoercion)
        else { return false }
        series.write(batch, writtenAt: nowMilliseconds, delay: ingestionDelayMilliseconds)
        return true
    }

    /// Removes the records with `from` < `_time` <= `to` (microseconds).
    /// - Throws: `FakeError` 404 for an unknown asset or aspect, 400 for a static aspect.
    func delete(tenant: String, assetID: String, aspectName: String, after from: Int64, upTo to: Int64, nowMilliseconds: Int64) throws(FakeError) {
        let (series, _) = try resolve(tenant: tenant, assetID: assetID, aspectName: aspectName)
        series.remove(after: from, upTo: to, now: nowMilliseconds, delay: ingestionDelayMilliseconds)
    }

    /// The series of an asset's aspect for reading, or `nil` for a static aspect, which has no time series: a read
    /// of one answers an empty list (`mdsp asset-info` reads every aspect of an asset and handles no error), or,
    /// with `ts.static-aspect` at `refuse`, a 400.
    /// - Throws: `FakeError` 404 for an unknown asset or aspect, 400 for a static aspect under `refuse`.
    func resolveForReading(tenant: String, assetID: String, aspectName: String) throws(FakeError) -> (Series, SeriesLayout)? {
        guard try schema(tenant: tenant, assetID: assetID, aspectName: aspectName).category == .dynamic else {
            if settings.choices.staticAspectRead == .refuse {
                _ = try resolve(tenant: tenant, assetID: assetID, aspectName: aspectName)
            }
            return nil
        }
        return try resolve(tenant: tenant, assetID: assetID, aspectName: aspectName)
    }

    /// The series of an asset's aspect with the layout of its current schema (created empty when new).
    /// - Throws: `FakeError` 404 for an unknown asset or aspect, 400 for a static aspect.
    func resolve(tenant: String, assetID: String, aspectName: String) throws(FakeError) -> (Series, SeriesLayout) {
        let schema = try schema(tenant: tenant, assetID: assetID, aspectName: aspectName)
        guard schema.category == .dynamic else {
            throw FakeError.invalidParameter(
                "aspect '\(aspectName)' of asset '\(assetID)' is static (aspect type '\(schema.aspectTypeID)'); time series exist only for dynamic aspects"
            )
        }
        let key = SeriesKey(tenant: tenant, assetID: assetID, aspectName: aspectName)
        let series = directory.withLock { directory in
            if let existing = directory[key] { return existing }
            let created = Series()
            directory[key] = created
            return created
        }
        return (series, series.layout(for: schema))
    }

    private func schema(tenant: String, assetID: String, aspectName: String) throws(FakeError) -> AspectSchema {
        switch schemas.aspectSchema(tenant: tenant, assetID: assetID, aspectName: aspectName) {
        case .found(let found): return found
        case .assetNotFound: throw FakeError.notFound("asset '\(assetID)' does not exist")
        case .aspectNotFound: throw FakeError.notFound("asset '\(assetID)' has no aspect '\(aspectName)'")
        }
    }

    private func allSeries() -> [(key: SeriesKey, series: Series)] {
        directory.withLock { directory in directory.map { (key: $0.key, series: $0.value) } }
    }
}
