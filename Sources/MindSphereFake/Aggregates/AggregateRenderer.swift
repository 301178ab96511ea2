/// Writes aggregate items as JSON: `{"starttime","endtime","<variable>":{fields}}`, times with three fraction
/// digits and `Z` (six for simulation assets), integer variables' sums and extremes as integers.
enum AggregateRenderer {
    /// The JSON array of `items` (v3's body; v4 wraps it in `{"aggregates": ...}`).
    static func array(
        _ items: [AggregateComputer.Item], targets: [AggregateTarget], precision: TimePrecision,
        into output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "["))
        var times = AggregateTimeWriter(precision: precision)
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"starttime":"#.utf8)
            times.writeQuoted(item.start, into: &output)
            output.append(contentsOf: #","endtime":"#.utf8)
            times.writeQuoted(item.end, into: &output)
            for (offset, target) in targets.enumerated() {
                guard let aggregate = item.values[offset] else { continue }
                output.append(UInt8(ascii: ","))
                output.append(contentsOf: target.jsonKey)
                write(aggregate, target: target, times: &times, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func write(
        _ aggregate: VariableAggregate, target: AggregateTarget, times: inout AggregateTimeWriter,
        into output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "{"))
        var separator = false
        let hasValues = aggregate.count > 0
        for field in target.fieldList {
            let counted = field == .countgood || field == .countuncertain || field == .countbad
            guard counted || hasValues else { continue }
            if separator { output.append(UInt8(ascii: ",")) }
            separator = true
            field.writeKey(into: &output)
            switch field {
            case .countgood: integer(Int64(aggregate.countGood), into: &output)
            case .countuncertain: integer(Int64(aggregate.countUncertain), into: &output)
            case .countbad: integer(Int64(aggregate.countBad), into: &output)
            case .sum:
                if target.isInteger && !aggregate.integerSumOverflowed {
                    integer(aggregate.integerSum, into: &output)
                } else {
                    JSONWriter.writeDouble(aggregate.sum, into: &output)
                }
            case .average: JSONWriter.writeDouble(aggregate.average, into: &output)
            case .minvalue: value(aggregate.minimum, aggregate.minimumInteger, target, into: &output)
            case .mintime: times.writeQuoted(aggregate.minimumTime, into: &output)
            case .maxvalue: value(aggregate.maximum, aggregate.maximumInteger, target, into: &output)
            case .maxtime: times.writeQuoted(aggregate.maximumTime, into: &output)
            case .firstvalue: value(aggregate.first, aggregate.firstInteger, target, into: &output)
            case .firsttime: times.writeQuoted(aggregate.firstTime, into: &output)
            case .lastvalue: value(aggregate.last, aggregate.lastInteger, target, into: &output)
            case .lasttime: times.writeQuoted(aggregate.lastTime, into: &output)
            case .sd:
                if let deviation = aggregate.standardDeviation {
                    JSONWriter.writeDouble(deviation, into: &output)
                } else {
                    output.append(contentsOf: "null".utf8)
                }
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    private static func value(_ double: Double, _ integerValue: Int64, _ target: AggregateTarget, into output: inout [UInt8]) {
        if target.isInteger { integer(integerValue, into: &output) } else { JSONWriter.writeDouble(double, into: &output) }
    }

    /// Appends the decimal digits of `value` without building a `String` (rendering writes several per aggregate).
    private static func integer(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }
}
