/// The `_time` rules of IoT Time Series: ISO 8601 UTC with `Z`, `YYYY-MM-DDThh:mm:ss.SSSZ` or without fraction;
/// output always with three fraction digits (six for simulation assets) and `Z`.
enum TimeRules {
    /// The formats `_time` and the `from`/`to` parameters accept, for error messages.
    static let expectedFormat = "YYYY-MM-DDThh:mm:ss.SSSZ or YYYY-MM-DDThh:mm:ssZ (ISO 8601 UTC, e.g. 2023-02-21T02:01:01.001Z)"

    /// Why a time value was refused.
    enum Refusal: Error {
        /// Not a string.
        case notAString(JSONValue)
        /// Not a valid ISO 8601 UTC timestamp.
        case malformed(String)
        /// Finer than the asset's precision.
        case tooPrecise(String)

        /// A message naming the value and the expected format.
        func message(field: String) -> String {
            switch self {
            case .notAString(let value):
                "'\(field)' must be a string in the format \(expectedFormat), got a \(value.typeName)"
            case .malformed(let text):
                "'\(field)' value '\(text)' is not a valid timestamp; expected \(expectedFormat)"
            case .tooPrecise(let text):
                "'\(field)' value '\(text)' has sub-millisecond digits; this asset stores millisecond precision, expected \(expectedFormat)"
            }
        }
    }

    /// Microseconds since 1970 of a `_time` value.
    static func parse(_ value: JSONValue, precision: TimePrecision, formats: TimeFormats = .strict) throws(Refusal) -> Int64 {
        guard case .string(let text) = value else { throw .notAString(value) }
        return try parse(text, precision: precision, formats: formats)
    }

    /// Microseconds since 1970 of a `_time` string. `.strict` refuses digits finer than `precision`; `.lenient` also
    /// takes any UTC offset and truncates such digits (assumption `ts.time-formats`).
    static func parse(_ text: String, precision: TimePrecision, formats: TimeFormats = .strict) throws(Refusal) -> Int64 {
        switch formats {
        case .strict:
            guard let micros = Timestamp.parseMicroseconds(text) else { throw .malformed(text) }
            if precision == .milliseconds, micros % 1000 != 0 { throw .tooPrecise(text) }
            return micros
        case .lenient:
            guard let micros = LenientTimestamp.microseconds(text) else { throw .malformed(text) }
            return micros.floorDividedWithRemainder(by: precision.stepMicroseconds).quotient * precision.stepMicroseconds
        }
    }

    /// Microseconds since 1970 of a query time (`from`, `to`); finer digits are kept. `.lenient` takes any UTC offset.
    static func parseQueryTime(_ text: String, formats: TimeFormats = .strict) -> Int64? {
        switch formats {
        case .strict: Timestamp.parseMicroseconds(text)
        case .lenient: LenientTimestamp.microseconds(text)
        }
    }

    /// Appends the quoted `_time` text of `micros`.
    static func writeQuoted(_ micros: Int64, precision: TimePrecision, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        write(micros, precision: precision, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the `_time` text of `micros` (`...SSSZ`, or `...SSSSSSZ` for microsecond precision).
    static func write(_ micros: Int64, precision: TimePrecision, into output: inout [UInt8]) {
        let (millis, subMillis) = micros.floorDividedWithRemainder(by: 1000)
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: 24))
        Timestamp.write(milliseconds: millis, into: &output, at: start)
        if precision == .microseconds {
            output.removeLast()
            output.append(UInt8(48 + subMillis / 100))
            output.append(UInt8(48 + subMillis / 10 % 10))
            output.append(UInt8(48 + subMillis % 10))
            output.append(UInt8(ascii: "Z"))
        }
    }

    /// The `_time` text of `micros`.
    static func format(_ micros: Int64, precision: TimePrecision) -> String {
        var bytes: [UInt8] = []
        write(micros, precision: precision, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
