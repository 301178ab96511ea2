import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

@Suite struct ServerLoopbackTests {
    private func startServer(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> FakeServer {
        try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 7)), configuration: configuration)
    }

    @Test func portZero_bindsAFreeLoopbackPort() async throws {
        let server = try startServer()
        defer { server.stop() }
        #expect(server.port != 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let response = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/health")
        #expect(response.status == 200)
        #expect(response.body == #"{"status":"ok"}"#)
    }

    @Test func token_thenGatewayCheck_overTheWire() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let token = try await client.token()
        let allowed = try await client.send("GET", "/api/nothing/v3/here", headers: ["Authorization": "Bearer \(token)"])
        #expect(allowed.status == 404)
        let refused = try await client.send("GET", "/api/nothing/v3/here")
        #expect(refused.status == 401)
        #expect(refused.body.contains("token_validation_failed"))
        #expect(refused.headers["x-correlation-id"]?.count == 32)
    }

    @Test func bodyOverLimit_withContentLength_gets413InErrorShape() throws {
        let server = try startServer(ServerConfiguration(maximumBodyBytes: 1024))
        defer { server.stop() }
        let body = String(repeating: "x", count: 4096)
        func answer(_ path: String) throws -> String {
            let request = "POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            return try RawHTTPClient(port: server.port).exchange(Array(request.utf8))
        }
        let assets = try answer("/api/assetmanagement/v3/assets")
        #expect(assets.hasPrefix("HTTP/1.1 413"))
        #expect(assets.contains("mdsp.core.generic.payloadTooLarge"))
        // Each API answers in its own error shape, as it does for a body within the limit.
        let series = try answer("/api/iottimeseries/v3/timeseries/a/b")
        #expect(series.hasPrefix("HTTP/1.1 413"))
        #expect(series.contains(#""message":"the request body is larger than 1024 bytes""#) && series.contains(#""id":"#))
        let token = try answer("/oauth/token")
        #expect(token.hasPrefix("HTTP/1.1 413") && token.contains(#""error_description":"#))
    }

    @Test func chunkedBodyOverLimit_gets413() throws {
        let server = try startServer(ServerConfiguration(maximumBodyBytes: 1024))
        defer { server.stop() }
        var request = "POST /oauth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        for _ in 0..<4 { request += "400\r\n" + String(repeating: "y", count: 1024) + "\r\n" }
        request += "0\r\n\r\n"
        let answer = try RawHTTPClient(port: server.port).exchange(Array(request.utf8))
        #expect(answer.hasPrefix("HTTP/1.1 413"))
    }

    @Test func malformedRequestsAndHeaderFloods_neverStopTheServer() async throws {
        let server = try startServer()
        defer { server.stop() }
        let raw = RawHTTPClient(port: server.port)
        let garbage = try raw.exchange(Array("GARBAGE\r\n\r\n".utf8))
        #expect(!garbage.contains("200 OK"))
        let noVersion = try raw.exchange(Array("GET /_fake/health\r\n\r\n".utf8))
        #expect(!noVersion.contains("200 OK"))
        let flood =
            "GET /_fake/health HTTP/1.1\r\nHost: x\r\n" + (0..<2000).map { "X-H\($0): \(String(repeating: "v", count: 200))\r\n" }.joined() + "\r\n"
        let flooded = try raw.exchange(Array(flood.utf8))
        #expect(flooded.hasPrefix("HTTP/1.1 431") || flooded.hasPrefix("HTTP/1.1 400") || flooded.isEmpty)
        let binary = try raw.exchange((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(!binary.contains("200 OK"))
        let health = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/health")
        #expect(health.status == 200)
    }

    @Test func idleConnections_timeOut() throws {
        let server = try startServer(ServerConfiguration(connectionTimeoutSeconds: 1))
        defer { server.stop() }
        #expect(try RawHTTPClient(port: server.port).idleConnectionIsClosed(within: 10))
    }

    @Test func secondServerOnSamePort_failsWithClearError() throws {
        let server = try startServer()
        defer { server.stop() }
        #expect(throws: ServerError.self) { try startServer(ServerConfiguration(port: server.port)) }
    }

    @Test func invalidHost_isRefused() throws {
        #expect(throws: ServerError.self) { try startServer(ServerConfiguration(host: "not-an-address")) }
    }

    @Test func stop_isIdempotent() async throws {
        let server = try startServer()
        let client = LoopbackClient(baseURL: server.baseURL)
        #expect(try await client.send("GET", "/_fake/health").status == 200)
        server.stop()
        server.stop()
        // The second stop neither traps nor hangs, and the port is closed: a new request cannot connect.
        await #expect(throws: (any Error).self) { try await client.send("GET", "/_fake/health") }
    }
}
