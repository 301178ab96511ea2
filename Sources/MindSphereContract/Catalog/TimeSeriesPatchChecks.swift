import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of IoT Time Series PATCH (create or merge), each on an asset of its own.
public enum TimeSeriesPatchChecks {
    typealias TS = TimeSeriesChecks

    /// All PATCH checks.
    public static var all: [ContractCheck] { [merge, status, null, limits, timeWindow, bigString] }

    /// A new asset of the run's type; returns the IoT Time Series path of its `metrics` aspect.
    static func series(_ context: CheckContext, _ name: String) async throws -> String {
        let ids = try await context.session.fixtures.ids(context.session)
        let asset = try await AssetManagementAssumptionChecks.newAsset(context, name, ids)
        return "\(TS.base)/\(try context.string(asset, "assetId", step: "create asset"))/\(ids.aspectName)"
    }

    /// The records of `path` in `(at - 1, at]` once the target shows `expected` (the service merges asynchronously).
    static func expectRecord(_ context: CheckContext, _ path: String, at: Int64, _ expected: JSONValue?, _ what: String) async throws {
        try await context.eventually {
            let response = try await context.send("get", .get, path + "?" + TS.range(at - 1, at))
            try context.expectStatus(response, 200, step: "get")
            let array = try context.json(response, step: "get").arrayValue ?? []
            let wanted = expected.map { [$0] } ?? []
            try context.ensure(array == wanted, "\(what): read \(array.map(JSONWriter.string)), expected \(wanted.map(JSONWriter.string))")
        }
    }

    static func time(_ milliseconds: Int64) -> JSONValue { .string(Timestamp.format(milliseconds: milliseconds)) }

    static let merge = ContractCheck(
        "ts.patch.merge", tier: .happyPath, requires: .writes,
        "PATCH replaces only the variables it names and creates a record that does not exist yet"
    ) { context in
        let path = try await series(context, "patchmerge")
        let at = TS.window(0) + 1000
        try context.expectStatus(
            try await context.send("put", .put, path, json: .array([TS.record(at, temperature: 1.5, counter: 1)])),
            200, 201, 204, step: "put")
        try await expectRecord(context, path, at: at, TS.record(at, temperature: 1.5, counter: 1), "the PUT record")
        let patch = try await context.send(
            "patch", .patch, path,
            json: .array([
                .object(["_time": time(at), "counter": .int(9)]),
                .object(["_time": time(at + 1000), "counter": .int(3)]),
            ]))
        try context.expectStatus(patch, 200, 202, 204, step: "patch")
        try await expectRecord(context, path, at: at, TS.record(at, temperature: 1.5, counter: 9), "the merged record")
        try await expectRecord(context, path, at: at + 1000, .object(["_time": time(at + 1000), "counter": .int(3)]), "the created record")
    }

    static let status = ContractCheck(
        "ts.patch.status", tier: .strict, requires: .writes, verifies: ["ts.patch-status"],
        "a valid PATCH answers without a body: 204 (no-content) or 202 (accepted)"
    ) { context in
        let path = try await series(context, "patchstatus")
        let response = try await context.send(
            "patch", .patch, path, json: .array([.object(["_time": time(TS.window(0) + 1000), "counter": .int(1)])]))
        try context.ensure(response.body.isEmpty || response.bodyText.allSatisfy(\.isWhitespace), "PATCH answered with a body")
        switch response.status.code {
        case 204: try await context.expectAlternative("ts.patch-status", observed: "no-content")
        case 202: try await context.expectAlternative("ts.patch-status", observed: "accepted")
        default: throw CheckFailure("patch: status \(response.status.code), expected 204 or 202; body \(response.bodyText.prefix(300))")
        }
    }

    static let null = ContractCheck(
        "ts.patch.null", tier: .strict, requires: .writes, verifies: ["ts.patch-null"],
        "a variable PATCHed as null loses its value; the others stay"
    ) { context in
        let path = try await series(context, "patchnull")
        let at = TS.window(0) + 1000
        try context.expectStatus(
            try await context.send("put", .put, path, json: .array([TS.record(at, temperature: 1.5, counter: 1)])),
            200, 201, 204, step: "put")
        try await expectRecord(context, path, at: at, TS.record(at, temperature: 1.5, counter: 1), "the PUT record")
        try context.expectStatus(
            try await context.send("patch", .patch, path, json: .array([.object(["_time": time(at), "label": .null])])),
            200, 202, 204, step: "patch")
        try await expectRecord(
            context, path, at: at, .object(["_time": time(at), "temperature": .double(1.5), "counter": .int(1), "ok": .bool(true)]),
            "the record after label: null")
    }

    static let limits = ContractCheck(
        "ts.patch.limits", tier: .strict, requires: .writes, verifies: ["ts.patch-limits"],
        "a PATCH of 11 records answers 400 {id,message} and stores nothing; a body above 600 KB answers 413"
    ) { context in
        let path = try await series(context, "patchlimits")
        let start = TS.window(0)
        let eleven = (1...11).map { JSONValue.object(["_time": time(start + Int64($0) * 1000), "counter": .int($0)]) }
        try context.expectTimeSeriesError(
            try await context.send("patch 11 records", .patch, path, json: .array(eleven)), status: 400,
            step: "patch 11 records")
        let stored = try await context.send("get", .get, path + "?" + TS.range(start, start + 12_000))
        try context.ensure(stored.bodyJSON == .array([]), "a refused PATCH stored records")
        let record = JSONWriter.string(.array([.object(["_time": time(start + 1000), "counter": .int(1)])]))
        let padded = Array((record + String(repeating: " ", count: 620_000)).utf8)
        try context.expectStatus(
            try await context.send("patch 620 KB", .patch, path, body: padded, headers: ["Content-Type": "application/json"]),
            413, step: "patch 620 KB")
    }

    static let timeWindow = ContractCheck(
        "ts.patch.time-window", tier: .strict, requires: .writes, verifies: ["ts.patch-time-window"],
        "a PATCH record 25 hours old or 1 hour in the future answers 400 {id,message}"
    ) { context in
        let path = try await series(context, "patchwindow")
        let now = Int64(Date().timeIntervalSince1970 * 1000) / 1000 * 1000
        for (label, at) in [("25 hours old", now - 25 * 3_600_000), ("1 hour ahead", now + 3_600_000)] {
            let response = try await context.send("patch " + label, .patch, path, json: .array([.object(["_time": time(at), "counter": .int(1)])]))
            try context.expectTimeSeriesError(response, status: 400, step: "patch " + label)
        }
    }

    static let bigString = ContractCheck(
        "ts.patch.big-string", tier: .strict, requires: .writes, verifies: ["ts.patch-big-string"],
        "a PATCH naming a BIG_STRING variable answers 400 {id,message}"
    ) { context in
        let ids = try await context.session.fixtures.ids(context.session)
        let aspect = context.prefix.typeID(tenant: context.tenant, "bignotes")
        try context.expectStatus(
            try await AssetManagementAssumptionChecks.putAspectType(
                context, "create aspect type", "bignotes",
                variables: [
                    AssetManagementAssumptionChecks.variable("note", "BIG_STRING", length: 1000),
                    AssetManagementAssumptionChecks.variable("n", "INT"),
                ]),
            200, 201, step: "create aspect type")
        let type = context.prefix.typeID(tenant: context.tenant, "bigtype")
        try context.expectStatus(
            try await context.send(
                "create asset type", .put, "/api/assetmanagement/v3/assettypes/" + type,
                json: .object([
                    "name": .string(context.prefix.name("bigtype")), "parentTypeId": .string("core.basicasset"), "scope": .string("private"),
                    "instantiable": .bool(true), "aspects": .array([.object(["name": .string("notes"), "aspectTypeId": .string(aspect)])]),
                ])), 200, 201, step: "create asset type")
        let asset = try await context.send(
            "create asset", .post, "/api/assetmanagement/v3/assets",
            json: .object([
                "name": .string(context.prefix.name("big1")), "typeId": .string(type), "parentId": .string(ids.rootAssetID),
            ]))
        let id = try context.string(try context.json(asset, step: "create asset"), "assetId", step: "create asset")
        let response = try await context.send(
            "patch BIG_STRING", .patch, "\(TS.base)/\(id)/notes",
            json: .array([.object(["_time": time(TS.window(0) + 1000), "note": .string("x"), "n": .int(1)])]))
        try context.expectTimeSeriesError(response, status: 400, step: "patch BIG_STRING")
    }
}
