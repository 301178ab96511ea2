import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// Header blocks, long values, request-targets and responses are reused per server thread: these requests share one thread and check
/// that what the journal saw is what was sent, and that what came back belongs to each request.
@Suite struct HeaderReuseLoopbackTests {
    private func request(_ path: String, headers: [(String, String)]) -> [UInt8] {
        var text = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "Connection: close\r\n\r\n").utf8)
    }

    private func journal(_ server: FakeServer) async throws -> String {
        try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/requests?path=headerprobe").body
    }

    @Test func sameLengthValues_differingInFront_areEachRecorded() async throws {
        let server = try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(threads: 1))
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let tail = String(repeating: "t", count: 90)
        for value in ["A" + tail, "A" + tail, "B" + tail] {
            _ = try client.exchange(request("/api/headerprobe/v3/x", headers: [("X-Probe", value), ("Accept", "*/*")]))
        }
        let body = try await journal(server)
        #expect(body.components(separatedBy: "A" + tail).count == 3)
        #expect(body.components(separatedBy: "B" + tail).count == 2)
    }

    @Test func sameLengthTargets_differingInOneByte_areEachRecorded() async throws {
        let server = try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(threads: 1))
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let seen = "/api/headerprobe/v3/target-a?page=0001"
        // The same length as `seen`, differing at its front, in its middle, at its end; and `seen` again in between.
        let nearMisses = [
            "/bpi/headerprobe/v3/target-a?page=0001", "/api/headerprobe/v3/target-b?page=0001", "/api/headerprobe/v3/target-a?page=0002",
        ]
        for target in [seen, seen] + nearMisses.flatMap({ [$0, seen] }) {
            _ = try client.exchange(request(target, headers: [("Accept", "*/*")]))
        }
        let body = try await journal(server)
        #expect(body.components(separatedBy: #""target":"\#(seen)""#).count - 1 == 5)
        for target in nearMisses {
            #expect(body.components(separatedBy: #""target":"\#(target)""#).count - 1 == 1, "\(target)")
        }
    }

    @Test func cachedAssetRenderings_answerEachHostWithItsOwnLinks() async throws {
        let server = try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(threads: 1))
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let client = RawHTTPClient(port: server.port)
        for host in ["first.test", "first.test", "second.test", "first.test", "first.test"] {
            let text =
                "GET /api/assetmanagement/v3/assets/root HTTP/1.1\r\nHost: \(host)\r\n"
                + "Authorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
            let answer = try client.exchange(Array(text.utf8))
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(answer.contains("http://\(host)/api/assetmanagement/v3/assets/"))
            #expect(!answer.contains(host == "first.test" ? "second.test" : "first.test"))
        }
    }

    @Test func manyHeaders_areAllRecorded() async throws {
        let server = try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(threads: 1))
        defer { server.stop() }
        let headers = (1...40).map { ("X-Header-\($0)", "value-\($0)") }
        _ = try RawHTTPClient(port: server.port).exchange(request("/api/headerprobe/v3/many", headers: headers))
        let body = try await journal(server)
        for (name, value) in headers {
            #expect(body.contains(#""\#(name)":"\#(value)""#))
        }
    }
}
