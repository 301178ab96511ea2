import Foundation
import Logging
import Testing

@testable import MindSphereFakeServer

/// The stderr line formats of the request log.
@Suite struct LineLogHandlerTests {
    private let metadata: Logger.Metadata = ["bytes": "52", "status": "404", "error": "asset 'x' not found", "duration_ms": "0.412"]

    @Test func textLines_putTheRequestFieldsInReadingOrder_andQuoteWhatHasSpaces() {
        let line = LineLogHandler.line(format: .text, time: "2026-12-02T06:01:02.345Z", level: .info, message: "GET /api/x", metadata: metadata)
        #expect(line == "2026-12-02T06:01:02.345Z info GET /api/x status=404 duration_ms=0.412 bytes=52 error=\"asset 'x' not found\"\n")
    }

    @Test func jsonLines_areOneObjectEach_withNumbersUnquoted() throws {
        let line = LineLogHandler.line(format: .json, time: "t", level: .info, message: "GET /api/\"x\"", metadata: metadata)
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "GET /api/\"x\"")
        #expect(object["status"] as? Int == 404)
        #expect(object["duration_ms"] as? Double == 0.412)
        #expect(object["error"] as? String == "asset 'x' not found")
        #expect(object["level"] as? String == "info")
    }

    @Test func aHandlerWritesWholeLines_toItsDescriptor() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]) }
        var logger = Logger(label: "t") { _ in LineLogHandler(format: .text, level: .info, descriptor: pipeEnds[1]) }
        logger.logLevel = .info
        logger.info("GET /a", metadata: ["status": "200"])
        logger.debug("dropped")
        close(pipeEnds[1])
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(pipeEnds[0], &buffer, buffer.count)
        let text = String(decoding: buffer[..<max(0, count)], as: UTF8.self)
        #expect(text.hasSuffix(" info GET /a status=200\n"))
        #expect(!text.contains("dropped"))
    }
}
