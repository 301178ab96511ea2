import Foundation
import HTTPTypes
import MindSphereFake

extension TimeSeriesChecks {
    static let strict: [ContractCheck] = [
        ContractCheck("ts.put.status", tier: .strict, requires: .writes, verifies: ["ts.put-status"], "a valid PUT answers 204 without a body") {
            context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("put", .put, series(ids), json: .array([record(window(9) + 1000, temperature: 1.5, counter: 1)]))
            try context.expectStatus(response, 204, step: "put")
            try context.ensure(response.body.isEmpty, "PUT answered with a body")
        },
        ContractCheck(
            "ts.get.limit-max", tier: .strict, requires: .writes, verifies: ["ts.limit-maximum"], "limit=2001 is refused with 400 {id,message}"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("limit 2001", .get, series(ids) + "?" + range(window(0), window(1)) + "&limit=2001")
            try context.expectTimeSeriesError(response, status: 400, step: "limit 2001")
            let zero = try await context.send("limit 0", .get, series(ids) + "?" + range(window(0), window(1)) + "&limit=0")
            try context.expectTimeSeriesError(zero, status: 400, step: "limit 0")
        },
        ContractCheck(
            "ts.get.unknown-asset", tier: .strict, verifies: ["ts.unknown-asset-or-aspect"], "GET for an unknown asset answers 404 {id,message}"
        ) { context in
            let response = try await context.send("unknown asset", .get, "\(base)/\(context.unknownID())/metrics?" + range(window(0), window(1)))
            try context.expectTimeSeriesError(response, status: 404, step: "unknown asset")
        },
        ContractCheck(
            "ts.put.error-body", tier: .strict, requires: .writes, verifies: ["ts.invalid-record-400"],
            "an invalid record answers 400 {id,message} with the record index and field in the message"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let bad: JSONValue = .array([
                record(window(9) + 2000, temperature: 1.5, counter: 1),
                .object(["_time": .string(Timestamp.format(milliseconds: window(9) + 3000)), "temperature": .string("warm")]),
            ])
            let response = try await context.send("put bad second record", .put, series(ids), json: bad)
            try context.expectTimeSeriesError(response, status: 400, step: "bad record")
            let message = try context.string(try context.json(response, step: "bad record"), "message", step: "bad record")
            try context.ensure(message.contains("temperature"), "the message does not name the field")
            let stored = try await context.send("get", .get, series(ids) + "?" + range(window(9) + 1999, window(9) + 3000))
            try context.ensure(stored.bodyJSON == .array([]), "the valid first record was stored")
        },
        ContractCheck(
            "ts.put.multi-limit", tier: .strict, requires: .writes, verifies: ["ts.multi-put-limits"],
            "PUT /timeseries with 6 pairs is refused with 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let pair: JSONValue = .object([
                "entityId": .string(ids.assetID), "propertySetName": .string(ids.aspectName),
                "data": .array([record(window(10), temperature: 1.5, counter: 1)]),
            ])
            let response = try await context.send("six pairs", .put, base, json: .object(["timeseries": .array(Array(repeating: pair, count: 6))]))
            try context.expectStatus(response, 400, step: "six pairs")
        },
        ContractCheck(
            "ts.delete.requires-range", tier: .strict, requires: .writes, verifies: ["ts.delete"], "DELETE without from/to is refused with 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            try context.expectTimeSeriesError(
                try await context.send("delete without range", .delete, series(ids)), status: 400,
                step: "delete without range")
        },
    ]
}
