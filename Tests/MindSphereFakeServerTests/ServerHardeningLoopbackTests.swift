import Foundation
import Glibc
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// What the server refuses on its own, how it bounds connections, and how it stops: every malformed request gets one
/// JSON error, nobody gets in on a piece of somebody else's token, and a stop answers what it already received.
@Suite struct ServerHardeningLoopbackTests {
    private func startServer(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> FakeServer {
        try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 7)), configuration: configuration)
    }

    private func get(_ path: String, authorization: String) -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(authorization)\r\nConnection: close\r\n\r\n".utf8)
    }

    @Test func partsOfAnotherClientsToken_areRefused() async throws {
        let server = try startServer(ServerConfiguration(threads: 1))
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let client = RawHTTPClient(port: server.port)
        let path = "/api/assetmanagement/v3/assets"
        for _ in 0..<3 { #expect(try client.exchange(get(path, authorization: "Bearer " + token)).hasPrefix("HTTP/1.1 200")) }
        let parts = token.split(separator: ".").map(String.init)
        var attempts = stride(from: 50, to: token.count, by: 7).map { String(token.prefix($0)) }
        attempts += [String(token.dropLast()), parts[0] + "." + parts[1], parts[0] + "." + parts[1] + ".", String(token.dropFirst())]
        for attempt in attempts {
            let answer = try client.exchange(get(path, authorization: "Bearer " + attempt))
            #expect(answer.hasPrefix("HTTP/1.1 401"), "a token cut to \(attempt.count) of \(token.count) characters got in")
        }
        #expect(try client.exchange(get(path, authorization: "Bearer " + token)).hasPrefix("HTTP/1.1 200"))
    }

    @Test func malformedRequests_getOneJSONErrorEach_andAreJournalled() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let assets = "/api/assetmanagement/v3/assets"
        var cases: [(bytes: [UInt8], status: String)] = [
            (Array("DELETE; \(assets) HTTP/1.1\r\nHost: h\r\n\r\n".utf8), "400"),
            (Array("DEL".utf8) + [0xFF] + Array("ETE \(assets) HTTP/1.1\r\nHost: h\r\n\r\n".utf8), "400"),
            (Array("G@T \(assets) HTTP/1.1\r\nHost: h\r\n\r\n".utf8), "400"),
            ([0x16, 0x03, 0x01] + Array(" \(assets) HTTP/1.1\r\nHost: h\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/1.1\r\nHost : h\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/1.1\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".utf8), "400"),
            (Array("POST \(assets) HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!".utf8), "400"),
            (Array("POST \(assets) HTTP/1.1\r\nHost: h\r\nContent-Length: 18446744073709551615\r\n\r\n".utf8), "400"),
            (Array("POST \(assets) HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\nxx".utf8), "501"),
            (Array("POST \(assets) HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8), "400"),
        ]
        // What libmicrohttpd would answer on its own (HTML, for a bad Content-Length with its head twice), screened
        // on a connection's first request.
        for length in ["abc", "-1", "5,5", "+5", "0x10", "", "99999999999999999999999"] {
            cases.append((Array("PUT \(assets) HTTP/1.1\r\nHost: h\r\nContent-Length: \(length)\r\n\r\nhello".utf8), "400"))
        }
        cases += [
            (Array("GET \(assets)\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/1.x\r\nHost: h\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/2.0\r\nHost: h\r\n\r\n".utf8), "505"),
            (Array("GET \(assets) HTTP/1.1\r\nHost: h\r\nGarbage\r\n\r\n".utf8), "400"),
            (Array("GET \(assets) HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "a", count: 70_000))\r\n\r\n".utf8), "431"),
            (Array("GET \(assets)/\(String(repeating: "a", count: 70_000)) HTTP/1.1\r\nHost: h\r\n\r\n".utf8), "414"),
            (
                [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + Array(" \(assets) ".utf8) + [UInt8](repeating: 0, count: 40),
                "400"
            ),
        ]
        for (bytes, status) in cases {
            let answer = try client.exchange(bytes)
            #expect(answer.hasPrefix("HTTP/1.1 \(status)"), "\(String(decoding: bytes.prefix(60), as: UTF8.self)) -> \(answer.prefix(80))")
            let statusLines = answer.components(separatedBy: "\r\n").filter { $0.hasPrefix("HTTP/1.1 ") }
            #expect(statusLines.count == 1, "the answer must carry one status line")
            #expect(answer.contains(#"{"errors":[{"code":"mdsp.core.generic."#))
        }
        let journal = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/requests?path=assetmanagement")
        #expect(journal.body.contains(#""method":"DELETE%3B""#))
        #expect(journal.body.contains(#""status":501"#))
        let health = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/health")
        #expect(health.status == 200)
    }

    /// A NUL would cut a C string short, so the core would read less than was sent: the first-head screen refuses it.
    @Test func nulBytesInAFirstHead_getOneJSONErrorEach() throws {
        let server = try startServer()
        defer { server.stop() }
        let assets = "/api/assetmanagement/v3/assets"
        let heads: [[UInt8]] = [
            Array("GET \(assets) HTTP/1.1\r\nHost: 127.0.0.1\r\nX".utf8) + [0] + Array("Y: ab\r\n\r\n".utf8),
            Array("GET \(assets) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer a".utf8) + [0] + Array("b\r\n\r\n".utf8),
            Array("GET \(assets) HTTP/1.1\r\nHost: 127.0.0.1".utf8) + [0] + Array("evil\r\n\r\n".utf8),
            Array("GET /api/assetmanagement/v3/as".utf8) + [0] + Array("sets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8),
        ]
        let client = RawHTTPClient(port: server.port)
        for head in heads {
            let answer = try client.exchange(head)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(head) -> \(answer.prefix(80))")
            #expect(answer.contains(#"{"errors":[{"code":"mdsp.core.generic."#))
        }
    }

    @Test func manyQueryArguments_areAnswered() throws {
        let server = try startServer()
        defer { server.stop() }
        // A thousand arguments fit in the longest head served; kept as libmicrohttpd's arguments (a few dozen bytes
        // each in the connection's pool), they would not.
        let query = (0..<1000).map { "p\($0)=v" }.joined(separator: "&")
        #expect(query.utf8.count > 6000 && query.utf8.count < ServerConfiguration.defaultMaximumHeadBytes - 100)
        let answer = try RawHTTPClient(port: server.port).exchange(
            Array("GET /_fake/health?\(query) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        #expect(answer.hasPrefix("HTTP/1.1 200"))
    }

    @Test func queryArguments_stillReachTheCore() async throws {
        let server = try startServer()
        defer { server.stop() }
        let journal = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/requests?status=abc")
        #expect(journal.status == 400)
        #expect(journal.body.contains("'abc'"))
    }

    @Test func trickledHeaderBlock_isClosedAtTheDeadline_othersAreServed() async throws {
        let server = try startServer(ServerConfiguration(connectionTimeoutSeconds: 60, headerTimeoutSeconds: 1))
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let slow = try client.open()
        defer { close(slow) }
        for byte in Array("GET /_fake/health HTTP/1.1\r\nHo".utf8) {
            _ = withUnsafePointer(to: byte) { send(slow, $0, 1, Int32(MSG_NOSIGNAL)) }
        }
        let health = try await LoopbackClient(baseURL: server.baseURL).send("GET", "/_fake/health")
        #expect(health.status == 200)
        #expect(RawHTTPClient.isClosed(slow, within: 5))
    }

    @Test func keptAliveConnection_outlivesTheHeaderDeadline() throws {
        let server = try startServer(ServerConfiguration(connectionTimeoutSeconds: 60, headerTimeoutSeconds: 1))
        defer { server.stop() }
        let socketFD = try RawHTTPClient(port: server.port).open()
        defer { close(socketFD) }
        let request = Array("GET /_fake/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(recv(socketFD, &buffer, buffer.count, 0) > 0)
        usleep(2_200_000)
        _ = request.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let count = recv(socketFD, &buffer, buffer.count, 0)
        #expect(count > 0 && String(decoding: buffer[..<max(0, count)], as: UTF8.self).hasPrefix("HTTP/1.1 200"))
    }

    @Test func perAddressLimit_closesConnectionsBeyondIt() throws {
        let server = try startServer(ServerConfiguration(perAddressConnectionLimit: 2, headerTimeoutSeconds: 0))
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let first = try client.open()
        let second = try client.open()
        usleep(200_000)
        let third = try client.open()
        #expect(RawHTTPClient.isClosed(third, within: 5))
        close(third)
        close(first)
        close(second)
        usleep(200_000)
        #expect(
            try client.exchange(Array("GET /_fake/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 200"))
    }

    @Test func stop_answersRequestsAlreadyReceived() throws {
        let gateway = try FakeGateway(configuration: FakeConfiguration(seed: 7))
        _ = gateway.control.addFault(FaultRule(pathPattern: "/api/slow/**", action: .latency(delayMilliseconds: 400)))
        let server = try FakeServer.start(gateway: gateway)
        let client = RawHTTPClient(port: server.port)
        let sockets = try (0..<8).map { index in
            let socketFD = try client.open()
            let request = Array("GET /api/slow/v3/\(index) HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            return socketFD
        }
        defer { for socket in sockets { close(socket) } }
        usleep(150_000)
        server.stop(drainTimeout: .seconds(5))
        for socketFD in sockets {
            let answer = RawHTTPClient.readAll(socketFD, timeoutSeconds: 2)
            #expect(answer.hasPrefix("HTTP/1.1 401") && answer.contains("Connection: close"), "\(answer.prefix(40))")
        }
        #expect(
            (try? client.open()).map { socketFD in
                close(socketFD)
                return false
            } ?? true, "a stopped server accepts nothing")
    }
}
