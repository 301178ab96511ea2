import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// The control plane over a real socket: the server tells the core its port, so a page that rebinds its own domain
/// name to 127.0.0.1, or drives the fake from another origin, is refused; with a control token only its holder gets in.
@Suite struct ControlPlaneGuardLoopbackTests {
    private func reset(_ server: FakeServer, headers: [String]) throws -> String {
        let text = "POST /_fake/reset HTTP/1.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "Connection: close\r\n\r\n"
        return try RawHTTPClient(port: server.port).exchange(Array(text.utf8))
    }

    @Test func hostAndOrigin_mustBeLocal() throws {
        let server = try FakeServer.start(gateway: try FakeGateway())
        defer { server.stop() }
        let port = server.port
        #expect(try reset(server, headers: ["Host: 127.0.0.1:\(port)"]).hasPrefix("HTTP/1.1 200"))
        #expect(try reset(server, headers: ["Host: localhost:\(port)"]).hasPrefix("HTTP/1.1 200"))
        #expect(try reset(server, headers: ["Host: rebound.example:\(port)"]).hasPrefix("HTTP/1.1 403"))
        #expect(try reset(server, headers: ["Host: 127.0.0.1:\(port)", "Origin: http://evil.example"]).hasPrefix("HTTP/1.1 403"))
        #expect(try reset(server, headers: ["Host: 127.0.0.1:\(port)", "Origin: http://127.0.0.1:\(port)"]).hasPrefix("HTTP/1.1 200"))
        let form = try reset(server, headers: ["Host: 127.0.0.1:\(port)", "Content-Type: text/plain", "Content-Length: 2", "", "{}"])
        #expect(form.hasPrefix("HTTP/1.1 415"))
    }

    @Test func controlToken_isRequiredWhenConfigured() async throws {
        let server = try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(controlToken: "s3cret-token")))
        defer { server.stop() }
        let host = "Host: 127.0.0.1:\(server.port)"
        #expect(try reset(server, headers: [host]).hasPrefix("HTTP/1.1 401"))
        #expect(try reset(server, headers: [host, "X-Fake-Control-Token: wrong"]).hasPrefix("HTTP/1.1 401"))
        #expect(try reset(server, headers: [host, "X-Fake-Control-Token: s3cret-token"]).hasPrefix("HTTP/1.1 200"))
        let api = try await LoopbackClient(baseURL: server.baseURL).token()
        #expect(!api.isEmpty, "the API itself needs no control token")
    }
}
