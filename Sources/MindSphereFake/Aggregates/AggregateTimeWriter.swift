/// Writes quoted `_time` texts as `TimeRules.writeQuoted` does, keeping the date part (`YYYY-MM-DDT`) of the last
/// day written: the times of an aggregate answer mostly share their day, and the civil date is the costly part.
struct AggregateTimeWriter {
    /// The resolution written.
    let precision: TimePrecision
    private var day: Int64 = .min
    private var datePart: [UInt8] = []

    /// A writer for `precision`.
    init(precision: TimePrecision) {
        self.precision = precision
    }

    /// Appends `"<time>"` for `micros`; the same bytes as `TimeRules.writeQuoted`.
    mutating func writeQuoted(_ micros: Int64, into output: inout [UInt8]) {
        let (millis, subMillis) = micros.floorDividedWithRemainder(by: 1000)
        guard Timestamp.representable.contains(millis) else {
            TimeRules.writeQuoted(micros, precision: precision, into: &output)
            return
        }
        let (days, dayMillis) = millis.floorDividedWithRemainder(by: 86_400_000)
        if days != day {
            var text: [UInt8] = []
            TimeRules.write(micros, precision: .milliseconds, into: &text)
            datePart = Array(text[0..<11])
            day = days
        }
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: datePart)
        let hour = dayMillis / 3_600_000
        let minute = dayMillis / 60_000 % 60
        let second = dayMillis / 1000 % 60
        let fraction = dayMillis % 1000
        output.append(UInt8(48 + hour / 10))
        output.append(UInt8(48 + hour % 10))
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(48 + minute / 10))
        output.append(UInt8(48 + minute % 10))
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(48 + second / 10))
        output.append(UInt8(48 + second % 10))
        output.append(UInt8(ascii: "."))
        output.append(UInt8(48 + fraction / 100))
        output.append(UInt8(48 + fraction / 10 % 10))
        output.append(UInt8(48 + fraction % 10))
        if precision == .microseconds {
            output.append(UInt8(48 + subMillis / 100))
            output.append(UInt8(48 + subMillis / 10 % 10))
            output.append(UInt8(48 + subMillis % 10))
        }
        output.append(UInt8(ascii: "Z"))
        output.append(UInt8(ascii: "\""))
    }
}
