import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesMultiWriteTests {
    private func pair(_ aspect: String, _ data: String, asset: String = TimeSeriesHarness.asset) -> String {
        #"{"entityId":"\#(asset)","propertySetName":"\#(aspect)","data":\#(data)}"#
    }

    private func multiPut(_ harness: TimeSeriesHarness, _ pairs: [String]) -> FakeResponse {
        harness.send(.put, TimeSeriesHarness.base, body: #"{"timeseries":[\#(pairs.joined(separator: ","))]}"#)
    }

    @Test func multiPut_allPairsValid_answers202AndStoresAll() {
        let harness = TimeSeriesHarness()
        let response = multiPut(
            harness,
            [
                pair("acceleration", TimeSeriesHarness.accelerationBody(count: 3)),
                pair("mixed", #"[{"_time":"2023-01-01T00:00:00Z","count":1}]"#),
            ])
        #expect(response.status == .accepted)
        #expect(response.body.isEmpty)
        #expect(harness.store.recordCount() == 4)
    }

    @Test func multiPut_badPairs_areSkippedAndReportedWhileOthersAreStored() {
        let harness = TimeSeriesHarness()
        let response = multiPut(
            harness,
            [
                pair("acceleration", TimeSeriesHarness.accelerationBody(count: 2)),
                pair("acceleration", #"[{"_time":"2023-02-20 02:01:01","x":1}]"#),
                pair("acceleration", #"[{"_time":"2023-01-01T00:00:00Z","x":1}]"#, asset: "0123456789abcdef0123456789abcdef"),
                pair("mixed", #"[{"_time":"2023-01-01T00:00:00Z","count":1}]"#),
            ])
        #expect(response.status == .accepted)
        let errors = response.bodyJSON?["errors"]?.arrayValue ?? []
        #expect(errors.count == 2)
        #expect(errors.first?["status"] == .int(400))
        #expect(errors.first?["message"]?.stringValue?.contains("'_time'") == true)
        #expect(errors.last?["status"] == .int(404))
        #expect(errors.last?["entityId"] == .string("0123456789abcdef0123456789abcdef"))
        #expect(harness.store.recordCount() == 3)
    }

    @Test func multiPut_moreThanFivePairs_answers400AndStoresNothing() {
        let harness = TimeSeriesHarness()
        let pairs = (0..<6).map { pair("acceleration", #"[{"_time":"2023-01-01T00:00:0\#($0)Z","x":1}]"#) }
        let response = multiPut(harness, pairs)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("at most 5"))
        #expect(harness.store.recordCount() == 0)
    }

    @Test func multiPut_moreThan100Records_answers400() {
        let harness = TimeSeriesHarness()
        let response = multiPut(
            harness,
            [
                pair("acceleration", TimeSeriesHarness.accelerationBody(count: 60)),
                pair("acceleration", TimeSeriesHarness.accelerationBody(count: 41, startMilliseconds: 1_677_000_000_000)),
            ])
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("at most 100"))
        #expect(harness.store.recordCount() == 0)
    }

    @Test func multiPut_bodyAbove100Kilobytes_answers413() {
        let harness = TimeSeriesHarness()
        let padding = String(repeating: " ", count: 100 * 1024)
        let response = harness.send(
            .put, TimeSeriesHarness.base,
            body: #"{"timeseries":[\#(pair("acceleration", "[]"))]}"# + padding)
        #expect(response.status == .contentTooLarge)
    }

    @Test func multiPut_malformedEnvelope_answers400() {
        let harness = TimeSeriesHarness()
        #expect(harness.send(.put, TimeSeriesHarness.base, body: "[]").status == .badRequest)
        #expect(harness.send(.put, TimeSeriesHarness.base, body: #"{"series":[]}"#).status == .badRequest)
        #expect(harness.send(.put, TimeSeriesHarness.base, body: #"{"timeseries":[]}"#).status == .badRequest)
        let missingEntity = harness.send(
            .put, TimeSeriesHarness.base,
            body: #"{"timeseries":[{"propertySetName":"acceleration","data":[]}]}"#)
        #expect(missingEntity.status == .accepted)
        #expect(missingEntity.bodyJSON?["errors"]?.arrayValue?.first?["status"] == .int(400))
    }
}
