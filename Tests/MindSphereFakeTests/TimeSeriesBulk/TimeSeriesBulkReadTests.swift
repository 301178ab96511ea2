import Foundation
import HTTPTypes
import Testing

@testable import MindSphereFake

/// The TS Bulk read over records written with IoT Time Series PUT: `acceleration` record n (n = 0...) is at
/// 2023-02-10T03:33:20.000Z + n seconds with x = n + 0.5.
@Suite struct TimeSeriesBulkReadTests {
    private let asset = TimeSeriesHarness.asset
    /// The range of records 1...9 (from is exclusive: record 0 is left out).
    private let range = "from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:29.000Z"

    private func harness(records: Int = 10, maximumResponseBytes: Int = TimeSeriesBulkAPI.defaultMaximumResponseBytes) -> BulkHarness {
        let harness = BulkHarness(maximumResponseBytes: maximumResponseBytes)
        harness.series.put("acceleration", TimeSeriesHarness.accelerationBody(count: records))
        return harness
    }

    /// A size limit that leaves room for exactly three `select=x` records (44 bytes each, 45 with the comma) and a
    /// nextRecord as long as `url`: `{"records":[` (12) + 3 × 45 − 1 + the renderer's reserve (24 + the quoted
    /// URL), plus 44 bytes, one short of a fourth record.
    private func roomForThree(nextURL url: String) -> Int {
        12 + 3 * 45 - 1 + 24 + url.utf8.count + 2 + 44
    }

    private func path(_ url: String) -> String {
        String(url.dropFirst("http://127.0.0.1:8080".count))
    }

    @Test func read_fromIsExclusiveAndToInclusive_withoutNextRecord() {
        let harness = harness()
        let response = harness.get("acceleration", "from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:23.000Z")
        #expect(response.status == .ok)
        #expect(response.header("Content-Type") == "application/json")
        #expect(harness.xs(response) == [1.5, 2.5, 3.5])
        #expect(response.bodyJSON?.objectValue?.keys == ["records"])
        #expect(
            harness.records(response).first == [
                "_time": .string("2023-02-10T03:33:21.000Z"), "x": .double(1.5), "y": .double(1.25), "z": .double(-2),
            ])
    }

    @Test func read_answersMoreThan2000RecordsAtOnce() {
        let harness = harness(records: 2_500)
        let response = harness.get("acceleration", "from=2023-02-10T03:33:19.000Z&to=2023-02-11T00:00:00.000Z")
        #expect(harness.records(response).count == 2_500)
        #expect(harness.nextRecord(response) == nil)
    }

    @Test func read_noRecordsInRange_answersEmptyRecords() {
        let harness = harness()
        let response = harness.get("acceleration", "from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z")
        #expect(response.status == .ok)
        #expect(response.bodyText == #"{"records":[]}"#)
    }

    @Test func read_limit_capsTheWholeRead_withoutNextRecord() {
        let harness = harness()
        let response = harness.get("acceleration", range + "&limit=4")
        #expect(harness.xs(response) == [1.5, 2.5, 3.5, 4.5])
        #expect(harness.nextRecord(response) == nil)
    }

    @Test func read_sizeLimit_endsThePageWithNextRecordFromTheLastTime() {
        let first =
            "http://127.0.0.1:8080\(BulkHarness.base)/\(asset)/acceleration?from=2023-02-10T03:33:23.000Z&to=2023-02-10T03:33:29.000Z&select=x"
        let harness = harness(maximumResponseBytes: roomForThree(nextURL: first))
        let page1 = harness.get("acceleration", range + "&select=x")
        #expect(harness.xs(page1) == [1.5, 2.5, 3.5])
        #expect(harness.nextRecord(page1) == first)
        #expect(page1.body.count <= roomForThree(nextURL: first))
        let page2 = harness.send(path(first))
        #expect(harness.xs(page2) == [4.5, 5.5, 6.5])
        #expect(harness.nextRecord(page2) == first.replacingOccurrences(of: "03:33:23.000Z", with: "03:33:26.000Z"))
        let page3 = harness.send(path(harness.nextRecord(page2) ?? ""))
        #expect(harness.xs(page3) == [7.5, 8.5, 9.5])
        #expect(harness.nextRecord(page3) == nil)
    }

    @Test func read_sizeLimitWithLimit_reducesLimitInNextRecord() {
        let first =
            "http://127.0.0.1:8080\(BulkHarness.base)/\(asset)/acceleration?from=2023-02-10T03:33:23.000Z&to=2023-02-10T03:33:29.000Z&select=x&limit=2"
        let harness = harness(maximumResponseBytes: roomForThree(nextURL: first))
        let page1 = harness.get("acceleration", range + "&select=x&limit=5")
        #expect(harness.xs(page1) == [1.5, 2.5, 3.5])
        #expect(harness.nextRecord(page1) == first)
        let page2 = harness.send(path(first))
        #expect(harness.xs(page2) == [4.5, 5.5])
        #expect(harness.nextRecord(page2) == nil)
    }

    @Test func read_sortDesc_newestFirst_nextRecordMovesToBeforeTheLastTime() {
        let first =
            "http://127.0.0.1:8080\(BulkHarness.base)/\(asset)/acceleration?from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:26.999Z&select=x&sort=desc"
        let harness = harness(maximumResponseBytes: roomForThree(nextURL: first))
        let page1 = harness.get("acceleration", range + "&select=x&sort=desc")
        #expect(harness.xs(page1) == [9.5, 8.5, 7.5])
        #expect(harness.nextRecord(page1) == first)
        let page2 = harness.send(path(first))
        #expect(harness.xs(page2) == [6.5, 5.5, 4.5])
        #expect(harness.nextRecord(page2) == first.replacingOccurrences(of: "03:33:26.999Z", with: "03:33:23.999Z"))
    }

    @Test(arguments: [200, 333, 1_000])
    func read_followingNextRecord_yieldsEveryRecordOnce_withinTheSizeLimit(maximumBytes: Int) {
        let harness = harness(records: 60, maximumResponseBytes: maximumBytes)
        var response = harness.get("acceleration", "from=2023-02-10T03:33:19.000Z&to=2023-02-10T03:35:00.000Z")
        var xs: [Double] = []
        var pages = 0
        while true {
            pages += 1
            #expect(response.status == .ok)
            #expect(response.body.count <= maximumBytes || harness.records(response).count == 1)
            xs += harness.xs(response)
            guard let next = harness.nextRecord(response), pages < 100 else { break }
            response = harness.send(path(next))
        }
        #expect(xs == (0..<60).map { Double($0) + 0.5 })
        #expect(pages > 1)
    }

    @Test func read_select_answersTheSelectedVariablesOnly_unknownNameIs400() {
        let harness = harness()
        let response = harness.get("acceleration", "from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:21.000Z&select=y")
        #expect(harness.records(response) == [["_time": .string("2023-02-10T03:33:21.000Z"), "y": .double(1.25)]])
        let unknown = harness.get("acceleration", range + "&select=w")
        #expect(unknown.status == .badRequest)
        #expect(unknown.bodyJSON?["message"]?.stringValue?.contains("'w'") == true)
    }

    @Test func read_honoursTheIngestionDelay() {
        let harness = BulkHarness()
        harness.series.store.ingestionDelayMilliseconds = 5000
        harness.series.put("acceleration", TimeSeriesHarness.accelerationBody(count: 3))
        let query = "from=2023-02-10T03:33:19.000Z&to=2023-02-10T03:33:22.000Z"
        #expect(harness.xs(harness.get("acceleration", query)) == [])
        harness.series.clock.advance(milliseconds: 4999)
        #expect(harness.xs(harness.get("acceleration", query)) == [])
        harness.series.clock.advance(milliseconds: 1)
        #expect(harness.xs(harness.get("acceleration", query)) == [0.5, 1.5, 2.5])
    }

    @Test func read_otherTenant_doesNotSeeTheAsset() {
        let harness = harness()
        let response = harness.get("acceleration", range, tenant: "othertenant")
        #expect(response.status == .notFound)
    }

    @Test func read_staticAspect_answersEmptyRecords() {
        let harness = BulkHarness()
        harness.series.schemas.add(
            TimeSeriesHarness.schema(
                "nameplate", [VariableDefinition(name: "serial", dataType: .string, length: 20)],
                category: .static))
        let response = harness.get("nameplate", range)
        #expect(response.status == .ok)
        #expect(response.bodyText == #"{"records":[]}"#)
    }
}
