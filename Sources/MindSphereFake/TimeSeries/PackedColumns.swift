/// The compressed forms of a sealed chunk's columns (see `ChunkCodec`), each decoded exactly to what was encoded.
///
/// - `_time`: the first time and first delta as zigzag varints, then a byte `0` when every later step equals the
///   first (a regular series: nothing more follows), else a byte `1` and each delta-of-delta in a prefix-coded
///   bucket (`0`: none; `10`, `110`, `1110` + 7, 12 or 20 bits; `1111` + 64 bits), in wrapping arithmetic so any
///   step fits.
/// - Every other column starts with its presence: a byte `0` (all present), `1` (none) or `2` and one bit per record.
///   The values of the present records follow:
///   - DOUBLE: a byte `0` and Gorilla XOR coding (a `0` bit for a repeated value, else the changed bits inside the
///     previous leading/trailing-zero window or a new window of 6 + 6 bits), or a byte `1 + k` when every value is
///     an integer `m` scaled by 10^-k (k <= 6, |m| < 2^53, `Double(m) / 10^k` giving the same bits) and the `m`s
///     follow as zigzag varint deltas: sensor readings rounded to a few decimals cost a byte or three.
///   - integers: zigzag varint deltas.
///   - BOOLEAN: one bit each.
///   - STRING: a byte `0`, a dictionary (count, then length and UTF-8 bytes of each) and one index each of the
///     fewest bits that hold the dictionary's size, or a byte `1` and each value's length and bytes.
enum PackedColumns {
    /// Powers of ten exact in a Double, for the scaled-integer form of DOUBLE columns.
    private static let powers: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    // MARK: _time

    /// The packed form of `times` (at least one).
    static func encode(times: [Int64]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(varint: BitWriter.zigzag(times[0]))
        guard times.count > 1 else { return writer.finish() }
        var delta = times[1] &- times[0]
        writer.write(varint: BitWriter.zigzag(delta))
        let regular = times.indices.dropFirst(2).allSatisfy { times[$0] &- times[$0 - 1] == delta }
        writer.write(bytes: [regular ? 0 : 1])
        if regular { return writer.finish() }
        for index in times.indices.dropFirst(2) {
            let next = times[index] &- times[index - 1]
            let zigzag = BitWriter.zigzag(next &- delta)
            delta = next
            if zigzag == 0 {
                writer.write(0, bits: 1)
            } else if zigzag < 1 << 7 {
                writer.write(0b10, bits: 2)
                writer.write(zigzag, bits: 7)
            } else if zigzag < 1 << 12 {
                writer.write(0b110, bits: 3)
                writer.write(zigzag, bits: 12)
            } else if zigzag < 1 << 20 {
                writer.write(0b1110, bits: 4)
                writer.write(zigzag, bits: 20)
            } else {
                writer.write(0b1111, bits: 4)
                writer.write(zigzag, bits: 64)
            }
        }
        return writer.finish()
    }

    /// The `count` times `encode(times:)` packed into `bytes`.
    static func decodeTimes(_ bytes: [UInt8], count: Int) -> [Int64] {
        var reader = BitReader(bytes)
        var times: [Int64] = []
        times.reserveCapacity(count)
        times.append(BitReader.unzigzag(reader.readVarint()))
        guard count > 1 else { return times }
        var delta = BitReader.unzigzag(reader.readVarint())
        times.append(times[0] &+ delta)
        if reader.readBytes(1).first! == 0 {
            for index in 2..<max(2, count) { times.append(times[index - 1] &+ delta) }
            return times
        }
        for index in 2..<max(2, count) {
            var zigzag: UInt64 = 0
            if reader.readBit() {
                if !reader.readBit() {
                    zigzag = reader.read(7)
                } else if !reader.readBit() {
                    zigzag = reader.read(12)
                } else if !reader.readBit() {
                    zigzag = reader.read(20)
                } else {
                    zigzag = reader.read(64)
                }
            }
            delta = delta &+ BitReader.unzigzag(zigzag)
            times.append(times[index - 1] &+ delta)
        }
        return times
    }

    // MARK: Columns

    /// The packed form of `column`.
    static func encode(_ column: Column) -> [UInt8] {
        var writer = BitWriter()
        let present = column.present
        let all = present.allSatisfy { $0 }
        if all {
            writer.write(bytes: [0])
        } else if !present.contains(true) {
            writer.write(bytes: [1])
            return writer.finish()
        } else {
            writer.write(bytes: [2])
            for flag in present { writer.write(bit: flag) }
        }
        let rows = all ? Array(present.indices) : present.indices.filter { present[$0] }
        switch column.storage {
        case .double: encodeDoubles(rows.map { column.doubles[$0] }, into: &writer)
        case .integer: encodeIntegers(rows.map { column.integers[$0] }, into: &writer)
        case .boolean:
            writer.alignToByte()
            for row in rows { writer.write(bit: column.booleans[row]) }
        case .string: encodeStrings(rows.map { column.strings[$0] }, into: &writer)
        }
        return writer.finish()
    }

    /// The presence flags of the `count` records of a column `encode(_:)` packed into `bytes`.
    static func decodePresence(_ bytes: [UInt8], count: Int) -> [Bool] {
        var reader = BitReader(bytes)
        return presence(&reader, count: count)
    }

    private static func presence(_ reader: inout BitReader, count: Int) -> [Bool] {
        switch reader.readBytes(1).first! {
        case 0: return Array(repeating: true, count: count)
        case 1: return Array(repeating: false, count: count)
        default: return (0..<count).map { _ in reader.readBit() }
        }
    }

    /// The column of `count` records of `storage` that `encode(_:)` packed into `bytes` (absent entries hold the
    /// placeholder).
    static func decode(_ bytes: [UInt8], storage: Column.Storage, count: Int) -> Column {
        var reader = BitReader(bytes)
        var column = Column(storage: storage)
        column.present = presence(&reader, count: count)
        let presentCount = column.present.reduce(0) { $1 ? $0 + 1 : $0 }
        func spread<Value>(_ values: [Value], absent: Value) -> [Value] {
            if presentCount == count { return values }
            var result = Array(repeating: absent, count: count)
            var next = 0
            for row in 0..<count where column.present[row] {
                result[row] = values[next]
                next += 1
            }
            return result
        }
        guard presentCount > 0 else {
            column.present = []
            column.appendAbsent(count: count)
            return column
        }
        switch storage {
        case .double: column.doubles = spread(decodeDoubles(&reader, count: presentCount), absent: 0)
        case .integer: column.integers = spread(decodeIntegers(&reader, count: presentCount), absent: 0)
        case .boolean:
            reader.alignToByte()
            column.booleans = spread((0..<presentCount).map { _ in reader.readBit() }, absent: false)
        case .string: column.strings = spread(decodeStrings(&reader, count: presentCount), absent: "")
        }
        return column
    }

    // MARK: Values

    private static func encodeDoubles(_ values: [Double], into writer: inout BitWriter) {
        if let scale = decimalScale(values) {
            writer.write(bytes: [UInt8(1 + scale)])
            encodeIntegers(values.map { Int64(($0 * powers[scale]).rounded()) }, into: &writer)
            return
        }
        writer.write(bytes: [0])
        var previous = values[0].bitPattern
        writer.write(previous, bits: 64)
        var leading = 64
        var trailing = 64
        for value in values.dropFirst() {
            let bits = value.bitPattern
            let xor = bits ^ previous
            previous = bits
            if xor == 0 {
                writer.write(0, bits: 1)
                continue
            }
            writer.write(1, bits: 1)
            let newLeading = min(63, xor.leadingZeroBitCount)
            let newTrailing = xor.trailingZeroBitCount
            if leading <= newLeading && trailing <= newTrailing && leading + trailing < 64 {
                writer.write(0, bits: 1)
                writer.write(xor >> UInt64(trailing), bits: 64 - leading - trailing)
            } else {
                leading = newLeading
                trailing = newTrailing
                let length = 64 - leading - trailing
                writer.write(1, bits: 1)
                writer.write(UInt64(leading), bits: 6)
                writer.write(UInt64(length - 1), bits: 6)
                writer.write(xor >> UInt64(trailing), bits: length)
            }
        }
    }

    /// The smallest k <= 6 such that every value is some integer `m` (|m| < 2^53) with `Double(m) / 10^k` the same
    /// bits, or `nil` (-0.0 has no such `m`).
    private static func decimalScale(_ values: [Double]) -> Int? {
        scales: for scale in powers.indices {
            let power = powers[scale]
            for value in values {
                let scaled = (value * power).rounded()
                guard scaled.magnitude < 9_007_199_254_740_992,
                    (Double(Int64(scaled)) / power).bitPattern == value.bitPattern
                else { continue scales }
            }
            return scale
        }
        return nil
    }

    private static func decodeDoubles(_ reader: inout BitReader, count: Int) -> [Double] {
        let kind = Int(reader.readBytes(1).first!)
        if kind > 0 {
            let power = powers[kind - 1]
            return decodeIntegers(&reader, count: count).map { Double($0) / power }
        }
        var values: [Double] = []
        values.reserveCapacity(count)
        var previous = reader.read(64)
        values.append(Double(bitPattern: previous))
        var leading = 0
        var trailing = 0
        for _ in 1..<max(1, count) {
            if reader.readBit() {
                if reader.readBit() {
                    leading = Int(reader.read(6))
                    trailing = 64 - leading - (Int(reader.read(6)) + 1)
                }
                previous ^= reader.read(64 - leading - trailing) << UInt64(trailing)
            }
            values.append(Double(bitPattern: previous))
        }
        return values
    }

    private static func encodeIntegers(_ values: [Int64], into writer: inout BitWriter) {
        var previous: Int64 = 0
        for value in values {
            writer.write(varint: BitWriter.zigzag(value &- previous))
            previous = value
        }
    }

    private static func decodeIntegers(_ reader: inout BitReader, count: Int) -> [Int64] {
        var values: [Int64] = []
        values.reserveCapacity(count)
        var previous: Int64 = 0
        for _ in 0..<count {
            previous = previous &+ BitReader.unzigzag(reader.readVarint())
            values.append(previous)
        }
        return values
    }

    private static func encodeStrings(_ values: [String], into writer: inout BitWriter) {
        var dictionary: [String: Int] = [:]
        var entries: [String] = []
        for value in values where dictionary[value] == nil {
            dictionary[value] = entries.count
            entries.append(value)
            if entries.count > 256 { break }
        }
        func writeText(_ text: String) {
            writer.write(varint: UInt64(text.utf8.count))
            writer.write(bytes: text.utf8)
        }
        guard entries.count <= 256 else {
            writer.write(bytes: [1])
            for value in values { writeText(value) }
            return
        }
        writer.write(bytes: [0])
        writer.write(varint: UInt64(entries.count))
        for entry in entries { writeText(entry) }
        writer.alignToByte()
        let width = indexWidth(entries.count)
        guard width > 0 else { return }
        for value in values { writer.write(UInt64(dictionary[value]!), bits: width) }
    }

    /// The bits an index into a dictionary of `count` entries takes (0 for one entry).
    private static func indexWidth(_ count: Int) -> Int {
        count <= 1 ? 0 : Int.bitWidth - (count - 1).leadingZeroBitCount
    }

    private static func decodeStrings(_ reader: inout BitReader, count: Int) -> [String] {
        func readText() -> String {
            let length = Int(reader.readVarint())
            return String(decoding: reader.readBytes(length), as: UTF8.self)
        }
        if reader.readBytes(1).first! == 1 { return (0..<count).map { _ in readText() } }
        let entries = (0..<Int(reader.readVarint())).map { _ in readText() }
        reader.alignToByte()
        let width = indexWidth(entries.count)
        guard width > 0 else { return Array(repeating: entries[0], count: count) }
        return (0..<count).map { _ in entries[Int(reader.read(width))] }
    }
}
