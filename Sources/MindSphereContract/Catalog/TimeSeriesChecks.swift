import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of IoT Time Series v3 (`/api/iottimeseries/v3`), writing into the run's own asset.
public enum TimeSeriesChecks {
    static let base = "/api/iottimeseries/v3/timeseries"

    /// All time-series checks.
    public static var all: [ContractCheck] { happyPaths + behaviour + strict }

    /// The start of a check's private time window: three hours ago (whole minute) plus `slot` times 5 minutes, so
    /// checks sharing the run's series never read each other's records.
    static func window(_ slot: Int) -> Int64 {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return (now / 60_000) * 60_000 - 3 * 3_600_000 + Int64(slot) * 300_000
    }

    /// A record of the run's `metrics` aspect.
    static func record(_ milliseconds: Int64, temperature: Double, counter: Int, label: String = "ok", ok: Bool = true) -> JSONValue {
        .object([
            "_time": .string(Timestamp.format(milliseconds: milliseconds)),
            "temperature": .double(temperature),
            "counter": .int(counter),
            "label": .string(label),
            "ok": .bool(ok),
        ])
    }

    /// `?from=...&to=...` for `(from, to]`.
    static func range(_ from: Int64, _ to: Int64) -> String {
        "from=" + PercentDecoding.encode(Timestamp.format(milliseconds: from)) + "&to=" + PercentDecoding.encode(Timestamp.format(milliseconds: to))
    }

    static func series(_ ids: RunFixtures.Ids) -> String { "\(base)/\(ids.assetID)/\(ids.aspectName)" }

    static let happyPaths: [ContractCheck] = [
        ContractCheck(
            "ts.put-get", tier: .happyPath, requires: .writes,
            "PUT two records answers 2xx; GET over their range reads them back unchanged"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let start = window(0)
            let records = [record(start + 1_001, temperature: 21.5, counter: 1), record(start + 2_002, temperature: 22.25, counter: 2, ok: false)]
            let put = try await context.send("put records", .put, series(ids), json: .array(records))
            try context.expectStatus(put, 200, 201, 204, step: "put records")
            let read = try await context.eventually {
                let response = try await context.send("get records", .get, series(ids) + "?" + range(start, start + 10_000))
                try context.expectStatus(response, 200, step: "get records")
                let array = try context.json(response, step: "get records").arrayValue ?? []
                try context.ensure(array.count == 2, "get records: \(array.count) records, expected 2")
                return array
            }
            try context.ensure(read == records, "the records read back differ from those written")
        }
    ]

    static let behaviour: [ContractCheck] = [
        ContractCheck(
            "ts.put.time-format", tier: .behaviour, requires: .writes, verifies: ["ts.time-formats"],
            "a _time without T and Z is refused with 400; one with +01:00 tells strict (400) from lenient (stored in UTC)"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let bad: JSONValue = .array([.object(["_time": .string("2023-02-20 02:01:01"), "temperature": .double(1.5)])])
            try context.expectStatus(try await context.send("put bad _time", .put, series(ids), json: bad), 400, step: "bad _time")
            let at = window(22) + 1000
            // The same instant written one hour ahead with +01:00.
            let local = String(Timestamp.format(milliseconds: at + 3_600_000).dropLast()) + "+01:00"
            let offset: JSONValue = .array([.object(["_time": .string(local), "temperature": .double(1.5)])])
            let response = try await context.send("put offset _time", .put, series(ids), json: offset)
            if response.status.code == 400 {
                try await context.expectAlternative("ts.time-formats", observed: "strict")
                return
            }
            try context.expectStatus(response, 200, 201, 204, step: "offset _time")
            try await context.eventually {
                let array = try context.json(try await context.send("get", .get, series(ids) + "?" + range(at - 1, at)), step: "get").arrayValue ?? []
                try context.ensure(
                    array.first?["_time"] == .string(Timestamp.format(milliseconds: at)),
                    "the +01:00 record is not stored at its UTC instant")
            }
            try await context.expectAlternative("ts.time-formats", observed: "lenient")
        },
        ContractCheck(
            "ts.put.time-without-millis", tier: .behaviour, requires: .writes,
            "a _time without fraction is accepted and read back with .000Z"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let start = window(1)
            let text = Timestamp.formatSeconds(milliseconds: start + 1000)
            let put = try await context.send(
                "put without millis", .put, series(ids),
                json: .array([.object(["_time": .string(text), "counter": .int(5)])]))
            try context.expectStatus(put, 200, 201, 204, step: "put without millis")
            let time = try await context.eventually {
                let array = try context.json(try await context.send("get", .get, series(ids) + "?" + range(start, start + 2000)), step: "get")
                    .arrayValue
                guard let time = array?.first?["_time"]?.stringValue else { throw CheckFailure("get: no record") }
                return time
            }
            try context.ensure(time == Timestamp.format(milliseconds: start + 1000), "_time read back as '\(time)'")
        },
        ContractCheck(
            "ts.put.type-mismatch", tier: .behaviour, requires: .writes, verifies: ["ts.strict-types"],
            "a non-numeric string in a DOUBLE variable is refused with 400; \"15\" in INT tells coerce (read back 15) from strict (400)"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let bad: JSONValue = .array([.object(["_time": .string(Timestamp.format(milliseconds: window(2))), "temperature": .string("warm")])])
            try context.expectStatus(try await context.send("put string in DOUBLE", .put, series(ids), json: bad), 400, step: "string in DOUBLE")
            let at = window(23) + 1000
            let quoted: JSONValue = .array([
                .object([
                    "_time": .string(Timestamp.format(milliseconds: at)), "counter": .string("15"),
                    "temperature": .string("1.5"), "ok": .string("true"),
                ])
            ])
            let response = try await context.send("put quoted values", .put, series(ids), json: quoted)
            if response.status.code == 400 {
                try await context.expectAlternative("ts.strict-types", observed: "strict")
                return
            }
            try context.expectStatus(response, 200, 201, 204, step: "\"15\" in INT")
            try await context.eventually {
                let array = try context.json(try await context.send("get", .get, series(ids) + "?" + range(at - 1, at)), step: "get").arrayValue ?? []
                let record = array.first
                try context.ensure(
                    record?["counter"] == .int(15) && record?["temperature"] == .double(1.5) && record?["ok"] == .bool(true),
                    "string values did not read back as typed JSON: \(record.map(JSONWriter.string) ?? "no record")")
            }
            try await context.expectAlternative("ts.strict-types", observed: "coerce")
        },
        ContractCheck(
            "ts.put.unknown-variable", tier: .behaviour, requires: .writes, verifies: ["ts.unknown-variable"],
            "a field that is no variable of the aspect is refused with 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let bad: JSONValue = .array([.object(["_time": .string(Timestamp.format(milliseconds: window(2))), "pressure": .double(1)])])
            try context.expectStatus(try await context.send("put unknown variable", .put, series(ids), json: bad), 400, step: "unknown variable")
        },
        ContractCheck(
            "ts.put.replace", tier: .behaviour, requires: .writes,
            "a record at an existing _time replaces the whole record (left-out variables vanish)"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let time = window(3) + 500
            try context.expectStatus(
                try await context.send("put first", .put, series(ids), json: .array([record(time, temperature: 1.5, counter: 1)])),
                200, 201, 204, step: "put first")
            let second: JSONValue = .object(["_time": .string(Timestamp.format(milliseconds: time)), "counter": .int(9)])
            try context.expectStatus(
                try await context.send("put replacement", .put, series(ids), json: .array([second])),
                200, 201, 204, step: "put replacement")
            try await context.eventually {
                let array =
                    try context.json(try await context.send("get", .get, series(ids) + "?" + range(time - 1, time)), step: "get").arrayValue ?? []
                try context.ensure(array == [second], "read back \(array.map(JSONWriter.string)), expected only the replacement")
            }
        },
        ContractCheck(
            "ts.get.paging", tier: .behaviour, requires: .writes, verifies: ["ts.link-header"],
            "more records than limit answers a page with Link rel=next that leads to the rest"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let start = window(4)
            let records = (1...5).map { record(start + Int64($0) * 1000, temperature: Double($0) + 0.5, counter: $0) }
            try context.expectStatus(try await context.send("put five", .put, series(ids), json: .array(records)), 200, 201, 204, step: "put five")
            let first = try await context.eventually {
                let response = try await context.send("page 1", .get, series(ids) + "?" + range(start, start + 10_000) + "&limit=2")
                try context.ensure(context.decodedCount(response) == 2, "page 1: not 2 records")
                return response
            }
            let link = first.header("Link") ?? ""
            try context.ensure(link.hasPrefix("<") && link.contains("rel=\"next\""), "Link header is '\(link)'")
            let url = String(link.dropFirst().prefix { $0 != ">" })
            let second = try await context.send("page 2", .get, context.localTarget(fromLink: url))
            try context.expectStatus(second, 200, step: "page 2")
            let array = try context.json(second, step: "page 2").arrayValue ?? []
            try context.ensure(array.first == records[2], "page 2 does not start with the third record")
        },
        ContractCheck(
            "ts.get.latest-record", tier: .behaviour, requires: .writes,
            "GET without from/to answers only the latest record"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(
                try await AssetManagementChecks.createAsset(context, "create asset", name: "latest", ids: ids),
                step: "create asset")
            let path = "\(base)/\(try context.string(created, "assetId", step: "create asset"))/\(ids.aspectName)"
            let start = window(5)
            let records = [record(start + 1000, temperature: 1.5, counter: 1), record(start + 2000, temperature: 2.5, counter: 2)]
            try context.expectStatus(try await context.send("put two", .put, path, json: .array(records)), 200, 201, 204, step: "put two")
            try await context.eventually {
                let array = try context.json(try await context.send("get latest", .get, path), step: "get latest").arrayValue ?? []
                try context.ensure(array == [records[1]], "GET without range answered \(array.count) records, expected the latest only")
            }
        },
        ContractCheck(
            "ts.get.latest-value", tier: .behaviour, requires: .writes, verifies: ["ts.latest-value-shape"],
            "latestValue=true answers the latest value of each variable, from different records"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(
                try await AssetManagementChecks.createAsset(context, "create asset", name: "latestvalue", ids: ids),
                step: "create asset")
            let path = "\(base)/\(try context.string(created, "assetId", step: "create asset"))/\(ids.aspectName)"
            let start = window(6)
            let older: JSONValue = .object(["_time": .string(Timestamp.format(milliseconds: start)), "counter": .int(7)])
            let newer: JSONValue = .object(["_time": .string(Timestamp.format(milliseconds: start + 60_000)), "temperature": .double(3.5)])
            try context.expectStatus(try await context.send("put two", .put, path, json: .array([older, newer])), 200, 201, 204, step: "put two")
            try await context.eventually {
                let array =
                    try context.json(
                        try await context.send("get latestValue", .get, path + "?latestValue=true"),
                        step: "get latestValue"
                    ).arrayValue ?? []
                try context.ensure(array.contains { $0["counter"] == .int(7) }, "latestValue lacks counter 7")
                try context.ensure(array.contains { $0["temperature"] == .double(3.5) }, "latestValue lacks temperature 3.5")
            }
        },
        ContractCheck(
            "ts.put.multi-partial", tier: .behaviour, requires: .writes, verifies: ["ts.multi-put-body"],
            "PUT /timeseries answers 202; a bad pair is skipped and the good one stored"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let time = window(7) + 1000
            let body: JSONValue = .object([
                "timeseries": .array([
                    .object([
                        "entityId": .string(ids.assetID), "propertySetName": .string(ids.aspectName),
                        "data": .array([record(time, temperature: 5.5, counter: 5)]),
                    ]),
                    .object([
                        "entityId": .string(ids.assetID), "propertySetName": .string(context.prefix.name("noaspect")),
                        "data": .array([record(time, temperature: 6.5, counter: 6)]),
                    ]),
                ])
            ])
            let multi = try await context.send("multi put", .put, base, json: body)
            try context.expectStatus(multi, 202, step: "multi put")
            let skipped = try context.json(multi, step: "multi put")["errors"]?.arrayValue ?? []
            try context.ensure(
                skipped.count == 1 && skipped[0]["propertySetName"]?.stringValue == context.prefix.name("noaspect"),
                "the 202 body does not name the skipped pair")
            try await context.eventually {
                let array =
                    try context.json(try await context.send("get", .get, series(ids) + "?" + range(time - 1, time)), step: "get").arrayValue ?? []
                try context.ensure(array == [record(time, temperature: 5.5, counter: 5)], "the good pair's record was not stored")
            }
        },
        ContractCheck("ts.delete", tier: .behaviour, requires: .writes, verifies: ["ts.delete"], "DELETE with from/to removes the range") { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let start = window(8)
            try context.expectStatus(
                try await context.send("put", .put, series(ids), json: .array([record(start + 1000, temperature: 1.5, counter: 1)])),
                200, 201, 204, step: "put")
            try context.expectStatus(
                try await context.send("delete", .delete, series(ids) + "?" + range(start, start + 2000)), 200, 204, step: "delete")
            try await context.eventually {
                let array = try context.json(try await context.send("get", .get, series(ids) + "?" + range(start, start + 2000)), step: "get")
                    .arrayValue
                try context.ensure(array == [], "records remain after DELETE")
            }
        },
    ]
}

extension CheckContext {
    /// The number of records in a JSON-array response (0 when it is not one).
    func decodedCount(_ response: FakeResponse) -> Int {
        response.bodyJSON?.arrayValue?.count ?? 0
    }
}
