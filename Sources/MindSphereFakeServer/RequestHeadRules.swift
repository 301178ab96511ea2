import MindSphereFake

/// What the server insists on in a request's head before the core sees it, so that a request is framed one way only
/// (no smuggling behind a proxy) and a malformed one gets a clear error instead of a guess: a head within the length
/// and field-count limits, valid field names, one `Host` (required on HTTP/1.1), `Content-Length` as plain digits and
/// at most one value, `Transfer-Encoding` only `chunked` and never together with `Content-Length`, and a declared body
/// within the limit.
struct RequestHeadRules {
    /// What a head that passes declares about its body.
    struct Framing: Equatable {
        /// The declared `Content-Length`, if any.
        var contentLength: Int?
    }

    /// Heads with more header fields than this are refused: libmicrohttpd keeps a record of each field in the
    /// connection's pool next to the head, and this many fit beside the longest head. Tomcat's default too
    /// (`maxHeaderCount`).
    static let maximumHeaderFields = 100

    /// Bodies larger than this are refused with 413.
    let maximumBodyBytes: Int
    /// Heads longer than this (request line, header lines and the empty line after them) are refused with 431, or
    /// with 414 when the request line alone is longer.
    let maximumHeadBytes: Int

    /// The refusal a head of `headBytes` bytes with `fieldCount` header fields and a request line of
    /// `requestLineBytes` bytes (its line end included) earns for its size, or `nil` when it is within the limits.
    func sizeRefusal(headBytes: Int, fieldCount: Int, requestLineBytes: Int) -> FakeError? {
        if headBytes > maximumHeadBytes {
            return requestLineBytes > maximumHeadBytes ? Self.requestLineTooLong(maximumHeadBytes) : Self.headTooLong(maximumHeadBytes)
        }
        return fieldCount > Self.maximumHeaderFields ? Self.tooManyFields : nil
    }

    /// The refusal of a head longer than `maximumHeadBytes`.
    static func headTooLong(_ maximumHeadBytes: Int) -> FakeError {
        FakeError(.headerFieldsTooLarge, "the request head is longer than \(maximumHeadBytes) bytes")
    }

    /// The refusal of a request line longer than `maximumHeadBytes`.
    static func requestLineTooLong(_ maximumHeadBytes: Int) -> FakeError {
        FakeError(.uriTooLong, "the request line is longer than \(maximumHeadBytes) bytes")
    }

    /// The refusal of a head with more than `maximumHeaderFields` fields.
    static var tooManyFields: FakeError {
        FakeError(.headerFieldsTooLarge, "the request head has more than \(maximumHeaderFields) header fields")
    }

    /// The framing of `headers`, or the refusal they earn.
    func check(_ headers: RawHeaders, requiresHost: Bool) -> Result<Framing, FakeError> {
        var hosts = 0
        var contentLength: Int?
        var chunked = false
        for index in 0..<headers.count {
            let header = headers[index]
            let name = header.keyBytes
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
                return .failure(FakeError(.malformedRequest, "'\(Self.shown(name))' is not a valid header field name"))
            }
            if Self.equalsIgnoringCase(name, "host") {
                hosts += 1
            } else if Self.equalsIgnoringCase(name, "content-length") {
                guard let length = Self.digits(header.valueBytes) else {
                    return .failure(
                        FakeError(.malformedRequest, "Content-Length must be a decimal number of bytes, got '\(Self.shown(header.valueBytes))'"))
                }
                if let earlier = contentLength, earlier != length {
                    return .failure(FakeError(.malformedRequest, "the request has two different Content-Length values"))
                }
                contentLength = length
            } else if Self.equalsIgnoringCase(name, "transfer-encoding") {
                guard Self.equalsIgnoringCase(header.valueBytes, "chunked"), !chunked else {
                    return .failure(
                        FakeError(
                            .notImplemented, "Transfer-Encoding '\(Self.shown(header.valueBytes))' is not supported; send Content-Length or 'chunked'"
                        ))
                }
                chunked = true
            }
        }
        if hosts > 1 { return .failure(FakeError(.malformedRequest, "the request has more than one Host header")) }
        if hosts == 0 && requiresHost { return .failure(FakeError(.malformedRequest, "an HTTP/1.1 request needs a Host header")) }
        if chunked && contentLength != nil {
            return .failure(FakeError(.malformedRequest, "Content-Length and Transfer-Encoding must not be sent together"))
        }
        if let contentLength, contentLength > maximumBodyBytes {
            return .failure(Self.tooLarge(maximumBodyBytes))
        }
        return .success(Framing(contentLength: contentLength))
    }

    /// The refusal of a body larger than `maximumBodyBytes`.
    static func tooLarge(_ maximumBodyBytes: Int) -> FakeError {
        FakeError(.payloadTooLarge, "the request body is larger than \(maximumBodyBytes) bytes")
    }

    /// Whether `method` is a valid method token.
    static func isMethod(_ method: UnsafeRawBufferPointer) -> Bool {
        !method.isEmpty && method.allSatisfy(isTokenByte)
    }

    /// `tchar` of RFC 9110: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// A non-negative decimal number of at most 18 digits (so it fits an `Int`), nothing else.
    static func digits(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether `bytes` equal `lowercase` with ASCII letters folded to lower case.
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let folded = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }

    /// Bytes for an error message: printable ASCII as is, anything else as `\xNN`, at most 64 bytes.
    static func shown(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = ""
        for byte in bytes.prefix(64) {
            if (0x20...0x7E).contains(byte) {
                text.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                let hex = String(byte, radix: 16)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return bytes.count > 64 ? text + "..." : text
    }
}
