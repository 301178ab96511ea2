import HTTPTypes
import Testing

@testable import MindSphereFake

/// PATCH (create or merge) on the harness's `mixed` aspect: count INT with _qc, total LONG, level DOUBLE with _qc,
/// on BOOLEAN, label STRING(5), notes BIG_STRING(10), seen TIMESTAMP. The fake's now is 2023-11-14T22:13:20.000Z.
@Suite struct TimeSeriesPatchTests {
    private let at = "2023-11-14T22:00:00.000Z"
    private var path: String { "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/mixed" }

    private func patch(_ harness: TimeSeriesHarness, _ json: String, aspect: String = "mixed") -> FakeResponse {
        harness.send(.patch, "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/\(aspect)", body: json)
    }

    /// The records of the harness's `mixed` aspect over the fake's last day, as JSON text.
    private func stored(_ harness: TimeSeriesHarness) -> String {
        harness.get("mixed", "from=2023-11-13T22:13:20.000Z&to=2023-11-14T22:13:20.000Z").bodyText
    }

    @Test func patch_replacesOnlyTheGivenVariables() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"\#(at)","count":1,"level":2.5,"on":true,"label":"a"}]"#)
        let response = patch(harness, #"[{"_time":"\#(at)","level":7.25,"label":"b"}]"#)
        #expect(response.status == .noContent)
        #expect(response.body.isEmpty)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1,"level":7.25,"on":true,"label":"b"}]"#)
    }

    @Test func patch_createsARecordThatDoesNotExist_inTimeOrder() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"2023-11-14T21:00:00.000Z","count":1},{"_time":"2023-11-14T22:10:00.000Z","count":3}]"#)
        #expect(patch(harness, #"[{"_time":"\#(at)","count":2,"total":20}]"#).status == .noContent)
        #expect(
            stored(harness) == #"[{"_time":"2023-11-14T21:00:00.000Z","count":1},{"_time":"\#(at)","count":2,"total":20},"#
                + #"{"_time":"2023-11-14T22:10:00.000Z","count":3}]"#)
    }

    @Test func patch_null_removesTheStoredValue() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"\#(at)","count":1,"level":2.5}]"#)
        #expect(patch(harness, #"[{"_time":"\#(at)","level":null}]"#).status == .noContent)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1}]"#)
    }

    @Test func patch_qualityCode_mergesApartFromItsVariable() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"\#(at)","count":1,"count_qc":0}]"#)
        #expect(patch(harness, #"[{"_time":"\#(at)","count_qc":1073741824}]"#).status == .noContent)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1,"count_qc":1073741824}]"#)
    }

    @Test func patch_sameTimeTwice_mergesInOrder() {
        let harness = TimeSeriesHarness()
        #expect(patch(harness, #"[{"_time":"\#(at)","count":1,"level":1.5},{"_time":"\#(at)","count":2}]"#).status == .noContent)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":2,"level":1.5}]"#)
    }

    @Test func patch_tenRecordsAreAccepted_elevenRefused() {
        let harness = TimeSeriesHarness()
        let records = (0..<11).map { #"{"_time":"2023-11-14T22:00:0\#($0 % 10).00\#($0 / 10)Z","count":\#($0)}"# }
        let eleven = patch(harness, "[" + records.joined(separator: ",") + "]")
        #expect(eleven.status == .badRequest)
        #expect(harness.message(eleven).contains("11 records"))
        #expect(stored(harness) == "[]")
        #expect(patch(harness, "[" + records.prefix(10).joined(separator: ",") + "]").status == .noContent)
        #expect(harness.records(harness.get("mixed", "from=2023-11-13T22:13:20.000Z&to=2023-11-14T22:13:20.000Z")).count == 10)
    }

    @Test func patch_bodyOf600KB_isAccepted_oneByteMore_is413() {
        let harness = TimeSeriesHarness()
        let record = #"[{"_time":"\#(at)","count":4}]"#
        let padded = record + String(repeating: " ", count: 614_400 - record.utf8.count)
        #expect(patch(harness, padded).status == .noContent)
        let tooLarge = patch(harness, padded + " ")
        #expect(tooLarge.status == .contentTooLarge)
        #expect(harness.message(tooLarge).contains("614401"))
    }

    @Test func patch_bodyMustBeANonEmptyArray() {
        let harness = TimeSeriesHarness()
        #expect(patch(harness, "[]").status == .badRequest)
        #expect(patch(harness, #"{"_time":"\#(at)","count":1}"#).status == .badRequest)
        #expect(patch(harness, "[{").status == .badRequest)
        #expect(patch(harness, "").status == .badRequest)
        #expect(stored(harness) == "[]")
    }

    @Test func patch_futureTime_is400_nowIsAccepted() {
        let harness = TimeSeriesHarness()
        let future = patch(harness, #"[{"_time":"2023-11-14T22:13:20.001Z","count":1}]"#)
        #expect(future.status == .badRequest)
        #expect(harness.message(future).contains("future"))
        #expect(patch(harness, #"[{"_time":"2023-11-14T22:13:20.000Z","count":1}]"#).status == .noContent)
    }

    @Test func patch_olderThan24Hours_is400_exactly24HoursIsAccepted() {
        let harness = TimeSeriesHarness()
        let old = patch(harness, #"[{"_time":"2023-11-13T22:13:19.999Z","count":1}]"#)
        #expect(old.status == .badRequest)
        #expect(harness.message(old).contains("24 hours"))
        #expect(patch(harness, #"[{"_time":"2023-11-13T22:13:20.000Z","count":1}]"#).status == .noContent)
    }

    @Test func patch_movingClock_movesTheWindow() {
        let harness = TimeSeriesHarness()
        harness.clock.advance(milliseconds: 86_400_000)
        #expect(patch(harness, #"[{"_time":"2023-11-15T22:00:00.000Z","count":1}]"#).status == .noContent)
        #expect(patch(harness, #"[{"_time":"\#(at)","count":1}]"#).status == .badRequest)
    }

    @Test func patch_bigString_is400_withValueOrNull() {
        let harness = TimeSeriesHarness()
        let value = patch(harness, #"[{"_time":"\#(at)","notes":"x"}]"#)
        #expect(value.status == .badRequest)
        #expect(harness.message(value).contains("BIG_STRING"))
        #expect(patch(harness, #"[{"_time":"\#(at)","count":1,"notes":null}]"#).status == .badRequest)
        #expect(stored(harness) == "[]")
    }

    @Test func patch_oneBadRecord_storesNothing() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"\#(at)","count":1}]"#)
        let badType = patch(harness, #"[{"_time":"\#(at)","count":2},{"_time":"2023-11-14T22:01:00.000Z","count":"many"}]"#)
        #expect(badType.status == .badRequest)
        #expect(harness.message(badType).contains("record 1"))
        let badTime = patch(harness, #"[{"_time":"\#(at)","count":2},{"_time":"2023-11-15T00:00:00.000Z","count":3}]"#)
        #expect(badTime.status == .badRequest)
        #expect(harness.message(badTime).contains("record 1"))
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1}]"#)
    }

    @Test func patch_validatesLikePut() {
        let harness = TimeSeriesHarness()
        #expect(patch(harness, #"[{"_time":"\#(at)","pressure":1}]"#).status == .badRequest)
        #expect(patch(harness, #"[{"_time":"\#(at)","label":"toolong"}]"#).status == .badRequest)
        #expect(patch(harness, #"[{"_time":"\#(at)","on_qc":1}]"#).status == .badRequest)
        #expect(patch(harness, #"[{"count":1}]"#).status == .badRequest)
        #expect(patch(harness, #"[{"_time":"2023-11-14T22:00:00.000+01:00","count":1}]"#).status == .badRequest)
        #expect(stored(harness) == "[]")
    }

    @Test func patch_stringNumbers_followStrictTypes() {
        let coerce = TimeSeriesHarness()
        #expect(patch(coerce, #"[{"_time":"\#(at)","count":"15"}]"#).status == .noContent)
        #expect(stored(coerce) == #"[{"_time":"\#(at)","count":15}]"#)
        let strict = TimeSeriesHarness(choices: try! AssumptionChoices(["ts.strict-types": "strict"]))
        #expect(patch(strict, #"[{"_time":"\#(at)","count":"15"}]"#).status == .badRequest)
    }

    @Test func patch_lenientTimes_acceptOffsets() throws {
        let harness = TimeSeriesHarness(choices: try AssumptionChoices(["ts.time-formats": "lenient"]))
        #expect(patch(harness, #"[{"_time":"2023-11-14T23:00:00.000+01:00","count":1}]"#).status == .noContent)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1}]"#)
    }

    @Test func patch_unknownAssetOrAspect_is404_staticAspect_is400() {
        let harness = TimeSeriesHarness()
        let unknown = harness.send(.patch, "\(TimeSeriesHarness.base)/0123456789abcdef0123456789abcdef/mixed", body: #"[{"_time":"\#(at)"}]"#)
        #expect(unknown.status == .notFound)
        #expect(patch(harness, #"[{"_time":"\#(at)","count":1}]"#, aspect: "noaspect").status == .notFound)
        harness.schemas.add(
            TimeSeriesHarness.schema(
                "nameplate", [VariableDefinition(name: "serial", dataType: .string, length: 20)],
                category: .static))
        #expect(patch(harness, #"[{"_time":"\#(at)","serial":"a"}]"#, aspect: "nameplate").status == .badRequest)
    }

    @Test func patch_acceptedAlternative_answers202() throws {
        let harness = TimeSeriesHarness(choices: try AssumptionChoices(["ts.patch-status": "accepted"]))
        let response = patch(harness, #"[{"_time":"\#(at)","count":1}]"#)
        #expect(response.status == .accepted)
        #expect(response.body.isEmpty)
    }

    @Test func patch_ingestionDelay_mergesAfterThePendingPutInWriteOrder() {
        let harness = TimeSeriesHarness()
        harness.store.ingestionDelayMilliseconds = 1000
        harness.put("mixed", #"[{"_time":"\#(at)","count":1,"level":2.5}]"#)
        harness.clock.advance(milliseconds: 500)
        #expect(patch(harness, #"[{"_time":"\#(at)","level":9.5}]"#).status == .noContent)
        #expect(stored(harness) == "[]")
        harness.clock.advance(milliseconds: 500)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1,"level":2.5}]"#)
        harness.clock.advance(milliseconds: 500)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1,"level":9.5}]"#)
    }

    @Test func delete_removesAPendingPatch_andKeepsItsOtherRecords() {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"\#(at)","count":1,"level":2.5}]"#)
        harness.store.ingestionDelayMilliseconds = 1000
        #expect(patch(harness, #"[{"_time":"2023-11-14T21:00:00.000Z","count":5},{"_time":"\#(at)","level":null}]"#).status == .noContent)
        harness.send(.delete, path + "?from=2023-11-14T20:00:00.000Z&to=2023-11-14T21:00:00.000Z")
        harness.clock.advance(milliseconds: 1000)
        #expect(stored(harness) == #"[{"_time":"\#(at)","count":1}]"#)
    }
}
