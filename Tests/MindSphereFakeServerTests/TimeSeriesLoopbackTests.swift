import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// IoT Time Series over real HTTP: Link paging, multi-PUT partial success, concurrent writers.
@Suite struct TimeSeriesLoopbackTests {
    private typealias Served = ServedAccelerationAsset

    private func serve() async throws -> Served {
        try await ServedAccelerationAsset.start()
    }

    private static func records(count: Int, start: Int64, step: Int64 = 1000) -> String {
        "["
            + (0..<count).map { index in
                #"{"_time":"\#(Timestamp.format(milliseconds: start + Int64(index) * step))","x":\#(index),"y":0.5,"z":-1.5}"#
            }.joined(separator: ",") + "]"
    }

    @Test func paging_followingAbsoluteLinkHeaders_readsEveryRecordOnce() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let start: Int64 = 1_676_851_200_000
        let put = try await served.client.send("PUT", served.seriesPath, headers: served.auth, body: Self.records(count: 25, start: start))
        #expect(put.status == 204)
        var url = served.server.baseURL + served.seriesPath + "?from=2023-02-19T00:00:00.000Z&to=2023-02-21T00:00:00.000Z&limit=10"
        var times: [String] = []
        var pages = 0
        while pages < 10 {
            let page = try await served.client.send("GET", String(url.dropFirst(served.server.baseURL.count)), headers: served.auth)
            #expect(page.status == 200)
            let records = try JSONParser.parse(page.body).arrayValue ?? []
            times += records.compactMap { $0["_time"]?.stringValue }
            pages += 1
            guard let link = page.headers["link"] else { break }
            #expect(link.hasPrefix("<" + served.server.baseURL + "/api/iottimeseries/v3/timeseries/"))
            #expect(link.hasSuffix(">; rel=\"next\""))
            url = String(link.dropFirst().prefix { $0 != ">" })
        }
        #expect(pages == 3)
        #expect(times.count == 25)
        #expect(Set(times).count == 25)
        #expect(times.first == Timestamp.format(milliseconds: start))
    }

    @Test func multiPut_overHTTP_storesGoodPairsAndReportsBadOnes() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let good = #"{"entityId":"\#(served.assetID)","propertySetName":"acceleration","data":\#(Self.records(count: 3, start: 1_676_851_200_000))}"#
        let bad = #"{"entityId":"\#(served.assetID)","propertySetName":"acceleration","data":[{"_time":"2023-02-20 02:01:01","x":1}]}"#
        let response = try await served.client.send(
            "PUT", "/api/iottimeseries/v3/timeseries", headers: served.auth,
            body: #"{"timeseries":[\#(good),\#(bad)]}"#)
        #expect(response.status == 202)
        let errors = try JSONParser.parse(response.body)["errors"]?.arrayValue ?? []
        #expect(errors.count == 1)
        #expect(errors.first?["status"] == .int(400))
        #expect(served.server.gateway.timeSeries.recordCount() == 3)
    }

    @Test func eightConcurrentWriters_intoOneSeries_loseNoAcknowledgedRecord() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let acknowledged = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var written: [Int64] = []
                    for batch in 0..<10 {
                        let start = 1_600_000_000_000 + Int64(batch * 8 + writer) * 1_000_000
                        let answer = try await served.client.send(
                            "PUT", served.seriesPath, headers: served.auth,
                            body: Self.records(count: 50, start: start))
                        if answer.status == 204 { written += (0..<50).map { start + Int64($0) * 1000 } }
                    }
                    return written
                }
            }
            var all: [Int64] = []
            for try await written in group { all += written }
            return all
        }
        #expect(acknowledged.count == 8 * 10 * 50)
        var stored: [String] = []
        var target = served.seriesPath + "?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z"
        while true {
            let page = try await served.client.send("GET", target, headers: served.auth)
            stored += (try JSONParser.parse(page.body).arrayValue ?? []).compactMap { $0["_time"]?.stringValue }
            guard let link = page.headers["link"] else { break }
            target = String(link.dropFirst().prefix { $0 != ">" }.dropFirst(served.server.baseURL.count))
        }
        #expect(Set(stored) == Set(acknowledged.map { Timestamp.format(milliseconds: $0) }))
        #expect(stored == stored.sorted())
    }
}
