import Foundation
import HTTPTypes
import MindSphereFake

extension AggregatesChecks {
    static let behaviour: [ContractCheck] = [
        ContractCheck(
            "agg.v4.select", tier: .behaviour, requires: .writes, verifies: ["agg.select"],
            "select=temperature.sum answers only that field; a STRING variable or an unknown field answers 400"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggsel", records(base))
            let items = try await itemsV4(context, asset, sixMinutes(base) + "&select=temperature.sum", count: 2)
            try context.ensure(
                items[0]["temperature"]?.objectValue?.keys == ["sum"],
                "select answered \(items[0]["temperature"]?.objectValue?.keys ?? [])")
            try context.ensure(items[0]["counter"] == nil, "an unselected variable was answered")
            try context.expectStatus(try await getV4(context, "select label", asset, sixMinutes(base) + "&select=label"), 400, step: "select label")
            try context.expectStatus(
                try await getV4(context, "select bogus", asset, sixMinutes(base) + "&select=temperature.bogus"), 400,
                step: "select bogus")
        },
        ContractCheck(
            "agg.v4.widening", tier: .behaviour, requires: .writes, verifies: ["agg.v4.alignment"],
            "from and to off the 2-minute grid are widened to interval bounds"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggwide", records(base))
            let query = "from=\(time(base + 60_000))&to=\(time(base + 180_000))&intervalUnit=minute&intervalValue=2"
            let items = try await itemsV4(context, asset, query, count: 2)
            try context.ensure(items[0]["starttime"] == .string(Timestamp.format(milliseconds: base)), "from was not widened to the interval start")
            try context.ensure(number(items[0]["temperature"]?["countgood"]) == 2, "the widened first interval does not hold both records")
        },
        ContractCheck(
            "agg.v4.defaults", tier: .behaviour, requires: .writes, verifies: ["agg.v4.defaults"],
            "v4 with only assetId and aspectName answers daily aggregates that hold the records of the last hours"
        ) { context in
            let asset = try await seeded(context, "aggdef", records(base()))
            try await context.eventually {
                let response = try await getV4(context, "get defaults", asset, "")
                try context.expectStatus(response, 200, step: "get defaults")
                let items = try context.value(try context.json(response, step: "get defaults"), "aggregates", step: "get defaults").arrayValue ?? []
                let counted = items.compactMap { number($0["temperature"]?["countgood"]) }.reduce(0, +)
                try context.ensure(counted == 3, "the default daily aggregates count \(counted) values, expected 3")
            }
        },
        ContractCheck(
            "agg.v4.limits", tier: .behaviour, requires: .writes, verifies: ["agg.v4.maximum-range", "agg.v4.errors"],
            "2-minute aggregates over 25 hours and intervalValue=3 minutes answer 400 mdsp.core.generic.invalidParameter"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let now = Int64(Date().timeIntervalSince1970 * 1000) / 3_600_000 * 3_600_000
            let long = try await getV4(
                context, "25 hours", ids.assetID,
                "from=\(time(now - 25 * 3_600_000))&to=\(time(now))&intervalUnit=minute&intervalValue=2")
            try context.expectPlatformError(long, status: 400, code: "mdsp.core.generic.invalidParameter", step: "25 hours")
            let odd = try await getV4(
                context, "3 minutes", ids.assetID,
                "from=\(time(now - 3_600_000))&to=\(time(now))&intervalUnit=minute&intervalValue=3")
            try context.expectPlatformError(odd, status: 400, code: "mdsp.core.generic.invalidParameter", step: "3 minutes")
        },
        ContractCheck(
            "agg.v3.rules", tier: .behaviour, requires: .writes, verifies: ["agg.v3.rules"],
            "v3: 1 hour from half past answers 400 {id,message}, 60 minute from half past 200; a range not a whole number of intervals 400"
        ) { context in
            let base = base()
            let asset = try await seeded(context, "aggv3", records(base))
            let half = base / 3_600_000 * 3_600_000 - 1_800_000
            let hour = try await getV3(
                context, "1 hour from half past", asset,
                "from=\(time(half))&to=\(time(half + 7_200_000))&intervalUnit=hour&intervalValue=1")
            try context.expectTimeSeriesError(hour, status: 400, step: "1 hour from half past")
            let minutes = try await getV3(
                context, "60 minute from half past", asset,
                "from=\(time(half))&to=\(time(half + 7_200_000))&intervalUnit=minute&intervalValue=60")
            try context.expectStatus(minutes, 200, step: "60 minute from half past")
            let ragged = try await getV3(
                context, "ragged range", asset, "from=\(time(base))&to=\(time(base + 360_000))&intervalUnit=minute&intervalValue=4")
            try context.expectTimeSeriesError(ragged, status: 400, step: "ragged range")
            let missing = try await getV3(context, "no intervalUnit", asset, "from=\(time(base))&to=\(time(base + 360_000))&intervalValue=2")
            try context.expectTimeSeriesError(missing, status: 400, step: "no intervalUnit")
        },
        ContractCheck(
            "agg.unknown-asset", tier: .behaviour, verifies: ["agg.unknown-asset"],
            "v3 for an unknown asset answers 404 {id,message}, v4 404 mdsp.core.generic.notFound"
        ) { context in
            let base = base()
            let unknown = context.unknownID()
            try context.expectTimeSeriesError(try await getV3(context, "v3 unknown", unknown, sixMinutes(base)), status: 404, step: "v3 unknown")
            try context.expectPlatformError(
                try await getV4(context, "v4 unknown", unknown, sixMinutes(base)), status: 404,
                code: "mdsp.core.generic.notFound", step: "v4 unknown")
        },
    ]
}
