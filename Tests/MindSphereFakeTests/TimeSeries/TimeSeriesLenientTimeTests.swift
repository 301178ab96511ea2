import HTTPTypes
import Testing

@testable import MindSphereFake

/// Assumption `ts.time-formats`: `strict` (the default) takes only `...Z`; `lenient` takes any UTC offset, converts to
/// UTC and truncates digits finer than the asset's precision. The scanner leaves such times to the general path.
@Suite struct TimeSeriesLenientTimeTests {
    private static let lenient = try! AssumptionChoices(["ts.time-formats": "lenient"])
    private static let day = "from=2023-02-19T00:00:00Z&to=2023-02-22T00:00:00Z"

    private func storedTimes(_ harness: TimeSeriesHarness, _ aspect: String = "acceleration") -> [String] {
        harness.records(harness.get(aspect, Self.day)).compactMap { $0["_time"]?.stringValue }
    }

    @Test func strict_refusesAnOffset() {
        let harness = TimeSeriesHarness()
        let response = harness.put("acceleration", #"[{"_time":"2023-02-20T02:01:01+00:00","x":1}]"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains(TimeRules.expectedFormat))
    }

    @Test(arguments: [
        ("2023-02-20T02:01:01+00:00", "2023-02-20T02:01:01.000Z"),
        ("2023-02-20T02:01:01.123456+00:00", "2023-02-20T02:01:01.123Z"),
        ("2023-02-20T03:01:01.5+01:00", "2023-02-20T02:01:01.500Z"),
        ("2023-02-19T21:01:01-0500", "2023-02-20T02:01:01.000Z"),
        ("2023-02-20T04:01:01+02", "2023-02-20T02:01:01.000Z"),
        ("2023-02-20T02:01:01.0019Z", "2023-02-20T02:01:01.001Z"),
        ("2023-02-20T02:01:01.001Z", "2023-02-20T02:01:01.001Z"),
    ])
    func lenient_acceptsOffsets_convertsToUTC_truncatesToMilliseconds(text: String, stored: String) {
        let harness = TimeSeriesHarness(choices: Self.lenient)
        let response = harness.put("acceleration", #"[{"_time":"\#(text)","x":1}]"#)
        #expect(response.status == .noContent, "\(response.bodyText)")
        #expect(storedTimes(harness) == [stored])
    }

    @Test(arguments: [
        "2023-02-20T02:01:01", "2023-02-20 02:01:01Z", "2023-02-20T02:01:01+24:00", "2023-02-20T02:01:01+01:60",
        "2023-02-20T02:01:01+1", "2023-02-20T02:01:01+01:0", "2023-02-20T02:01:01.Z", "2023-02-20",
    ])
    func lenient_stillRefusesTimesWithoutAnInstant(text: String) {
        let harness = TimeSeriesHarness(choices: Self.lenient)
        #expect(harness.put("acceleration", #"[{"_time":"\#(text)","x":1}]"#).status == .badRequest)
    }

    @Test func lenient_simulationAsset_keepsMicrosecondsAndTruncatesFiner() {
        let harness = TimeSeriesHarness(choices: Self.lenient)
        harness.schemas.add(TimeSeriesHarness.schema("sim", [VariableDefinition(name: "x", dataType: .double)], twinType: "simulation"))
        #expect(harness.put("sim", #"[{"_time":"2023-02-20T03:01:01.123456789+01:00","x":1}]"#).status == .noContent)
        #expect(storedTimes(harness, "sim") == ["2023-02-20T02:01:01.123456Z"])
    }

    @Test func lenient_queryTimesTakeOffsets() {
        let harness = TimeSeriesHarness(choices: Self.lenient)
        #expect(harness.put("acceleration", #"[{"_time":"2023-02-20T02:01:01Z","x":1}]"#).status == .noContent)
        let from = PercentDecoding.encode("2023-02-20T03:00:00+01:00")
        let to = PercentDecoding.encode("2023-02-20T03:01:01+01:00")
        #expect(harness.records(harness.get("acceleration", "from=\(from)&to=\(to)")).count == 1)
        let strict = TimeSeriesHarness()
        #expect(strict.get("acceleration", "from=\(from)&to=\(to)").status == .badRequest)
    }

    @Test(arguments: [
        #"[{"_time":"2023-02-20T02:01:01+00:00","count":1}]"#,
        #"[{"_time":"2023-02-20T02:01:01.0015Z","level":1},{"_time":"2023-02-20T02:01:02Z","level":2}]"#,
        #"[{"_time":"2023-02-20T02:01:01Z","count":1},{"_time":"2023-02-20T03:01:01+01:00","count":2}]"#,
        #"[{"_time":"2023-02-20T02:01:01","count":1}]"#,
    ])
    func lenient_scannerAndGeneralPathAgree(_ body: String) {
        let comparison = ScanComparison(choices: Self.lenient)
        _ = comparison.put("mixed", #"[{"_time":"2023-02-20T00:00:00Z","count":1}]"#)
        let answers = comparison.put("mixed", body)
        #expect(answers.scanned == answers.general)
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
    }
}
