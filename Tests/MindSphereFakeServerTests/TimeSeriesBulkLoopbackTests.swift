import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// The TS Bulk read and TS PATCH over real HTTP, on the gateway's token check and error mapping.
@Suite struct TimeSeriesBulkLoopbackTests {
    private typealias Served = ServedAccelerationAsset

    private func serve() async throws -> Served {
        try await ServedAccelerationAsset.start()
    }

    /// `count` records one second apart from `start`, x = index.
    private static func records(count: Int, start: Int64) -> String {
        "["
            + (0..<count).map { index in
                #"{"_time":"\#(Timestamp.format(milliseconds: start + Int64(index) * 1000))","x":\#(index),"y":0.5,"z":-1.5}"#
            }.joined(separator: ",") + "]"
    }

    @Test func bulkRead_answers2500RecordsAtOnce_withoutNextRecord() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let start: Int64 = 1_676_000_000_000
        for chunk in 0..<5 {
            let put = try await served.client.send(
                "PUT", served.seriesPath, headers: served.auth,
                body: Self.records(count: 500, start: start + Int64(chunk) * 500_000))
            #expect(put.status == 204)
        }
        let response = try await served.client.send(
            "GET", served.bulkPath + "?from=2023-02-10T03:33:19.999Z&to=2023-02-11T00:00:00.000Z", headers: served.auth)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let body = try JSONParser.parse(response.body)
        let records = body["records"]?.arrayValue ?? []
        #expect(records.count == 2_500)
        #expect(records.first?["_time"] == .string("2023-02-10T03:33:20.000Z"))
        #expect(records.last?["_time"] == .string(Timestamp.format(milliseconds: start + 2_499_000)))
        #expect(body["nextRecord"] == nil)
    }

    @Test func bulkRead_missingTo_answersTheSpringErrorBody() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let response = try await served.client.send("GET", served.bulkPath + "?from=2023-02-10T03:33:20Z", headers: served.auth)
        #expect(response.status == 400)
        let body = try JSONParser.parse(response.body)
        #expect(body.objectValue?.keys == ["timestamp", "status", "error", "exception", "message", "path"])
        #expect(body["timestamp"]?.stringValue.flatMap(Timestamp.parseMilliseconds) != nil)
        #expect(body["status"] == .int(400))
        #expect(body["error"] == .string("Bad Request"))
        #expect(body["exception"] == .string("org.springframework.web.bind.MissingServletRequestParameterException"))
        #expect(body["path"] == .string(served.bulkPath))
    }

    @Test func bulkRead_withoutToken_answersTheGateways401() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let response = try await served.client.send("GET", served.bulkPath + "?from=2023-02-10T03:33:20Z&to=2023-02-10T03:34:20Z")
        #expect(response.status == 401)
        #expect(try JSONParser.parse(response.body)["error"] == .string("token_validation_failed"))
    }

    @Test func patch_mergesIntoTheRecord_andTheBulkReadSeesIt() async throws {
        let served = try await serve()
        defer { served.server.stop() }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let at = Timestamp.format(milliseconds: now / 1000 * 1000 - 3_600_000)
        let before = Timestamp.format(milliseconds: now / 1000 * 1000 - 3_600_001)
        let put = try await served.client.send("PUT", served.seriesPath, headers: served.auth, body: #"[{"_time":"\#(at)","x":1.5,"y":2.5}]"#)
        #expect(put.status == 204)
        let patch = try await served.client.send("PATCH", served.seriesPath, headers: served.auth, body: #"[{"_time":"\#(at)","y":9.5,"z":3.5}]"#)
        #expect(patch.status == 204)
        #expect(patch.body.isEmpty)
        let read = try await served.client.send(
            "GET", served.bulkPath + "?from=\(before)&to=\(at)", headers: served.auth)
        #expect(read.body == #"{"records":[{"_time":"\#(at)","x":1.5,"y":9.5,"z":3.5}]}"#)
        let future = try await served.client.send(
            "PATCH", served.seriesPath, headers: served.auth,
            body: #"[{"_time":"\#(Timestamp.format(milliseconds: now + 3_600_000))","x":1}]"#)
        #expect(future.status == 400)
        #expect(try JSONParser.parse(future.body)["message"]?.stringValue?.contains("future") == true)
    }
}
