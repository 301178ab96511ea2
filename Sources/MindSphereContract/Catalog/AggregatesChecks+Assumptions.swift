import Foundation
import HTTPTypes
import MindSphereFake

extension AggregatesChecks {
    static let assumptions: [ContractCheck] = [
        ContractCheck(
            "agg.assumption.sd", tier: .behaviour, requires: .writes, verifies: ["agg.sd"],
            "sd of 21.5 and 22.5 tells population (0.5) from sample (0.7071)"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggsd", records(base))
            let items = try await itemsV4(context, asset, sixMinutes(base) + "&select=temperature", count: 2)
            let sd = number(items[0]["temperature"]?["sd"]) ?? -1
            if abs(sd - 0.5) < 1e-9 { return try await context.expectAlternative("agg.sd", observed: "population") }
            try context.ensure(abs(sd - 0.5.squareRoot()) < 1e-9, "sd is \(sd), neither 0.5 (population) nor 0.7071 (sample)")
            try await context.expectAlternative("agg.sd", observed: "sample")
        },
        ContractCheck(
            "agg.assumption.quality", tier: .behaviour, requires: .writes, verifies: ["agg.quality-classes", "agg.quality-values"],
            "quality codes 0, 0x40000000 and 0x80000000 count good, uncertain and bad; the sum tells whether all values enter it"
        ) { context in
            let base = base()
            func record(_ offset: Int64, _ value: Double, _ qc: Int) -> JSONValue {
                .object(["_time": .string(Timestamp.format(milliseconds: base + offset)), "temperature": .double(value), "temperature_qc": .int(qc)])
            }
            let asset = try await seeded(context, "aggqc", [record(10_000, 1, 0), record(20_000, 10, 0x4000_0000), record(30_000, 100, 0x8000_0000)])
            let items = try await itemsV4(context, asset, sixMinutes(base) + "&select=temperature", count: 1)
            let aggregate = try context.value(items[0], "temperature", step: "quality")
            for (field, expected) in [("countgood", 1.0), ("countuncertain", 1.0), ("countbad", 1.0)] {
                try context.ensure(
                    number(aggregate[field]) == expected, "\(field) is \(aggregate[field].map(JSONWriter.string) ?? "absent"), expected 1")
            }
            switch number(aggregate["sum"]) {
            case 111: try await context.expectAlternative("agg.quality-values", observed: "all")
            case 1: try await context.expectAlternative("agg.quality-values", observed: "good")
            case let sum: throw CheckFailure("sum is \(sum.map { String($0) } ?? "absent"), neither 111 (all values) nor 1 (good only)")
            }
        },
        ContractCheck(
            "agg.assumption.integer-values", tier: .strict, requires: .writes, verifies: ["agg.integer-values"],
            "an INT variable's sum, minvalue and maxvalue are JSON integers, its average a number"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggint", records(base))
            let items = try await itemsV4(context, asset, sixMinutes(base) + "&select=counter", count: 2)
            let counter = try context.value(items[0], "counter", step: "counter")
            for field in ["sum", "minvalue", "maxvalue"] {
                guard case .number(.integer)? = counter[field] else {
                    throw CheckFailure("counter.\(field) is \(counter[field].map(JSONWriter.string) ?? "absent"), not an integer")
                }
            }
            try context.ensure(number(counter["sum"]) == 4 && number(counter["average"]) == 2, "counter sum/average differ from 4/2")
        },
        ContractCheck(
            "agg.assumption.extreme-time", tier: .strict, requires: .writes, verifies: ["agg.extreme-time"],
            "of two equal maxima in an interval maxtime names the first"
        ) { context in
            let base = base()
            let asset = try await seeded(
                context, "aggext",
                [
                    TS.record(base + 10_000, temperature: 5, counter: 1),
                    TS.record(base + 20_000, temperature: 5, counter: 1),
                ])
            let items = try await itemsV4(context, asset, sixMinutes(base) + "&select=temperature", count: 1)
            try context.ensure(
                items[0]["temperature"]?["maxtime"] == .string(Timestamp.format(milliseconds: base + 10_000)),
                "maxtime is not the first of two equal maxima")
        },
        ContractCheck(
            "agg.assumption.count", tier: .strict, requires: .writes, verifies: ["agg.v4.count"],
            "from, 2 minute and count=2 answer the first two intervals; a count that does not match from/to answers 400"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggcount", records(base))
            _ = try await itemsV4(context, asset, "from=\(time(base))&intervalUnit=minute&intervalValue=2&count=2", count: 2)
            try context.expectStatus(try await getV4(context, "count mismatch", asset, sixMinutes(base) + "&count=2"), 400, step: "count mismatch")
        },
        ContractCheck(
            "agg.assumption.timezone", tier: .strict, requires: .writes, verifies: ["agg.timezone"],
            "daily aggregates of an asset in America/New_York start at midnight New York time"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggtz", records(base), timezone: "America/New_York")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "America/New_York")!
            let midnight = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(base + 30_000) / 1000))
            let expected = Timestamp.format(milliseconds: Int64(midnight.timeIntervalSince1970) * 1000)
            let query = "from=\(time(base))&to=\(time(base + 360_000))&intervalUnit=day&intervalValue=1"
            let items = try await itemsV4(context, asset, query, count: 1)
            try context.ensure(
                items[0]["starttime"] == .string(expected),
                "starttime is \(items[0]["starttime"].map(JSONWriter.string) ?? "absent"), expected \(expected)")
        },
    ]
}
