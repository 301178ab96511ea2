import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// The server's per-thread header and response caches switched on and off: one sequence of requests that hits
/// them (the same token again and again, one asset read many times, a change in between, a 304, a bad header)
/// must get the same answers both ways.
@Suite struct ThreadCacheSwitchLoopbackTests {
    private struct Answer: Equatable {
        let status: Int
        let contentType: String?
        let etag: String?
        let body: String
    }

    private func answers(usesThreadCaches: Bool) async throws -> [Answer] {
        var configuration = ServerConfiguration()
        configuration.usesThreadCaches = usesThreadCaches
        let server = try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 7)), configuration: configuration)
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let token = try await client.token()
        let auth = ["Authorization": "Bearer \(token)"]
        let base = "/api/assetmanagement/v3"
        var answers: [Answer] = []
        func record(_ response: (status: Int, headers: [String: String], body: String)) {
            answers.append(
                Answer(
                    status: response.status, contentType: response.headers["content-type"],
                    etag: response.headers["etag"],
                    // Refusals carry a fresh correlation id and time; their status is what counts.
                    // Links name the server's own port, which differs between the two servers.
                    body: response.status < 400 ? response.body.replacingOccurrences(of: server.baseURL, with: "") : ""))
        }
        let root = try await client.send("GET", base + "/assets/root", headers: auth)
        record(root)
        let rootID = try #require(try JSONSerialization.jsonObject(with: Data(root.body.utf8)) as? [String: Any])["assetId"] as? String
        for _ in 0..<4 { record(try await client.send("GET", base + "/assets/\(try #require(rootID))", headers: auth)) }
        record(
            try await client.send(
                "PATCH", base + "/assets/\(rootID!)",
                headers: auth.merging(
                    ["If-Match": "0", "Content-Type": "application/merge-patch+json"]) { $1 }, body: #"{"description":"changed"}"#))
        for _ in 0..<3 { record(try await client.send("GET", base + "/assets/\(rootID!)", headers: auth)) }
        record(try await client.send("GET", base + "/assets/\(rootID!)", headers: auth.merging(["If-None-Match": "1"]) { $1 }))
        record(try await client.send("GET", base + "/assets/\(rootID!)", headers: ["Authorization": "Bearer \(Self.sameLengthForgery(of: token))"]))
        for _ in 0..<3 { record(try await client.send("GET", base + "/assets?size=1", headers: auth)) }
        // Targets of one length and the same last bytes (what the target cache's slot looks at), differing inside.
        let flags = "&basicFieldsOnly=false"
        record(try await client.send("GET", base + "/assets?size=1" + flags, headers: auth))
        record(try await client.send("GET", base + "/assets?size=2" + flags, headers: auth))
        record(try await client.send("GET", base + "/assets?page=1" + flags, headers: auth))
        return answers
    }

    /// The token with a character in its middle changed: a header block of the same length and the same last
    /// bytes (what the cache's fingerprint looks at), which the cache must still tell from the real one.
    private static func sameLengthForgery(of token: String) -> String {
        var characters = Array(token)
        let middle = characters.count / 2
        characters[middle] = characters[middle] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test func answers_withAndWithoutThreadCaches_areEqual() async throws {
        // With the caches off, nothing is recognised by its storage: every header and target is read afresh.
        let cached = try await answers(usesThreadCaches: true)
        let uncached = try await answers(usesThreadCaches: false)
        #expect(cached.count == 17)
        #expect(cached == uncached)
        #expect(cached.map(\.status) == [200, 200, 200, 200, 200, 200, 200, 200, 200, 304, 401, 200, 200, 200, 200, 200, 200])
    }
}
