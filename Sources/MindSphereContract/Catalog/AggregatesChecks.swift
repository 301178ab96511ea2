import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of IoT TS Aggregates v4 (`/api/iottsaggregates/v4/aggregates`) and v3
/// (`/api/iottsaggregates/v3/aggregates/{entityId}/{propertySetName}`). Each writes a few records of the run's
/// `metrics` aspect into a fresh asset, so its intervals hold only what it wrote.
public enum AggregatesChecks {
    typealias TS = TimeSeriesChecks
    static let v4 = "/api/iottsaggregates/v4/aggregates"
    static let v3 = "/api/iottsaggregates/v3/aggregates"

    /// All aggregate checks.
    public static var all: [ContractCheck] { happyPaths + behaviour + assumptions }

    /// The start of the checks' data: three hours ago, on a 10-minute boundary.
    static func base() -> Int64 { TS.window(0) / 600_000 * 600_000 }

    /// `t` as a query value.
    static func time(_ milliseconds: Int64) -> String { PercentDecoding.encode(Timestamp.format(milliseconds: milliseconds)) }

    /// The records most checks write, relative to `base`: two in the first 2-minute interval (21.5 and 22.5, counter
    /// 1 and 3), one in the second (24.0, counter 5), none in the third.
    static func records(_ base: Int64) -> [JSONValue] {
        [
            TS.record(base + 30_000, temperature: 21.5, counter: 1), TS.record(base + 60_000, temperature: 22.5, counter: 3),
            TS.record(base + 150_000, temperature: 24.0, counter: 5),
        ]
    }

    /// A new asset of the run's type holding `records` in its `metrics` aspect; returns its id.
    static func seeded(_ context: CheckContext, _ name: String, _ records: [JSONValue], timezone: String? = nil) async throws -> String {
        let ids = try await context.session.fixtures.ids(context.session)
        var body: JSONObject = [
            "name": .string(context.prefix.name(name)), "typeId": .string(ids.assetTypeID), "parentId": .string(ids.rootAssetID),
            "description": .string("contract kit run \(context.prefix)"),
        ]
        if let timezone { body["timezone"] = .string(timezone) }
        let created = try await context.send("create asset", .post, "/api/assetmanagement/v3/assets", json: .object(body))
        try context.expectStatus(created, 200, 201, step: "create asset")
        let asset = try context.string(try context.json(created, step: "create asset"), "assetId", step: "create asset")
        let put = try await context.send("put records", .put, "\(TS.base)/\(asset)/\(ids.aspectName)", json: .array(records))
        try context.expectStatus(put, 200, 201, 204, step: "put records")
        return asset
    }

    /// GETs v4 aggregates of `asset`'s `metrics` with `query`.
    static func getV4(_ context: CheckContext, _ label: String, _ asset: String, _ query: String) async throws -> FakeResponse {
        try await context.send(label, .get, "\(v4)?assetId=\(asset)&aspectName=\(RunFixtures.aspectName)" + (query.isEmpty ? "" : "&" + query))
    }

    /// GETs v3 aggregates of `asset`'s `metrics` with `query`.
    static func getV3(_ context: CheckContext, _ label: String, _ asset: String, _ query: String) async throws -> FakeResponse {
        try await context.send(label, .get, "\(v3)/\(asset)/\(RunFixtures.aspectName)?" + query)
    }

    /// The v4 items of `query`, once there are `count` of them (the real service aggregates after ingestion).
    static func itemsV4(_ context: CheckContext, _ asset: String, _ query: String, count: Int) async throws -> [JSONValue] {
        try await context.eventually {
            let response = try await getV4(context, "get aggregates", asset, query)
            try context.expectStatus(response, 200, step: "get aggregates")
            let items = try context.value(try context.json(response, step: "get aggregates"), "aggregates", step: "get aggregates").arrayValue ?? []
            try context.ensure(items.count == count, "get aggregates: \(items.count) items, expected \(count)")
            return items
        }
    }

    /// The number `value` holds, integer or not.
    static func number(_ value: JSONValue?) -> Double? {
        guard case .number(let number)? = value else { return nil }
        return number.doubleValue
    }

    /// `from`, `to` and a 2-minute interval over the six minutes after `base`.
    static func sixMinutes(_ base: Int64) -> String {
        "from=\(time(base))&to=\(time(base + 360_000))&intervalUnit=minute&intervalValue=2"
    }

    static let happyPaths: [ContractCheck] = [
        ContractCheck(
            "agg.v4.minute", tier: .happyPath, requires: .writes,
            verifies: ["agg.empty-variable", "agg.numeric-only", "agg.time-format"],
            "v4 2-minute aggregates: one item per interval with data, numeric variables only, times as ...SSSZ"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "agg1", records(base))
            let items = try await itemsV4(context, asset, sixMinutes(base), count: 2)
            try context.ensure(
                items[0]["starttime"] == .string(Timestamp.format(milliseconds: base)),
                "starttime is \(items[0]["starttime"].map(JSONWriter.string) ?? "absent")")
            try context.ensure(
                items[1]["endtime"] == .string(Timestamp.format(milliseconds: base + 240_000)), "the second item does not end at +4 min")
            let temperature = try context.value(items[0], "temperature", step: "first item")
            try context.ensure(number(temperature["countgood"]) == 2, "countgood is not 2")
            try context.ensure(number(temperature["sum"]) == 44, "sum is not 44")
            try context.ensure(number(temperature["minvalue"]) == 21.5, "minvalue is not 21.5")
            try context.ensure(temperature["firsttime"] == .string(Timestamp.format(milliseconds: base + 30_000)), "firsttime differs")
            try context.ensure(items[0]["label"] == nil && items[0]["ok"] == nil, "a STRING or BOOLEAN variable was aggregated")
        },
        ContractCheck(
            "agg.v3.minute", tier: .happyPath, requires: .writes, verifies: ["agg.v3.no-sd"],
            "v3 2-minute aggregates: a JSON array of the same items, without sd"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "agg3", records(base))
            let items = try await context.eventually {
                let response = try await getV3(context, "get v3", asset, sixMinutes(base))
                try context.expectStatus(response, 200, step: "get v3")
                let items = try context.json(response, step: "get v3").arrayValue ?? []
                try context.ensure(items.count == 2, "get v3: \(items.count) items, expected 2")
                return items
            }
            try context.ensure(number(items[0]["temperature"]?["average"]) == 22, "average is not 22")
            try context.ensure(items[0]["temperature"]?["sd"] == nil, "v3 has sd")
        },
    ]
}
