import Foundation
import Glibc
import HTTPTypes
import MindSphereFake

/// `mindsphere-fake-bench`: in-process IoT Time Series measurements that do not need a socket: resident bytes per
/// stored 3-double record, the latency of a 2000-record range GET from a large series and the rate of 100,000-record
/// TS Bulk reads from it. Prints one JSON line.
///
///     mindsphere-fake-bench [records] [gets]     # defaults: 10000000 records, 2000 GETs
///     mindsphere-fake-bench aggregates [requests]  # v4 aggregates over 7 days of 1-second data (AggregatesBenchmark)
///     mindsphere-fake-bench plant scenarios/plant.yaml [copies]  # bytes per record of generated series (PlantBenchmark)
///     mindsphere-fake-bench gateway [requests]     # the core's CPU time per gateway-bench request (GatewayBenchmark)
///     mindsphere-fake-bench gateway-footprint CASE [rounds]  # for bench/footprint.py (GatewayFootprintBenchmark)
@main
struct TimeSeriesBenchmark {
    static let tenant = "iiotuxpc"
    static let asset = "0123456789abcdef0123456789abcdef"
    static let start: Int64 = 1_600_000_000_000

    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "aggregates" {
            return try AggregatesBenchmark.run(requests: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 500)
        }
        if CommandLine.arguments.dropFirst().first == "gateway" {
            return try GatewayBenchmark.run(requests: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 200_000)
        }
        if CommandLine.arguments.dropFirst().first == "gateway-footprint", CommandLine.arguments.count > 2 {
            let rounds = CommandLine.arguments.dropFirst(3).first.flatMap { Int($0) } ?? 1000
            return try GatewayFootprintBenchmark.run(caseName: CommandLine.arguments[2], rounds: rounds)
        }
        if CommandLine.arguments.dropFirst().first == "plant", CommandLine.arguments.count > 2 {
            let copies = CommandLine.arguments.dropFirst(3).first.flatMap { Int($0) } ?? 20
            return try PlantBenchmark.run(path: CommandLine.arguments[2], copies: copies)
        }
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let recordCount = arguments.first ?? 10_000_000
        let getCount = arguments.dropFirst().first ?? 2000
        let store = TimeSeriesStore(schemas: AccelerationSchema())

        let residentBefore = residentBytesAfterTrim()
        let loadStart = monotonicNanoseconds()
        try load(store, count: recordCount)
        let loadSeconds = Double(monotonicNanoseconds() - loadStart) / 1e9
        let residentAfter = residentBytesAfterTrim()
        let storedRecords = store.recordCount()

        var route: Route?
        for candidate in TimeSeriesAPI(store: store).routes where candidate.method == .get { route = candidate }
        guard let route else { fatalError("no GET route") }
        var latencies: [Double] = []
        var generator = SeededRandomNumberGenerator(seed: 7)
        var checked = false
        for _ in 0..<getCount {
            let offset = Int64(generator.next() % UInt64(max(1, recordCount - 2000)))
            let from = Timestamp.format(milliseconds: start + offset * 1000 - 1)
            let to = Timestamp.format(milliseconds: start + (offset + 1999) * 1000)
            let context = requestContext(target: "/api/iottimeseries/v3/timeseries/\(asset)/acceleration?from=\(from)&to=\(to)&limit=2000")
            let began = monotonicNanoseconds()
            let response = try route.handler(context)
            latencies.append(Double(monotonicNanoseconds() - began) / 1e6)
            if !checked {
                checked = true
                let records = response.bodyJSON?.arrayValue?.count ?? 0
                guard records == min(2000, recordCount) else { fatalError("GET returned \(records) records: \(response.bodyText.prefix(200))") }
            }
        }
        latencies.sort()
        let bulk = try BulkReadBenchmark.measure(store: store, storedRecords: recordCount, reads: 10)
        let puts = try measurePuts(route: TimeSeriesAPI(store: store).routes.first { $0.method == .put }!)
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let bytesPerRecord = Double(residentAfter - residentBefore) / Double(max(1, recordCount))
        print(
            """
            {"records":\(storedRecords),"loadSeconds":\(rounded(loadSeconds)),"residentBytesPerRecord":\(rounded(bytesPerRecord)),\
            "getCount":\(getCount),"getP50Milliseconds":\(rounded(percentile(0.5))),"getP99Milliseconds":\(rounded(percentile(0.99))),\
            "inProcessPutRecordsPerSecond":\(Int(puts.recordsPerSecond)),"inProcessPutP50Microseconds":\(puts.p50Microseconds),\
            "inProcessPutP99Microseconds":\(puts.p99Microseconds),"inProcessPutMaxMicroseconds":\(puts.maxMicroseconds),\
            "bulkReadRecordsPerSecond":\(Int(bulk.recordsPerSecond)),"bulkReadMedianMilliseconds":\(rounded(bulk.medianMilliseconds)),\
            "bulkReadPages":\(bulk.pages)}
            """)
    }

    /// Writes `count` records one second apart in PUTs of 10,000 records, like a client backfilling a series.
    static func load(_ store: TimeSeriesStore, count: Int) throws {
        var written = 0
        while written < count {
            let batch = min(10_000, count - written)
            var records: [JSONValue] = []
            records.reserveCapacity(batch)
            for index in written..<(written + batch) {
                let value = Double(index % 1000) * 0.001
                records.append(
                    .object([
                        "_time": .string(Timestamp.format(milliseconds: start + Int64(index) * 1000)),
                        "x": .double(value), "y": .double(value + 1), "z": .double(value + 2),
                    ]))
            }
            try store.write(tenant: tenant, assetID: asset, aspectName: "acceleration", body: .array(records), nowMilliseconds: 0)
            written += batch
        }
    }

    /// Records per second through the PUT handler (body read, checks, store) with 100-record bodies on one thread,
    /// and the handler's own time per PUT: the part of a PUT's latency over HTTP that is the fake's work, where
    /// every PUT that fills a chunk also seals (packs) it.
    static func measurePuts(route: Route) throws -> (recordsPerSecond: Double, p50Microseconds: Int, p99Microseconds: Int, maxMicroseconds: Int) {
        let asset = "fedcba9876543210fedcba9876543210"
        let bodies = (0..<2000).map { request in
            Array(
                ("["
                    + (0..<100).map { index in
                        let time = Timestamp.format(milliseconds: start + Int64(request * 100 + index) * 10)
                        return #"{"_time":"\#(time)","x":0.22505496442317963,"y":5.614402770996094,"z":7.467514991760254}"#
                    }.joined(separator: ",") + "]").utf8)
        }
        var durations: [Int64] = []
        durations.reserveCapacity(bodies.count)
        let began = monotonicNanoseconds()
        for body in bodies {
            let put = monotonicNanoseconds()
            _ = try route.handler(
                requestContext(
                    target: "/api/iottimeseries/v3/timeseries/\(asset)/acceleration", method: .put,
                    body: body, assetID: asset))
            durations.append(monotonicNanoseconds() - put)
        }
        let recordsPerSecond = Double(bodies.count * 100) / (Double(monotonicNanoseconds() - began) / 1e9)
        durations.sort()
        let microseconds = { (fraction: Double) in Int(durations[min(durations.count - 1, Int(Double(durations.count) * fraction))] / 1000) }
        return (recordsPerSecond, microseconds(0.5), microseconds(0.99), Int(durations[durations.count - 1] / 1000))
    }

    static func requestContext(
        target: String, method: HTTPRequest.Method = .get, body: [UInt8] = [],
        assetID: String = asset
    ) -> RequestContext {
        let request = FakeRequest(
            method: method, target: target, headerFields: [HTTPField.Name("Host")!: "127.0.0.1:8080"],
            body: body)
        return RequestContext(
            request: request, path: request.path, query: request.query,
            pathParameters: ["entityId": assetID, "propertySetName": "acceleration"],
            principal: Principal(tenant: tenant, clientID: "bench", scopes: [], tokenID: "bench", expiresAt: .max),
            nowMilliseconds: start + 100_000_000_000)
    }

    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Resident bytes after handing the allocator's free pages back (`malloc_trim`), so memory the writes used for
    /// request bodies and batches and freed again does not count as stored records.
    static func residentBytesAfterTrim() -> Int {
        // Looked up at run time: the C library declares it, the Glibc module does not.
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        return residentBytes()
    }

    static func monotonicNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    static func rounded(_ value: Double) -> String {
        String(Double(Int((value * 1000).rounded())) / 1000)
    }
}
