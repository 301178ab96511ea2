@testable import MindSphereFake

/// A record batch as exact text (doubles by bit pattern), for comparing two batches.
enum BatchText {
    /// The times and every column of `batch`, one line each.
    static func of(_ batch: RecordBatch) -> String {
        var lines = ["times " + batch.times.map(String.init).joined(separator: ",")]
        for column in batch.columns {
            let values: String
            switch column.storage {
            case .double: values = column.doubles.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
            case .integer: values = column.integers.map(String.init).joined(separator: ",")
            case .boolean: values = column.booleans.map(String.init).joined(separator: ",")
            case .string: values = column.strings.joined(separator: "\u{1}")
            }
            lines.append("\(column.storage) present " + column.present.map { $0 ? "1" : "0" }.joined() + " values " + values)
        }
        return lines.joined(separator: "\n")
    }
}
