import HTTPTypes
import MindSphereFake

/// Bulk reads of 100,000 records from the benchmark's large series through the TS Bulk read handler, following
/// `nextRecord` until the read is complete, as a client reading a long range does; only the handler's time counts.
enum BulkReadBenchmark {
    /// The records one read asks for.
    static let recordsPerRead = 100_000

    /// What `reads` bulk reads at seeded offsets measured: records per second over all of them, the median time of
    /// one read (ms) and the answers one read took.
    static func measure(
        store: TimeSeriesStore, storedRecords: Int, reads: Int
    ) throws -> (recordsPerSecond: Double, medianMilliseconds: Double, pages: Int) {
        guard let route = TimeSeriesBulkAPI(store: store).routes.first(where: { $0.method == .get }) else { fatalError("no bulk route") }
        let asset = TimeSeriesBenchmark.asset
        var generator = SeededRandomNumberGenerator(seed: 11)
        var durations: [Double] = []
        var records = 0
        var pages = 0
        for _ in 0..<reads {
            let offset = Int64(generator.next() % UInt64(max(1, storedRecords - recordsPerRead)))
            let from = Timestamp.format(milliseconds: TimeSeriesBenchmark.start + offset * 1000 - 1)
            let to = Timestamp.format(milliseconds: TimeSeriesBenchmark.start + (offset + Int64(recordsPerRead) - 1) * 1000)
            var target: String? = "/api/iottsbulk/v3/timeseries/\(asset)/acceleration?from=\(from)&to=\(to)"
            var read = 0
            var nanoseconds: Int64 = 0
            pages = 0
            while let next = target {
                // Only the handler is timed; reading the answer back is the client's cost.
                let began = TimeSeriesBenchmark.monotonicNanoseconds()
                let response = try route.handler(context(target: next, assetID: asset))
                nanoseconds += TimeSeriesBenchmark.monotonicNanoseconds() - began
                let body = response.bodyJSON
                read += body?["records"]?.arrayValue?.count ?? 0
                target = body?["nextRecord"]?.stringValue.map { String($0.dropFirst("http://127.0.0.1:8080".count)) }
                pages += 1
            }
            durations.append(Double(nanoseconds) / 1e6)
            guard read == min(recordsPerRead, storedRecords) else { fatalError("bulk read returned \(read) records") }
            records += read
        }
        durations.sort()
        let seconds = durations.reduce(0, +) / 1000
        return (Double(records) / seconds, durations[durations.count / 2], pages)
    }

    private static func context(target: String, assetID: String) -> RequestContext {
        let request = FakeRequest(method: .get, target: target, headerFields: [HTTPField.Name("Host")!: "127.0.0.1:8080"])
        return RequestContext(
            request: request, path: request.path, query: request.query,
            pathParameters: ["entity": assetID, "propertySetName": "acceleration"],
            principal: Principal(tenant: TimeSeriesBenchmark.tenant, clientID: "bench", scopes: [], tokenID: "bench", expiresAt: .max),
            nowMilliseconds: TimeSeriesBenchmark.start + 100_000_000_000)
    }
}
