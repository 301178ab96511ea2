import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesTimeRuleTests {
    private func putTime(_ harness: TimeSeriesHarness, _ timeJSON: String) -> FakeResponse {
        harness.put("acceleration", #"[{"_time":\#(timeJSON),"x":1.0}]"#)
    }

    @Test(arguments: [
        #""2023-13-01T00:00:00.000Z""#,  // month 13
        #""2023-02-30T00:00:00.000Z""#,  // Feb 30
        #""2023-02-20T02:01:01.001""#,  // missing Z
        #""2023-02-20T02:01:01.001+01:00""#,
        #""""#,  // empty string
        #""2023-02-20 02:01:01""#,
        #""2023-02-20""#,
        #""2023-02-20T25:00:00Z""#,
    ])
    func put_invalidTimeString_answers400WithExpectedFormat(_ time: String) {
        let harness = TimeSeriesHarness()
        let response = putTime(harness, time)
        #expect(response.status == .badRequest)
        let message = harness.message(response)
        #expect(message.contains("record 0"))
        #expect(message.contains("'_time'"))
        #expect(message.contains("YYYY-MM-DDThh:mm:ss.SSSZ"))
        #expect(harness.store.recordCount() == 0)
    }

    @Test func put_timeAsNumber_answers400NamingType() {
        let harness = TimeSeriesHarness()
        let response = putTime(harness, "1676851261001")
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("got a number"))
    }

    @Test func put_missingTime_answers400() {
        let harness = TimeSeriesHarness()
        let response = harness.put("acceleration", #"[{"x":1.0}]"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("'_time' is missing"))
    }

    @Test func put_timeWithoutFraction_isStoredAndReadWithThreeDigits() {
        let harness = TimeSeriesHarness()
        #expect(putTime(harness, #""2019-03-10T23:00:00Z""#).status == .noContent)
        let records = harness.records(harness.get("acceleration"))
        #expect(records.first?["_time"] == .string("2019-03-10T23:00:00.000Z"))
    }

    @Test func put_subMillisecondTimeOnPerformanceAsset_answers400() {
        let harness = TimeSeriesHarness()
        let response = putTime(harness, #""2023-02-20T02:01:01.001234Z""#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("millisecond"))
    }

    @Test func put_microsecondTimeOnSimulationAsset_isKeptToTheMicrosecond() {
        let harness = TimeSeriesHarness()
        harness.schemas.add(
            TimeSeriesHarness.schema(
                "sim", [VariableDefinition(name: "v", dataType: .double)],
                twinType: "simulation"))
        #expect(harness.put("sim", #"[{"_time":"2023-02-20T02:01:01.001234Z","v":1}]"#).status == .noContent)
        let records = harness.records(harness.get("sim"))
        #expect(records.first?["_time"] == .string("2023-02-20T02:01:01.001234Z"))
    }

    @Test func put_leapDay_isAccepted() {
        let harness = TimeSeriesHarness()
        #expect(putTime(harness, #""2024-02-29T12:00:00.500Z""#).status == .noContent)
    }
}
