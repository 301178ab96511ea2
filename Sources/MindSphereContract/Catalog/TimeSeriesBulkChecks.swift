import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of the IoT Time Series Bulk read (`GET /api/iottsbulk/v3/timeseries/{entity}/{propertySetName}`), each on
/// an asset of its own written with IoT Time Series PUT.
public enum TimeSeriesBulkChecks {
    typealias TS = TimeSeriesChecks
    static let base = "/api/iottsbulk/v3/timeseries"

    /// All bulk read checks.
    public static var all: [ContractCheck] { happyPaths + behaviour + strict }

    /// A new asset of the run's type with `records` PUT into its `metrics` aspect (in PUTs of at most 500 records);
    /// returns the bulk path and the IoT Time Series path of its series.
    static func seriesWith(_ context: CheckContext, _ name: String, _ records: [JSONValue]) async throws -> (bulk: String, ts: String) {
        let ids = try await context.session.fixtures.ids(context.session)
        let asset = try await AssetManagementAssumptionChecks.newAsset(context, name, ids)
        let id = try context.string(asset, "assetId", step: "create asset")
        let ts = "\(TS.base)/\(id)/\(ids.aspectName)"
        for start in stride(from: 0, to: records.count, by: 500) {
            let chunk = Array(records[start..<min(start + 500, records.count)])
            try context.expectStatus(
                try await context.send("put records from \(start)", .put, ts, json: .array(chunk)),
                200, 201, 204, step: "put records")
        }
        return ("\(base)/\(id)/\(ids.aspectName)", ts)
    }

    /// `count` records from `start` (ms), `step` ms apart, counter = index.
    static func records(_ count: Int, from start: Int64, step: Int64 = 1000) -> [JSONValue] {
        (0..<count).map { TS.record(start + 1 + Int64($0) * step, temperature: Double($0) + 0.5, counter: $0) }
    }

    /// Reads `target` until it answers 200 with `expected` records in `records` (the service ingests asynchronously).
    static func read(_ context: CheckContext, _ label: String, _ target: String, expecting expected: Int) async throws -> JSONValue {
        try await context.eventually {
            let response = try await context.send(label, .get, target)
            try context.expectStatus(response, 200, step: label)
            let body = try context.json(response, step: label)
            let count = body["records"]?.arrayValue?.count ?? -1
            try context.ensure(count == expected, "\(label): \(count) records, expected \(expected)")
            return body
        }
    }

    static let happyPaths: [ContractCheck] = [
        ContractCheck(
            "tsbulk.read", tier: .happyPath, requires: .writes, verifies: ["bulk.store"],
            "the bulk read answers {records} with the records PUT in (from, to], as IoT Time Series reads them; select narrows them"
        ) { context in
            let start = TS.window(0)
            let written = records(3, from: start)
            let (bulk, _) = try await seriesWith(context, "bulkread", written)
            let body = try await read(context, "bulk read", bulk + "?" + TS.range(start, start + 10_000), expecting: 3)
            try context.ensure(body["records"] == .array(written), "the records read back differ from those written")
            try context.ensure(body["nextRecord"] == nil || body["nextRecord"] == .null, "a complete read carries a nextRecord")
            let selected = try await read(
                context, "bulk read select", bulk + "?" + TS.range(start, start + 10_000) + "&select=counter",
                expecting: 3)
            let keys = selected["records"]?.arrayValue?.first?.objectValue?.keys ?? []
            try context.ensure(keys == ["_time", "counter"], "select=counter answered the keys \(keys)")
        }
    ]

    static let behaviour: [ContractCheck] = [
        ContractCheck(
            "tsbulk.more-than-2000", tier: .behaviour, requires: .writes, verifies: ["bulk.response-size"],
            "a read of 2,500 records answers more than 2,000 at once; nextRecord, if any, leads to the rest"
        ) { context in
            let start = TS.window(0)
            let (bulk, _) = try await seriesWith(context, "bulklarge", records(2_500, from: start, step: 100))
            let target = bulk + "?" + TS.range(start, start + 300_000)
            let first = try await context.eventually {
                let response = try await context.send("bulk read", .get, target)
                try context.expectStatus(response, 200, step: "bulk read")
                let body = try context.json(response, step: "bulk read")
                let count = body["records"]?.arrayValue?.count ?? 0
                try context.ensure(count > 2_000, "the first answer holds \(count) records, not more than 2,000")
                return body
            }
            var total = first["records"]?.arrayValue?.count ?? 0
            var next = first["nextRecord"]?.stringValue
            while let link = next, total < 2_500 {
                let body = try context.json(try await context.send("next page", .get, try context.path(ofLink: link)), step: "next page")
                total += body["records"]?.arrayValue?.count ?? 0
                next = body["nextRecord"]?.stringValue
            }
            try context.ensure(total == 2_500, "the read returned \(total) records in all, expected 2500")
        },
        ContractCheck(
            "tsbulk.limit", tier: .behaviour, requires: .writes, verifies: ["bulk.next-record", "bulk.query"],
            "limit=2 answers the first two records and, limit being reached, no nextRecord"
        ) { context in
            let start = TS.window(0)
            let written = records(5, from: start)
            let (bulk, _) = try await seriesWith(context, "bulklimit", written)
            let body = try await read(context, "bulk read limit 2", bulk + "?" + TS.range(start, start + 10_000) + "&limit=2", expecting: 2)
            try context.ensure(body["records"] == .array(Array(written.prefix(2))), "limit=2 did not answer the first two records")
            try context.ensure(
                body["nextRecord"] == nil || body["nextRecord"] == .null,
                "the target carries nextRecord \(body["nextRecord"].map(JSONWriter.string) ?? "") after limit records")
        },
        ContractCheck(
            "tsbulk.sort-desc", tier: .behaviour, requires: .writes, verifies: ["bulk.query"],
            "sort=desc answers the newest record first"
        ) { context in
            let start = TS.window(0)
            let written = records(3, from: start)
            let (bulk, _) = try await seriesWith(context, "bulksort", written)
            let body = try await read(context, "bulk read desc", bulk + "?" + TS.range(start, start + 10_000) + "&sort=desc", expecting: 3)
            try context.ensure(body["records"] == .array(written.reversed()), "sort=desc did not answer newest first")
        },
    ]

    static let strict: [ContractCheck] = [
        ContractCheck(
            "tsbulk.query-errors", tier: .strict, requires: .writes, verifies: ["bulk.query", "bulk.error-body"],
            "no to, from equal to to, a 90-day range and limit=0 each answer 400 in the Spring error body"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let path = "\(base)/\(ids.assetID)/\(ids.aspectName)"
            let from = TS.window(0)
            let fromText = "from=" + PercentDecoding.encode(Timestamp.format(milliseconds: from))
            try context.expectSpringError(try await context.send("no to", .get, path + "?" + fromText), status: 400, path: path, step: "no to")
            try context.expectSpringError(
                try await context.send("from equals to", .get, path + "?" + TS.range(from, from)),
                status: 400, path: path, step: "from equals to")
            try context.expectSpringError(
                try await context.send("90 days", .get, path + "?" + TS.range(from - 90 * 86_400_000, from)),
                status: 400, path: path, step: "90 days")
            try context.expectSpringError(
                try await context.send("limit 0", .get, path + "?" + TS.range(from, from + 1000) + "&limit=0"),
                status: 400, path: path, step: "limit 0")
        },
        ContractCheck(
            "tsbulk.unknown-asset", tier: .strict, verifies: ["bulk.error-body"],
            "a bulk read of an unknown asset answers 404 in the Spring error body"
        ) { context in
            let path = "\(base)/\(context.unknownID())/metrics"
            let response = try await context.send("unknown asset", .get, path + "?" + TS.range(TS.window(0), TS.window(1)))
            try context.expectSpringError(response, status: 404, path: path, step: "unknown asset")
        },
    ]
}
