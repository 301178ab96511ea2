import Glibc
import HTTPTypes
import MindSphereFake

/// `mindsphere-fake-bench aggregates [requests]`: in-process latency of v4 aggregates over 7 days of 1-second data of
/// a 3-double aspect (604,800 records): hourly over the 7 days (168 intervals) and 2-minute over the first 24 hours
/// (720 intervals). Prints one JSON line.
enum AggregatesBenchmark {
    /// 2020-09-14T00:00:00Z: the series holds one record per second after it, for 7 days.
    static let start: Int64 = 1_600_041_600_000
    static let recordCount = 7 * 86_400

    static func run(requests: Int) throws {
        let store = TimeSeriesStore(schemas: AccelerationSchema())
        try load(store)
        guard let route = AggregatesAPI(store: store).routes.first(where: { $0.pattern.description.contains("/v4/") }) else {
            fatalError("no v4 aggregates route")
        }
        let from = Timestamp.format(milliseconds: start)
        let hourly = try measure(
            route, requests: requests, intervals: 168,
            query: "from=\(from)&to=\(Timestamp.format(milliseconds: start + 7 * 86_400_000))&intervalUnit=hour&intervalValue=1")
        let minutes = try measure(
            route, requests: requests, intervals: 720,
            query: "from=\(from)&to=\(Timestamp.format(milliseconds: start + 86_400_000))&intervalUnit=minute&intervalValue=2")
        print(
            """
            {"records":\(store.recordCount()),"requests":\(requests),\
            "hourlyP50Milliseconds":\(TimeSeriesBenchmark.rounded(hourly.p50)),"hourlyP99Milliseconds":\(TimeSeriesBenchmark.rounded(hourly.p99)),\
            "minuteP50Milliseconds":\(TimeSeriesBenchmark.rounded(minutes.p50)),"minuteP99Milliseconds":\(TimeSeriesBenchmark.rounded(minutes.p99)),\
            "hourlyCPUP50Milliseconds":\(TimeSeriesBenchmark.rounded(hourly.cpuP50)),"minuteCPUP50Milliseconds":\(TimeSeriesBenchmark.rounded(minutes.cpuP50))}
            """)
    }

    /// Writes the 604,800 records in PUT-sized batches of 10,000: x = i mod 1000 / 1000, y = x + 1, z = x + 2.
    static func load(_ store: TimeSeriesStore) throws {
        var written = 0
        while written < recordCount {
            let batch = min(10_000, recordCount - written)
            let records: [JSONValue] = (written..<(written + batch)).map { index in
                let value = Double(index % 1000) * 0.001
                return .object([
                    "_time": .string(Timestamp.format(milliseconds: start + Int64(index + 1) * 1000)),
                    "x": .double(value), "y": .double(value + 1), "z": .double(value + 2),
                ])
            }
            try store.write(
                tenant: TimeSeriesBenchmark.tenant, assetID: TimeSeriesBenchmark.asset, aspectName: "acceleration",
                body: .array(records), nowMilliseconds: 0)
            written += batch
        }
    }

    /// p50 and p99 in milliseconds of `requests` calls of the v4 handler with `query`, after checking the first
    /// answer has `intervals` items.
    static func measure(_ route: Route, requests: Int, intervals: Int, query: String) throws -> (p50: Double, p99: Double, cpuP50: Double) {
        let target = "/api/iottsaggregates/v4/aggregates?assetId=\(TimeSeriesBenchmark.asset)&aspectName=acceleration&" + query
        let request = FakeRequest(method: .get, target: target, headerFields: [HTTPField.Name("Host")!: "127.0.0.1:8080"])
        let context = RequestContext(
            request: request, path: request.path, query: request.query, pathParameters: [:],
            principal: Principal(tenant: TimeSeriesBenchmark.tenant, clientID: "bench", scopes: [], tokenID: "bench", expiresAt: .max),
            nowMilliseconds: start + 30 * 86_400_000)
        let first = try route.handler(context)
        let items = first.bodyJSON?["aggregates"]?.arrayValue?.count ?? 0
        guard items == intervals else { fatalError("expected \(intervals) aggregates, got \(items): \(first.bodyText.prefix(300))") }
        var latencies: [Double] = []
        var cpu: [Double] = []
        latencies.reserveCapacity(requests)
        for _ in 0..<requests {
            let began = TimeSeriesBenchmark.monotonicNanoseconds()
            let cpuBegan = threadCPUNanoseconds()
            _ = try route.handler(context)
            cpu.append(Double(threadCPUNanoseconds() - cpuBegan) / 1e6)
            latencies.append(Double(TimeSeriesBenchmark.monotonicNanoseconds() - began) / 1e6)
        }
        latencies.sort()
        cpu.sort()
        func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
        return (percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(cpu, 0.5))
    }

    /// CPU time of the calling thread: what a request costs, whatever else the machine runs.
    static func threadCPUNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
