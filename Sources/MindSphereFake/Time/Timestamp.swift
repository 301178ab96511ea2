/// ISO 8601 UTC timestamps as the platform writes them, converted to and from milliseconds since 1970.
public enum Timestamp {
    /// The first instant a 4-digit-year timestamp names, 0000-01-01T00:00:00.000Z, in milliseconds since 1970.
    public static let minimumMilliseconds: Int64 = -62_167_219_200_000
    /// The last instant a 4-digit-year timestamp names, 9999-12-31T23:59:59.999Z, in milliseconds since 1970.
    public static let maximumMilliseconds: Int64 = 253_402_300_799_999
    /// The instants `YYYY-MM-DDThh:mm:ss.SSSZ` can express; parsing yields only these, `write` needs them.
    public static let representable: ClosedRange<Int64> = minimumMilliseconds...maximumMilliseconds

    /// The format the platform expects for `_time` and query times.
    public static let expectedFormat = "YYYY-MM-DDThh:mm:ss.SSSZ (ISO 8601 UTC, e.g. 2023-02-21T02:01:01.001Z)"

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction]Z` (fraction of 0-9 digits, truncated to milliseconds). Returns `nil` for
    /// anything else, including impossible dates such as Feb 30, offsets other than `Z`, and a missing `Z`.
    public static func parseMilliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count)) }
    }

    /// Like `parseMilliseconds`, but with a microsecond result (for simulation assets).
    public static func parseMicroseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count), microseconds: true) }
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, microseconds: Bool = false) -> Int64? {
        guard b.count >= 20, let fraction = fractionMicroseconds(b), let seconds = headSeconds(b) else { return nil }
        return microseconds ? seconds * 1_000_000 + fraction : seconds * 1000 + fraction / 1000
    }

    /// The length of the head `YYYY-MM-DDThh:mm:ss` of a timestamp.
    static let headLength = 19

    /// Seconds since 1970 named by the first `headLength` bytes of `b` (`YYYY-MM-DDThh:mm:ss`, `T` in either case), or
    /// `nil` when they are not such a text or name an impossible date or time.
    static func headSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count >= headLength else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            b[16] == UInt8(ascii: ":"), let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour <= 23,
            minute <= 59, second <= 59
        else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Microseconds of what follows the head in `b` (at least `headLength + 1` bytes): `Z`, or `.` with 1 to 9 digits
    /// (the first six count) and `Z`, either letter case; `nil` for anything else.
    static func fractionMicroseconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count > headLength else { return nil }
        var index = headLength
        var fraction: Int64 = 0
        var fractionDigits = 0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            while index < b.count, b[index] >= 48, b[index] <= 57 {
                if fractionDigits < 6 { fraction = fraction * 10 + Int64(b[index] - 48) }
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits >= 1 && fractionDigits <= 9 else { return nil }
        }
        guard index == b.count - 1, b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") else { return nil }
        for _ in min(fractionDigits, 6)..<6 { fraction *= 10 }
        return fraction
    }

    /// Formats milliseconds since 1970 as `YYYY-MM-DDThh:mm:ss.SSSZ`. An instant outside years 0000-9999 (which no
    /// input of the fake produces) gets ISO 8601's expanded form with a sign and six year digits, as JavaScript's
    /// `toISOString` writes it (`+010000-01-01T00:00:00.000Z`), never a wrong 4-digit year.
    public static func format(milliseconds: Int64) -> String {
        guard representable.contains(milliseconds) else { return expandedFormat(milliseconds: milliseconds) }
        var bytes = [UInt8](repeating: 0, count: 24)
        write(milliseconds: milliseconds, into: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `±YYYYYY-MM-DDThh:mm:ss.SSSZ` (at least six year digits) for any instant.
    private static func expandedFormat(milliseconds: Int64) -> String {
        let (days, dayMillis) = milliseconds.floorDividedWithRemainder(by: 86_400_000)
        let year = civil(fromDays: Int(days)).year
        // The rest of the text does not depend on the year's digits: render it for a 4-digit year with the same
        // month, day and time (year 2000 has the same calendar position for every day after shifting by whole
        // 400-year cycles), then swap the year in.
        let cycles = Int64(year - 2000).floorDividedWithRemainder(by: 400).quotient
        let shifted = days - cycles * 146_097
        let inRange = shifted * 86_400_000 + dayMillis
        let rest = format(milliseconds: inRange).dropFirst(4)
        let digits = String(year.magnitude)
        return (year < 0 ? "-" : "+") + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + rest
    }

    /// Formats milliseconds since 1970 as `YYYY-MM-DDThh:mm:ssZ` (no fraction).
    public static func formatSeconds(milliseconds: Int64) -> String {
        let full = format(milliseconds: milliseconds)
        return String(full.dropLast(5)) + "Z"  // without ".SSSZ", also in the expanded form
    }

    /// Writes the 24 bytes of `YYYY-MM-DDThh:mm:ss.SSSZ` into `bytes` at `offset`. The instant must lie in
    /// `representable` (every parsed time does); one outside is written as the nearest end of it rather than as a
    /// wrong date.
    public static func write(milliseconds: Int64, into bytes: inout [UInt8], at offset: Int) {
        let milliseconds = min(max(milliseconds, minimumMilliseconds), maximumMilliseconds)
        let (days, dayMillis) = milliseconds.floorDividedWithRemainder(by: 86_400_000)
        let (year, month, day) = civil(fromDays: Int(days))
        let hour = Int(dayMillis / 3_600_000)
        let minute = Int(dayMillis / 60_000 % 60)
        let second = Int(dayMillis / 1000 % 60)
        let millis = Int(dayMillis % 1000)
        func put(_ value: Int, _ width: Int, _ at: Int) {
            var v = value
            for i in stride(from: at + width - 1, through: at, by: -1) {
                bytes[offset + i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(year, 4, 0)
        bytes[offset + 4] = UInt8(ascii: "-")
        put(month, 2, 5)
        bytes[offset + 7] = UInt8(ascii: "-")
        put(day, 2, 8)
        bytes[offset + 10] = UInt8(ascii: "T")
        put(hour, 2, 11)
        bytes[offset + 13] = UInt8(ascii: ":")
        put(minute, 2, 14)
        bytes[offset + 16] = UInt8(ascii: ":")
        put(second, 2, 17)
        bytes[offset + 19] = UInt8(ascii: ".")
        put(millis, 3, 20)
        bytes[offset + 23] = UInt8(ascii: "Z")
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Floor division with a non-negative remainder.
    func floorDividedWithRemainder(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = self / divisor
        var remainder = self % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}
