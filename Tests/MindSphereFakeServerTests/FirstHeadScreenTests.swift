import MindSphereFake
import Testing

@testable import MindSphereFakeServer

/// The first-head screen: what it hands to libmicrohttpd, what it waits for, and what it refuses (the faults
/// libmicrohttpd would answer with an HTML page of its own).
@Suite struct FirstHeadScreenTests {
    private func verdict(_ text: String) -> FirstHeadScreen.Verdict {
        Array(text.utf8).withUnsafeBytes { FirstHeadScreen.verdict($0) }
    }

    private func verdict(_ bytes: [UInt8]) -> FirstHeadScreen.Verdict {
        bytes.withUnsafeBytes { FirstHeadScreen.verdict($0) }
    }

    /// The kind of the refusal, or `nil` when `verdict` is no refusal.
    private func refusal(_ verdict: FirstHeadScreen.Verdict) -> FakeError.Code? {
        guard case .refuse(let error, _, _) = verdict else { return nil }
        return error.code
    }

    @Test(arguments: [
        "GET /api/assetmanagement/v3/assets HTTP/1.1\r\nHost: h\r\n\r\n",
        "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.1\nHost: h\n\n",
        "\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX-Long: a\r\n b\r\n\r\n",
        "G@T / HTTP/1.1\r\nHost : h\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:  7 \r\n\r\n",
    ])
    func wellFramedHeads_pass(_ head: String) {
        #expect(verdict(head) == .pass)
    }

    @Test(arguments: ["", "GET", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: h\r\n", "GET / HTTP/1.1\r\nContent-Length: ab"])
    func partialHeads_wait(_ head: String) {
        #expect(verdict(head) == .incomplete)
    }

    @Test(arguments: ["abc", "-1", "5,5", "+5", "0x10", "", "1234567890123456789", "18446744073709551615", "99999999999999999999999"])
    func contentLengthThatIsNotPlainDigits_isRefused(_ value: String) {
        let result = verdict("PUT /api/assetmanagement/v3/assets HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n")
        #expect(refusal(result) == .malformedRequest)
        guard case .refuse(let error, let method, let target) = result else { return }
        #expect(error.message.contains("Content-Length must be a decimal number of bytes, got '\(value)'"))
        #expect(method == "PUT" && target == "/api/assetmanagement/v3/assets")
    }

    @Test func aBadContentLength_isRefusedWhereverItStands() {
        #expect(refusal(verdict("PUT / HTTP/1.1\r\nContent-Length: 5\r\ncontent-length: x\r\n\r\n")) == .malformedRequest)
        #expect(refusal(verdict("PUT / HTTP/1.1\r\nContent-Length: x\r\nContent-Length: 5\r\n\r\n")) == .malformedRequest)
        #expect(refusal(verdict("PUT / HTTP/1.1\r\nContent-Length: 5\r\n 5\r\n\r\n")) == .malformedRequest)
    }

    @Test func requestLines_andVersions() {
        #expect(refusal(verdict("GET /\r\n\r\n")) == .malformedRequest)
        #expect(refusal(verdict("GET  / HTTP/1.1\r\n\r\n")) == .malformedRequest)
        #expect(refusal(verdict("GET / HTTP/1.x\r\nHost: h\r\n\r\n")) == .malformedRequest)
        #expect(refusal(verdict("GET / HTTP/2.0\r\nHost: h\r\n\r\n")) == .httpVersionNotSupported)
        #expect(refusal(verdict("GET / HTTP/1.2\r\nHost: h\r\n\r\n")) == .httpVersionNotSupported)
        #expect(refusal(verdict("GET / HTTP/1.1\r\nHost: h\r\nGarbage\r\n\r\n")) == .malformedRequest)
    }

    @Test func aTLSHandshake_isRefusedAtOnce() {
        #expect(refusal(verdict([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])) == .malformedRequest)
        guard case .refuse(_, _, let target) = verdict([0x16, 0x03, 0x01] + Array(" /api/x HTTP/1.1\r\n".utf8)) else {
            Issue.record("not refused")
            return
        }
        #expect(target == "/api/x")
    }

    @Test func heads_thatDoNotFit_areRefused() {
        let limit = ServerConfiguration.defaultMaximumHeadBytes
        #expect(refusal(verdict("GET /" + String(repeating: "a", count: limit))) == .uriTooLong)
        #expect(refusal(verdict("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: limit))) == .headerFieldsTooLarge)
        #expect(verdict("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: limit - 100)) == .incomplete)
    }

    /// A complete head of exactly the limit passes; one byte more is refused, under any limit the server is given.
    @Test(arguments: [1024, ServerConfiguration.defaultMaximumHeadBytes, 40_000])
    func theHeadLimit_isExact(_ limit: Int) {
        let start = "GET / HTTP/1.1\r\nHost: h\r\nX: "
        let end = "\r\n\r\n"
        let fitting = Array((start + String(repeating: "a", count: limit - start.utf8.count - end.utf8.count) + end).utf8)
        #expect(fitting.count == limit)
        #expect(fitting.withUnsafeBytes { FirstHeadScreen.verdict($0, maximumHeadBytes: limit) } == .pass)
        let longer = Array((start + String(repeating: "a", count: limit + 1 - start.utf8.count - end.utf8.count) + end).utf8)
        // The front door peeks at most `limit` bytes, so the screen sees the longer head's first `limit` bytes.
        let seen = longer.prefix(limit).withUnsafeBytes { FirstHeadScreen.verdict(UnsafeRawBufferPointer($0), maximumHeadBytes: limit) }
        #expect(refusal(seen) == .headerFieldsTooLarge)
    }

    @Test func nulBytesInTheHead_areRefused_inTheBodyTheyAreData() {
        let head = Array("GET /api/assets HTTP/1.1\r\nHost: h\r\nX-Name: value\r\n\r\n".utf8)
        #expect(verdict(head) == .pass)
        // A NUL in every position of the request line and the header lines (not in their line ends).
        let headEnd = head.count - 4
        for position in 0..<headEnd where head[position] != UInt8(ascii: "\r") && head[position] != UInt8(ascii: "\n") {
            var changed = head
            changed[position] = 0
            #expect(refusal(verdict(changed)) == .malformedRequest, "a NUL at \(position) passed")
            var inserted = head
            inserted.insert(0, at: position)
            #expect(refusal(verdict(inserted)) == .malformedRequest, "a NUL inserted at \(position) passed")
        }
        #expect(verdict(Array("PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n".utf8) + [0, 0, 0]) == .pass)
    }

    @Test func moreThanAHundredHeaderFields_areRefused() {
        let fields = { (count: Int) in (0..<count).map { "X-\($0): v\r\n" }.joined() }
        #expect(verdict("GET / HTTP/1.1\r\n" + fields(RequestHeadRules.maximumHeaderFields) + "\r\n") == .pass)
        #expect(refusal(verdict("GET / HTTP/1.1\r\n" + fields(RequestHeadRules.maximumHeaderFields + 1) + "\r\n")) == .headerFieldsTooLarge)
        // Refused as soon as the field beyond the limit arrives, without waiting for the rest of the head.
        #expect(refusal(verdict("GET / HTTP/1.1\r\n" + fields(RequestHeadRules.maximumHeaderFields + 1))) == .headerFieldsTooLarge)
        // A folded continuation line is part of its field, not another one.
        let folded = (0..<RequestHeadRules.maximumHeaderFields).map { "X-\($0): v\r\n more\r\n" }.joined()
        #expect(verdict("GET / HTTP/1.1\r\n" + folded + "\r\n") == .pass)
    }
}
