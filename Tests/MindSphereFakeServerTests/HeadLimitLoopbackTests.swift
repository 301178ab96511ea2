import Foundation
import Glibc
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// The request-head limits over a real socket: every head the server promises to serve (up to `maximumHeadBytes`
/// and 100 header fields) fits in the memory libmicrohttpd gives a connection, on a connection's first request and on
/// later ones; a longer head, first or later, gets the API's JSON error.
@Suite struct HeadLimitLoopbackTests {
    private func startServer(_ configuration: ServerConfiguration = ServerConfiguration()) throws -> FakeServer {
        try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 7)), configuration: configuration)
    }

    /// An authenticated asset read whose head is exactly `length` bytes, padded over `fieldCount` header fields in all
    /// (at least 3: `Host`, `Authorization` and one of padding).
    private func head(length: Int, fieldCount: Int, token: String, path: String) -> [UInt8] {
        let fixed = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
        let padding = fieldCount - 2
        let names = (0..<padding).map { "X-Pad-\($0): " }
        var room = length - fixed.utf8.count - 2 - names.reduce(0) { $0 + $1.utf8.count + 2 }
        var text = fixed
        for (index, name) in names.enumerated() {
            let share = room / (padding - index)
            text += name + String(repeating: "v", count: share) + "\r\n"
            room -= share
        }
        return Array((text + "\r\n").utf8)
    }

    @Test(arguments: [3, 50, RequestHeadRules.maximumHeaderFields])
    func headsAtTheLimit_areServed_firstAndOnAKeptAliveConnection(fieldCount: Int) async throws {
        let (server, token, path) = try await startedWithRootAssetPath()
        defer { server.stop() }
        let full = head(length: ServerConfiguration.defaultMaximumHeadBytes, fieldCount: fieldCount, token: token, path: path)
        #expect(full.count == ServerConfiguration.defaultMaximumHeadBytes)
        let small = head(length: 2000, fieldCount: 2, token: token, path: path)
        #expect(try RawHTTPClient(port: server.port).statusLines([full, full, small, full]) == Array(repeating: "HTTP/1.1 200 OK", count: 4))
        #expect(try RawHTTPClient(port: server.port).statusLines([small, full]) == Array(repeating: "HTTP/1.1 200 OK", count: 2))
    }

    @Test func aLongerFirstHead_getsTheJSONError() async throws {
        let server = try startServer()
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let longer = head(
            length: ServerConfiguration.defaultMaximumHeadBytes + 1, fieldCount: 3, token: token, path: "/api/assetmanagement/v3/assets")
        let answer = try RawHTTPClient(port: server.port).exchange(longer)
        #expect(answer.hasPrefix("HTTP/1.1 431"))
        #expect(answer.contains(#"{"errors":[{"code":"mdsp.core.generic."#))
        let many = head(length: 4000, fieldCount: RequestHeadRules.maximumHeaderFields + 1, token: token, path: "/api/assetmanagement/v3/assets")
        let manyAnswer = try RawHTTPClient(port: server.port).exchange(many)
        #expect(manyAnswer.hasPrefix("HTTP/1.1 431"))
        #expect(manyAnswer.contains("more than \(RequestHeadRules.maximumHeaderFields) header fields"))
    }

    @Test func laterHeadsOverTheLimits_getTheJSONError() async throws {
        let (server, token, path) = try await startedWithRootAssetPath()
        defer { server.stop() }
        let limit = ServerConfiguration.defaultMaximumHeadBytes
        let small = head(length: 2000, fieldCount: 2, token: token, path: path)
        let client = RawHTTPClient(port: server.port)
        // Within the limits, on one connection.
        let full = head(length: limit, fieldCount: 30, token: token, path: path)
        let most = head(length: 4000, fieldCount: RequestHeadRules.maximumHeaderFields, token: token, path: path)
        #expect(try client.statusLines([small, full, most, small]) == Array(repeating: "HTTP/1.1 200 OK", count: 4))
        // One byte or one field more, as a later request: the API's error (and libmicrohttpd closes the connection).
        // With a query too: the server cuts the query off libmicrohttpd's copy of the target, not off its count.
        let queried = path + "?includeShared=false"
        #expect(try client.statusLines([small, head(length: limit, fieldCount: 30, token: token, path: queried)]).last == "HTTP/1.1 200 OK")
        let longerQueried = try client.answers([small, head(length: limit + 1, fieldCount: 30, token: token, path: queried)])
        #expect(longerQueried[1].hasPrefix("HTTP/1.1 431"))
        let longer = try client.answers([small, head(length: limit + 1, fieldCount: 30, token: token, path: path)])
        #expect(longer[1].hasPrefix("HTTP/1.1 431"))
        #expect(longer[1].contains(#"{"errors":[{"code":"mdsp.core.generic."#))
        #expect(longer[1].contains("the request head is longer than \(limit) bytes"))
        let many = try client.answers([small, head(length: 4000, fieldCount: RequestHeadRules.maximumHeaderFields + 1, token: token, path: path)])
        #expect(many[1].hasPrefix("HTTP/1.1 431"))
        #expect(many[1].contains("more than \(RequestHeadRules.maximumHeaderFields) header fields"))
    }

    @Test func aLaterHeadWithBareLineFeeds_isMeasuredAsSent() async throws {
        let (server, token, path) = try await startedWithRootAssetPath()
        defer { server.stop() }
        let limit = ServerConfiguration.defaultMaximumHeadBytes
        // Written with CRLF this head is longer than the limit; as sent, with LF alone, it is exactly the limit.
        let lineFeedsOnly = { (length: Int) in
            Array(
                String(decoding: self.head(length: length + 32, fieldCount: 30, token: token, path: path), as: UTF8.self)
                    .replacingOccurrences(of: "\r\n", with: "\n").utf8)
        }
        #expect(lineFeedsOnly(limit).count == limit)
        let small = head(length: 2000, fieldCount: 2, token: token, path: path)
        let client = RawHTTPClient(port: server.port)
        #expect(try client.statusLines([small, lineFeedsOnly(limit), small]) == Array(repeating: "HTTP/1.1 200 OK", count: 3))
        #expect(try client.statusLines([small, lineFeedsOnly(limit + 1)]).last?.hasPrefix("HTTP/1.1 431") == true)
    }

    @Test func aRaisedLimit_servesLongerHeads() async throws {
        let limit = 40_000
        let (server, token, path) = try await startedWithRootAssetPath(ServerConfiguration(maximumHeadBytes: limit))
        defer { server.stop() }
        let full = head(length: limit, fieldCount: RequestHeadRules.maximumHeaderFields, token: token, path: path)
        #expect(try RawHTTPClient(port: server.port).statusLines([full, full]) == Array(repeating: "HTTP/1.1 200 OK", count: 2))
        let longer = head(length: limit + 1, fieldCount: 3, token: token, path: path)
        #expect(try RawHTTPClient(port: server.port).exchange(longer).hasPrefix("HTTP/1.1 431"))
    }

    /// A started server, a token for it, and the path of its root asset (stop the server when done).
    private func startedWithRootAssetPath(
        _ configuration: ServerConfiguration = ServerConfiguration()
    ) async throws -> (server: FakeServer, token: String, path: String) {
        let server = try startServer(configuration)
        do {
            let token = try await LoopbackClient(baseURL: server.baseURL).token()
            return (server, token, "/api/assetmanagement/v3/assets/" + (try await rootAssetID(server, token: token)))
        } catch {
            server.stop()
            throw error
        }
    }

    private func rootAssetID(_ server: FakeServer, token: String) async throws -> String {
        let root = try await LoopbackClient(baseURL: server.baseURL).send(
            "GET", "/api/assetmanagement/v3/assets/root", headers: ["Authorization": "Bearer " + token])
        let id = root.body.components(separatedBy: #""assetId":""#).dropFirst().first?.prefix(32)
        return String(id ?? "")
    }
}
