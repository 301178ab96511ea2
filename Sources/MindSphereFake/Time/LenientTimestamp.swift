/// ISO 8601 date-times with any UTC offset, for the `lenient` alternative of assumption `ts.time-formats`:
/// `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm|±hhmm|±hh)`, as Python's `isoformat()` (`+00:00`) and Java's
/// `OffsetDateTime` write them. A time without an offset names no instant and stays refused.
enum LenientTimestamp {
    /// The largest offset ISO 8601 clients write (Java's `ZoneOffset` allows ±18:00).
    private static let maximumOffsetMinutes = 18 * 60

    /// Microseconds since 1970 (UTC) of `text`, the fraction's first six digits counted; `nil` for anything else
    /// or an instant outside years 0000-9999 once converted to UTC.
    static func microseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes in microseconds(UnsafeBufferPointer(start: bytes.baseAddress, count: bytes.count)) }
    }

    private static func microseconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let seconds = Timestamp.headSeconds(b) else { return nil }
        var index = Timestamp.headLength
        var fraction: Int64 = 0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < b.count, let digit = digit(b[index]) {
                if digits < 6 { fraction = fraction * 10 + Int64(digit) }
                digits += 1
                index += 1
            }
            guard (1...9).contains(digits) else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        guard let offsetMinutes = offset(b, from: index) else { return nil }
        let micros = (seconds - Int64(offsetMinutes) * 60) * 1_000_000 + fraction
        let (millis, _) = micros.floorDividedWithRemainder(by: 1000)
        return Timestamp.representable.contains(millis) ? micros : nil
    }

    /// Minutes east of UTC of the zone designator from `index` to the end.
    private static func offset(_ b: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        let rest = b.count - index
        guard rest >= 1 else { return nil }
        if rest == 1, b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") { return 0 }
        let sign: Int
        switch b[index] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        func twoDigits(_ at: Int) -> Int? {
            guard at + 1 < b.count, let tens = digit(b[at]), let ones = digit(b[at + 1]) else { return nil }
            return tens * 10 + ones
        }
        guard let hours = twoDigits(index + 1) else { return nil }
        var minutes = 0
        switch rest {
        case 3: break
        case 5:
            guard let value = twoDigits(index + 3) else { return nil }
            minutes = value
        case 6:
            guard b[index + 3] == UInt8(ascii: ":"), let value = twoDigits(index + 4) else { return nil }
            minutes = value
        default: return nil
        }
        let total = hours * 60 + minutes
        guard minutes <= 59, total <= maximumOffsetMinutes else { return nil }
        return sign * total
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }
}
