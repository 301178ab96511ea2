import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesDeleteTests {
    private let path = "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/acceleration"

    @Test func delete_removesRecordsAfterFromUpToAndIncludingTo() {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 5))
        let response = harness.send(.delete, path + "?from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:22.000Z")
        #expect(response.status == .noContent)
        #expect(response.body.isEmpty)
        let left = harness.records(harness.get("acceleration", "from=2000-01-01T00:00:00Z")).map { $0["_time"]?.stringValue ?? "" }
        #expect(left == ["2023-02-10T03:33:20.000Z", "2023-02-10T03:33:23.000Z", "2023-02-10T03:33:24.000Z"])
    }

    @Test(arguments: ["", "?from=2023-01-01T00:00:00Z", "?to=2023-01-01T00:00:00Z"])
    func delete_withoutFromOrTo_answers400(_ query: String) {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 2))
        let response = harness.send(.delete, path + query)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("required"))
        #expect(harness.store.recordCount() == 2)
    }

    @Test func delete_badTimeOrUnknownAsset_answers400Or404() {
        let harness = TimeSeriesHarness()
        #expect(harness.send(.delete, path + "?from=yesterday&to=2023-01-01T00:00:00Z").status == .badRequest)
        #expect(harness.send(.delete, path + "?from=2023-01-02T00:00:00Z&to=2023-01-01T00:00:00Z").status == .badRequest)
        let unknown = "\(TimeSeriesHarness.base)/0123456789abcdef0123456789abcdef/acceleration?from=2023-01-01T00:00:00Z&to=2023-01-02T00:00:00Z"
        #expect(harness.send(.delete, unknown).status == .notFound)
    }

    @Test func delete_alsoRemovesRecordsNotYetVisible() {
        let harness = TimeSeriesHarness()
        harness.store.ingestionDelayMilliseconds = 1000
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 3))
        harness.send(.delete, path + "?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
        #expect(harness.store.recordCount() == 0)
    }
}
