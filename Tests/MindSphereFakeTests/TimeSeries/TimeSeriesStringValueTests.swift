import HTTPTypes
import Testing

@testable import MindSphereFake

/// Assumption `ts.strict-types`: under `coerce` (the default) numbers and Booleans may come as strings of their
/// type and read back typed; under `strict` they are refused, by the scanner and the general path alike.
@Suite struct TimeSeriesStringValueTests {
    private static let time = "2023-02-20T02:01:01.001Z"

    @Test func put_stringValues_areStoredTypedAndReadBackAsJSON() {
        let harness = TimeSeriesHarness()
        let put = harness.put(
            "mixed", #"[{"_time":"\#(Self.time)","count":"15","count_qc":"3","total":"-9","level":"1.5","on":"true","label":"15"}]"#)
        #expect(put.status == .noContent, "\(put.bodyText)")
        let records = harness.records(harness.get("mixed", "from=2023-02-20T00:00:00Z&to=2023-02-21T00:00:00Z"))
        #expect(records.count == 1)
        let record = records.first ?? [:]
        #expect(record["count"] == .int(15))
        #expect(record["count_qc"] == .int(3))
        #expect(record["total"] == .int(-9))
        #expect(record["level"] == .double(1.5))
        #expect(record["on"] == .bool(true))
        #expect(record["label"] == .string("15"))
    }

    @Test(arguments: [("count", "15.0"), ("count", " "), ("count", "2147483648"), ("level", "NaN"), ("level", "Infinity"), ("on", "yes")])
    func put_unparsableString_isRefusedNamingTheField(field: String, text: String) {
        let harness = TimeSeriesHarness()
        let response = harness.put("mixed", #"[{"_time":"\#(Self.time)","\#(field)":"\#(text)"}]"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("record 0: field '\(field)'"), "\(harness.message(response))")
    }

    @Test func put_numberForAStringVariable_staysRefused() {
        let harness = TimeSeriesHarness()
        #expect(harness.put("mixed", #"[{"_time":"\#(Self.time)","label":5}]"#).status == .badRequest)
        #expect(harness.put("mixed", #"[{"_time":"\#(Self.time)","seen":1676851261001}]"#).status == .badRequest)
    }

    @Test(arguments: ScanBodies.coerced)
    func strict_refusesStringValues_onBothPaths(_ body: String) throws {
        let comparison = ScanComparison(choices: try AssumptionChoices(["ts.strict-types": "strict"]))
        _ = comparison.put("mixed", #"[{"_time":"2023-02-20T00:00:00Z","count":1}]"#)
        let answers = comparison.put("mixed", body)
        #expect(answers.scanned.hasPrefix("400"), "\(answers.scanned)")
        #expect(answers.scanned == answers.general)
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
    }

    @Test(arguments: ScanBodies.coerced)
    func scanner_readsStringValuesOnlyUnderCoerce(_ body: String) throws {
        let harness = TimeSeriesHarness()
        guard
            case .found(let schema) = harness.schemas.aspectSchema(
                tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset, aspectName: "mixed")
        else {
            throw ScanTestError.noSchema
        }
        let layout = SeriesLayout(schema: schema)
        let expected = try RecordValidator(layout: layout, coercion: .coerce).batch(fromBody: JSONParser.parse(body))
        let scanned = try #require(RecordScanner.batch(Array(body.utf8), layout: layout, coercion: .coerce))
        #expect(BatchText.of(scanned) == BatchText.of(expected))
        #expect(RecordScanner.batch(Array(body.utf8), layout: layout, coercion: .strict) == nil)
        #expect(throws: FakeError.self) {
            try RecordValidator(layout: layout, coercion: .strict).batch(fromBody: JSONParser.parse(body))
        }
    }
}
