/// Reads the `from` and `to` values IoT TS Aggregates documents: a date with optional hour, minute, second and
/// fraction, then `Z`, an offset (`-05:00`, `+0530`, `+01`) or nothing (UTC), e.g. `2020-02-20Z`, `2020-02-20T10Z`,
/// `2020-02-20T10:30:00.000-05:00`. A space stands for `+`, since an unencoded `+` in a query string arrives as one.
enum AggregateTimeParser {
    /// The accepted forms, for error messages.
    static let expectedFormat =
        "an ISO 8601 date or date-time such as 2020-02-20Z, 2020-02-20T10:30Z, 2020-02-20T10:30:00.000Z or 2020-02-20T10:30:00-05:00"

    /// Microseconds since 1970 named by `text`, or `nil` when it is not one of the accepted forms.
    static func microseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func take(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }
        guard let year = number(4), take("-"), let month = number(2), take("-"), let day = number(2),
            (1...12).contains(month), (1...Timestamp.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction: Int64 = 0
        if take("T") || take("t") {
            guard let parsedHour = number(2), parsedHour < 24 else { return nil }
            hour = parsedHour
            if take(":") {
                guard let parsedMinute = number(2), parsedMinute < 60 else { return nil }
                minute = parsedMinute
                if take(":") {
                    guard let parsedSecond = number(2), parsedSecond < 60 else { return nil }
                    second = parsedSecond
                    if take(".") {
                        var digits = 0
                        while index < bytes.count, (48...57).contains(bytes[index]) {
                            if digits < 6 { fraction = fraction * 10 + Int64(bytes[index] - 48) }
                            digits += 1
                            index += 1
                        }
                        guard (1...9).contains(digits) else { return nil }
                        for _ in min(digits, 6)..<6 { fraction *= 10 }
                    }
                }
            }
        }
        guard let offset = zoneOffsetSeconds(bytes, from: index) else { return nil }
        let days = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
        return seconds * 1_000_000 + fraction
    }

    /// The UTC offset in seconds of the zone designator starting at `start` (all of the rest of `bytes`).
    private static func zoneOffsetSeconds(_ bytes: [UInt8], from start: Int) -> Int64? {
        let rest = bytes[start...]
        if rest.isEmpty { return 0 }
        if rest.count == 1, rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z") { return 0 }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") || sign == UInt8(ascii: " ") else {
            return nil
        }
        let digits = rest.dropFirst().filter { $0 != UInt8(ascii: ":") }
        let colons = rest.count - 1 - digits.count
        guard digits.allSatisfy({ (48...57).contains($0) }), digits.count == 2 || digits.count == 4,
            colons == 0 || (colons == 1 && digits.count == 4 && rest[start + 3] == UInt8(ascii: ":"))
        else { return nil }
        let values = digits.map { Int64($0 - 48) }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 18, minutes < 60 else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -magnitude : magnitude
    }
}
