import HTTPTypes
import MindSphereFake

/// Requests that trap for reasons already known and being fixed elsewhere (issue 16, "one request kills the
/// server"): huge numbers in `POST /_fake/clock` and `POST /_fake/state` overflow the clock and token arithmetic.
/// The gateway target skips them so a short run keeps finding new things instead of the same trap again; RELIABILITY.md
/// lists reproducers. Remove an entry once its fix has landed, and the fuzzer checks the fix.
enum KnownFindings {
    /// Whether `request` is one of the known traps.
    static func contains(_ request: FakeRequest) -> Bool {
        guard request.method == .post else { return false }
        let path = request.path
        guard path.hasPrefix("/_fake/clock") || path.hasPrefix("/_fake/state") else { return false }
        return hasHugeNumber(request.body)
    }

    /// Whether `body` holds a number of magnitude 1e13 or more: 10^13 ms is about 300 years, far beyond any clock a
    /// test sets, and four such steps stay far below `Int64.max`.
    static func hasHugeNumber(_ body: [UInt8]) -> Bool {
        var start = 0
        while start < body.count {
            guard isNumberByte(body[start]) else { start += 1; continue }
            var end = start
            while end < body.count, isNumberByte(body[end]) { end += 1 }
            if let value = Double(String(decoding: body[start..<end], as: UTF8.self)), !(abs(value) < 1e13) {
                return true
            }
            start = end
        }
        return false
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
