import Foundation
import HTTPTypes
import MindSphereFake

/// One check per IoT Time Series assumption of the fake that no behaviour check already covers.
public enum TimeSeriesAssumptionChecks {
    typealias TS = TimeSeriesChecks

    static func time(_ milliseconds: Int64) -> JSONValue { .string(Timestamp.format(milliseconds: milliseconds)) }

    /// PUTs `records` into the run's series and fails unless it is accepted.
    static func put(_ context: CheckContext, _ ids: RunFixtures.Ids, _ records: [JSONValue], _ label: String = "put") async throws {
        try context.expectStatus(try await context.send(label, .put, TS.series(ids), json: .array(records)), 200, 201, 204, step: label)
    }

    /// GETs the run's series with `query` and returns the records.
    static func get(_ context: CheckContext, _ ids: RunFixtures.Ids, _ query: String, _ label: String = "get") async throws -> [JSONValue] {
        let response = try await context.send(label, .get, TS.series(ids) + "?" + query)
        try context.expectStatus(response, 200, step: label)
        return try context.json(response, step: label).arrayValue ?? []
    }

    /// All of them.
    public static let all: [ContractCheck] = [
        ContractCheck(
            "ts.assumption.static-aspect", tier: .strict, requires: .writes, verifies: ["ts.static-aspect"],
            "PUT on a static aspect answers 400; GET tells empty (200 []) from refuse (400)"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let aspect = context.prefix.typeID(tenant: context.tenant, "static")
            try context.expectStatus(
                try await AssetManagementAssumptionChecks.putAspectType(
                    context, "create static aspect type", "static", variables: [AssetManagementAssumptionChecks.variable("s", "STRING", length: 10)],
                    category: "static"), 200, 201, step: "create static aspect type")
            let type = context.prefix.typeID(tenant: context.tenant, "stype")
            try context.expectStatus(
                try await context.send(
                    "create asset type", .put, "/api/assetmanagement/v3/assettypes/" + type,
                    json: .object([
                        "name": .string(context.prefix.name("stype")), "parentTypeId": .string("core.basicasset"), "scope": .string("private"),
                        "aspects": .array([.object(["name": .string("info"), "aspectTypeId": .string(aspect)])]),
                    ])), 200, 201, step: "create asset type")
            let asset = try await context.send(
                "create asset", .post, "/api/assetmanagement/v3/assets",
                json: .object([
                    "name": .string(context.prefix.name("static1")), "typeId": .string(type), "parentId": .string(ids.rootAssetID),
                ]))
            let id = try context.string(try context.json(asset, step: "create asset"), "assetId", step: "create asset")
            let response = try await context.send(
                "put static", .put, "\(TS.base)/\(id)/info",
                json: .array([.object(["_time": time(TS.window(11)), "s": .string("x")])]))
            try context.expectTimeSeriesError(response, status: 400, step: "put static")
            let read = try await context.send("get static", .get, "\(TS.base)/\(id)/info")
            if read.status.code == 400 {
                try await context.expectAlternative("ts.static-aspect", observed: "refuse")
                return
            }
            try context.expectStatus(read, 200, step: "get static")
            try context.ensure(try context.json(read, step: "get static") == .array([]), "GET on a static aspect is not []")
            try await context.expectAlternative("ts.static-aspect", observed: "empty")
        },
        ContractCheck(
            "ts.assumption.null-value", tier: .strict, requires: .writes, verifies: ["ts.null-value"],
            "a variable given as null reads back absent"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let at = TS.window(12) + 1000
            try await put(context, ids, [.object(["_time": time(at), "temperature": .double(1.5), "counter": .null])])
            let records = try await context.eventually { try await get(context, ids, TS.range(at - 1, at)) }
            try context.ensure(
                records.count == 1 && records[0]["counter"] == nil, "counter is \(records.first?["counter"].map(JSONWriter.string) ?? "absent")")
        },
        ContractCheck("ts.assumption.empty-body", tier: .strict, requires: .writes, verifies: ["ts.empty-body"], "PUT [] answers 400") { context in
            let ids = try await context.session.fixtures.ids(context.session)
            try context.expectStatus(try await context.send("put empty", .put, TS.series(ids), json: .array([])), 400, step: "put empty")
        },
        ContractCheck(
            "ts.assumption.duplicate-time", tier: .strict, requires: .writes, verifies: ["ts.duplicate-time-in-request"],
            "two records with the same _time in one PUT: the later wins"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let at = TS.window(13) + 1000
            try await put(context, ids, [TS.record(at, temperature: 1.5, counter: 1), TS.record(at, temperature: 2.5, counter: 2)])
            let records = try await context.eventually { try await get(context, ids, TS.range(at - 1, at)) }
            try context.ensure(records == [TS.record(at, temperature: 2.5, counter: 2)], "the later record did not win")
        },
        ContractCheck(
            "ts.assumption.sub-millisecond", tier: .strict, requires: .writes, verifies: ["ts.sub-millisecond"],
            "a _time with digits below the millisecond on a performance asset answers 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let text = String(Timestamp.format(milliseconds: TS.window(14)).dropLast()) + "1Z"
            let response = try await context.send(
                "put microseconds", .put, TS.series(ids), json: .array([.object(["_time": .string(text), "counter": .int(1)])]))
            // Lenient time formats cut fraction digits beyond the asset's precision instead of refusing them.
            if await context.session.alternativeInForce("ts.time-formats") == "lenient" {
                try context.expectStatus(response, 200, 201, 204, step: "put microseconds")
            } else {
                try context.expectStatus(response, 400, step: "put microseconds")
            }
        },
        ContractCheck(
            "ts.assumption.output-format", tier: .strict, requires: .writes, verifies: ["ts.output-format"],
            "records read back _time first, then variables in aspect order, each _qc after its variable"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let at = TS.window(15) + 1000
            try await put(
                context, ids,
                [
                    .object([
                        "ok": .bool(true), "counter": .int(3), "temperature_qc": .int(1), "temperature": .double(1.5),
                        "_time": time(at),
                    ])
                ])
            let records = try await context.eventually { try await get(context, ids, TS.range(at - 1, at)) }
            let keys = records.first?.objectValue?.keys ?? []
            try context.ensure(keys == ["_time", "temperature", "temperature_qc", "counter", "ok"], "keys are \(keys)")
        },
        ContractCheck(
            "ts.assumption.quality-code", tier: .strict, requires: .writes, verifies: ["ts.quality-code"],
            "_qc is refused for a variable without qualityCode"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send(
                "put counter_qc", .put, TS.series(ids),
                json: .array([.object(["_time": time(TS.window(16)), "counter": .int(1), "counter_qc": .int(1)])]))
            try context.expectStatus(response, 400, step: "put counter_qc")
        },
        ContractCheck(
            "ts.assumption.one-sided-range", tier: .strict, requires: .writes, verifies: ["ts.one-sided-range"],
            "only from: the records after from"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try await AssetManagementAssumptionChecks.newAsset(context, "onesided", ids)
            let path = "\(TS.base)/\(try context.string(created, "assetId", step: "create"))/\(ids.aspectName)"
            let at = TS.window(17)
            let records = [TS.record(at + 1000, temperature: 1.5, counter: 1), TS.record(at + 2000, temperature: 2.5, counter: 2)]
            try context.expectStatus(try await context.send("put", .put, path, json: .array(records)), 200, 201, 204, step: "put")
            try await context.eventually {
                let from = PercentDecoding.encode(Timestamp.format(milliseconds: at + 1000))
                let array = try context.json(try await context.send("get from", .get, path + "?from=" + from), step: "get from").arrayValue
                try context.ensure(array == [records[1]], "only-from answered \(array?.count ?? 0) records")
            }
        },
        ContractCheck(
            "ts.assumption.bad-query", tier: .strict, requires: .writes, verifies: ["ts.bad-query"],
            "from after to answers 400 {id,message}"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("from after to", .get, TS.series(ids) + "?" + TS.range(TS.window(1), TS.window(0)))
            try context.expectTimeSeriesError(response, status: 400, step: "from after to")
        },
        ContractCheck(
            "ts.assumption.select", tier: .strict, requires: .writes, verifies: ["ts.select"],
            "select=counter answers _time and counter only; an unknown name answers 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let at = TS.window(18) + 1000
            try await put(context, ids, [TS.record(at, temperature: 1.5, counter: 4)])
            let records = try await context.eventually { try await get(context, ids, TS.range(at - 1, at) + "&select=counter") }
            try context.ensure(records.first?.objectValue?.keys == ["_time", "counter"], "select answered \(records.first?.objectValue?.keys ?? [])")
            let bad = try await context.send("select unknown", .get, TS.series(ids) + "?" + TS.range(at - 1, at) + "&select=pressure")
            try context.expectStatus(bad, 400, step: "select unknown")
        },
        ContractCheck(
            "ts.assumption.payload-too-large", tier: .strict, requires: .writes, verifies: ["ts.payload-too-large"],
            "a PUT above 1 MB answers 413 {id,message}"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            var records: [JSONValue] = []
            let start = TS.window(19)
            for offset in 0..<18_000 { records.append(.object(["_time": time(start + Int64(offset)), "label": .string("xxxxxxxxxxxxxxxxxxxx")])) }
            let response = try await context.send("PUT 1.1 MB", .put, TS.series(ids), json: .array(records))
            try context.expectTimeSeriesError(response, status: 413, step: "PUT 1.1 MB")
        },
        ContractCheck(
            "ts.assumption.ingestion", tier: .strict, requires: .writes, verifies: ["ts.ingestion-delay"],
            "a written record becomes readable as a whole (at once on a fake without delay, later on a real tenant)"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let at = TS.window(20) + 1000
            let record = TS.record(at, temperature: 7.5, counter: 7)
            try await put(context, ids, [record])
            try await context.eventually {
                let records = try await get(context, ids, TS.range(at - 1, at))
                try context.ensure(records == [record], "the record is not readable (yet)")
            }
        },
    ]
}
