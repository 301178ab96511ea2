/// Writes records as the JSON array IoT Time Series answers: `_time` first, then each present field in aspect order.
enum RecordRenderer {
    /// The JSON array bytes of `slice`.
    static func json(_ slice: SeriesSlice, layout: SeriesLayout) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 + slice.times.count * (32 + 24 * slice.columns.count))
        output.append(UInt8(ascii: "["))
        let count = slice.times.count
        for position in 0..<count {
            let row = slice.descending ? count - 1 - position : position
            if position > 0 { output.append(UInt8(ascii: ",")) }
            writeRecord(slice, row: row, layout: layout, into: &output)
        }
        output.append(UInt8(ascii: "]"))
        return output
    }

    /// Appends the JSON object of record `row` of `slice` (stored order, whatever `descending` says).
    static func writeRecord(_ slice: SeriesSlice, row: Int, layout: SeriesLayout, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"_time":"#.utf8)
        TimeRules.writeQuoted(slice.times[row], precision: layout.precision, into: &output)
        for (offset, column) in slice.columns.enumerated() where column.present[row] {
            let field = layout.fields[slice.fieldIndices[offset]]
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: field.jsonKey)
            writeValue(column, row: row, rule: field.rule, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    private static func writeValue(_ column: Column, row: Int, rule: FieldRule, into output: inout [UInt8]) {
        switch rule {
        case .double:
            JSONWriter.writeDouble(column.doubles[row], into: &output)
        case .integer, .qualityCode:
            writeInteger(column.integers[row], into: &output)
        case .boolean:
            output.append(contentsOf: (column.booleans[row] ? "true" : "false").utf8)
        case .string:
            JSONWriter.writeString(column.strings[row], into: &output)
        case .timestamp:
            output.append(UInt8(ascii: "\""))
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: 24))
            Timestamp.write(milliseconds: column.integers[row], into: &output, at: start)
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value == .min {
            output.append(contentsOf: String(value).utf8)
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }
}
