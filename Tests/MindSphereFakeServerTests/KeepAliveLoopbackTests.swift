import Glibc
import MindSphereFake
import Testing

@testable import MindSphereFakeServer

/// A device that writes every 30 s over one kept-alive connection must get every answer: the default idle timeout
/// outlasts such pauses.
@Suite struct KeepAliveLoopbackTests {
    @Test func connectionReusedAfter35Seconds_getsItsAnswer() throws {
        let server = try FakeServer.start(gateway: try FakeGateway())
        defer { server.stop() }
        #expect(server.configuration.connectionTimeoutSeconds >= 60)
        let socketFD = try RawHTTPClient(port: server.port).open()
        defer { close(socketFD) }
        let request = Array("GET /_fake/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        for round in 0..<2 {
            if round > 0 { sleep(35) }
            _ = request.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            let count = recv(socketFD, &buffer, buffer.count, 0)
            #expect(
                count > 0 && String(decoding: buffer[..<max(0, count)], as: UTF8.self).hasPrefix("HTTP/1.1 200"),
                "round \(round) got no answer")
        }
    }
}
