import MindSphereFake

/// Judges the first request head of a new connection before libmicrohttpd sees it, for the few faults libmicrohttpd
/// answers on its own with an HTML page (and, for a bad `Content-Length`, with its status line and headers twice):
/// a request line that is not `METHOD target HTTP/x.y`, an HTTP version other than 1.0 and 1.1, a header line without
/// a colon, a NUL byte in the request line or a header line, a `Content-Length` that is not plain digits, a head too
/// long for a connection's memory, and a TLS handshake sent to the plain-HTTP port. Everything else — method tokens, header names, `Host`, the other framing
/// rules — is left to `RequestHeadRules`, which sees every request, not only a connection's first.
///
/// Pure: bytes in, verdict out; `FrontDoor` feeds it what a connection has sent so far.
enum FirstHeadScreen {
    /// What to do with a connection after looking at the bytes it has sent.
    enum Verdict: Equatable {
        /// The head is not complete yet: wait for more bytes.
        case incomplete
        /// Nothing here that libmicrohttpd would answer on its own: hand the connection over.
        case pass
        /// Answer `error` and close; `method` and `target` as far as they could be read, for the journal.
        case refuse(FakeError, method: String, target: String)
    }

    /// The verdict on `bytes`, the start of what a new connection sent, for a server that serves heads up to
    /// `maximumHeadBytes` (`ServerConfiguration.maximumHeadBytes`; libmicrohttpd's pool for the connection has room for
    /// them, and a longer head would get its HTML refusal or no answer).
    static func verdict(
        _ bytes: UnsafeRawBufferPointer, maximumHeadBytes: Int = ServerConfiguration.defaultMaximumHeadBytes
    ) -> Verdict {
        var lines = LineReader(bytes)
        if bytes.first == 0x16 {
            // A TLS record starts with 0x16 (handshake); no method does. What follows may still name a path.
            let words = bytes.prefix(2048).split(separator: UInt8(ascii: " "), maxSplits: 2)
            let target = words.count > 1 && words[1].first == UInt8(ascii: "/") ? String(decoding: words[1], as: UTF8.self) : "/"
            return .refuse(
                FakeError(
                    .malformedRequest,
                    "this port speaks plain HTTP, and the request looks like a TLS handshake: use http://, or start the fake with --tls-cert and --tls-key"
                ), method: RequestHeadRules.shown(UnsafeRawBufferPointer(rebasing: words.first ?? bytes[0..<0])), target: target)
        }
        var requestLine: UnsafeRawBufferPointer?
        while let line = lines.next() {
            // Empty lines before the request line are allowed (RFC 9112, 2.2) and skipped.
            if !line.isEmpty {
                requestLine = line
                break
            }
        }
        guard let requestLine else { return waitOrRefuseLength(bytes, method: nil, target: nil, maximumHeadBytes: maximumHeadBytes) }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        let method = parts.first.map { RequestHeadRules.shown(UnsafeRawBufferPointer(rebasing: $0)) } ?? ""
        let target = parts.count > 1 ? String(decoding: parts[1].prefix(2048), as: UTF8.self) : "/"
        // libmicrohttpd hands the target on as a C string, which a NUL would cut short.
        if requestLine.contains(0) {
            return .refuse(
                FakeError(.malformedRequest, "the request line contains a NUL byte: '\(RequestHeadRules.shown(requestLine))'"),
                method: method, target: target)
        }
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .refuse(
                FakeError(.malformedRequest, "the request line must be 'METHOD target HTTP/1.1', got '\(RequestHeadRules.shown(requestLine))'"),
                method: method, target: target)
        }
        switch version(UnsafeRawBufferPointer(rebasing: parts[2])) {
        case .supported: break
        case .unsupported:
            return .refuse(
                FakeError(
                    .httpVersionNotSupported,
                    "HTTP version '\(RequestHeadRules.shown(UnsafeRawBufferPointer(rebasing: parts[2])))' is not supported; send HTTP/1.1"),
                method: method, target: target)
        case .malformed:
            return .refuse(
                FakeError(
                    .malformedRequest, "'\(RequestHeadRules.shown(UnsafeRawBufferPointer(rebasing: parts[2])))' is not an HTTP version; send HTTP/1.1"
                ), method: method, target: target)
        }
        var contentLength: [UInt8]?
        var lastWasContentLength = false
        var fieldCount = 0
        while let line = lines.next() {
            if line.isEmpty {
                if let contentLength, !isPlainLength(contentLength) {
                    return .refuse(
                        FakeError(
                            .malformedRequest,
                            "Content-Length must be a decimal number of bytes, got '\(contentLength.withUnsafeBytes(RequestHeadRules.shown))'"),
                        method: method, target: target)
                }
                return .pass
            }
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                // An obsolete line folding continues the previous header's value.
                if lastWasContentLength, let value = contentLength { contentLength = value + [UInt8(ascii: " ")] + trimmed(line) }
                continue
            }
            if line.contains(0) {
                return .refuse(
                    FakeError(.malformedRequest, "the header line '\(RequestHeadRules.shown(line))' contains a NUL byte"),
                    method: method, target: target)
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .refuse(
                    FakeError(.malformedRequest, "the header line '\(RequestHeadRules.shown(line))' has no ':'"), method: method, target: target)
            }
            fieldCount += 1
            guard fieldCount <= RequestHeadRules.maximumHeaderFields else {
                return .refuse(RequestHeadRules.tooManyFields, method: method, target: target)
            }
            let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
            lastWasContentLength = false
            if RequestHeadRules.equalsIgnoringCase(name, "content-length") {
                // Several Content-Length values are for RequestHeadRules to judge; this only needs one that parses.
                let value = trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
                if contentLength.map(isPlainLength) ?? true {
                    contentLength = value
                    lastWasContentLength = true
                }
            }
        }
        return waitOrRefuseLength(bytes, method: method, target: target, maximumHeadBytes: maximumHeadBytes)
    }

    /// `.incomplete` while the head may still fit, else the refusal of a head that is too long: of its request line
    /// when that did not end (`method` and `target` are then read from the start of the line), else of its headers.
    private static func waitOrRefuseLength(
        _ bytes: UnsafeRawBufferPointer, method: String?, target: String?, maximumHeadBytes: Int
    ) -> Verdict {
        guard bytes.count >= maximumHeadBytes else { return .incomplete }
        if let method, let target {
            return .refuse(RequestHeadRules.headTooLong(maximumHeadBytes), method: method, target: target)
        }
        let words = bytes.prefix(2048).split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        return .refuse(
            RequestHeadRules.requestLineTooLong(maximumHeadBytes),
            method: RequestHeadRules.shown(UnsafeRawBufferPointer(rebasing: words.first ?? bytes[0..<0])),
            target: words.count > 1 ? String(decoding: words[1], as: UTF8.self) : "/")
    }

    private enum Version { case supported, unsupported, malformed }

    /// `HTTP/1.0` and `HTTP/1.1` are served; other `HTTP/d.d` are well-formed but unsupported.
    private static func version(_ bytes: UnsafeRawBufferPointer) -> Version {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8), digits.contains(bytes[5]), bytes[6] == UInt8(ascii: "."),
            digits.contains(bytes[7])
        else { return .malformed }
        return bytes[5] == UInt8(ascii: "1") && (bytes[7] == UInt8(ascii: "0") || bytes[7] == UInt8(ascii: "1")) ? .supported : .unsupported
    }

    /// Whether libmicrohttpd parses `value` as a length and `RequestHeadRules` then judges it (digits only, and few
    /// enough of them that the number fits).
    private static func isPlainLength(_ value: [UInt8]) -> Bool {
        value.withUnsafeBytes { RequestHeadRules.digits($0) != nil }
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(bytes[start...end])
    }

    /// The complete lines of a buffer, without their `\n` or `\r\n`; a last line without its end is not returned.
    private struct LineReader {
        private let bytes: UnsafeRawBufferPointer
        private var position = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func next() -> UnsafeRawBufferPointer? {
            guard position < bytes.count,
                let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n"))
            else { return nil }
            var lineEnd = end
            if lineEnd > position, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: bytes[position..<lineEnd])
            position = end + 1
            return line
        }
    }
}
