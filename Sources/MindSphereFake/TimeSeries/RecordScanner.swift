/// Reads the body of a PUT straight from its bytes into a `RecordBatch`, without building JSON values.
///
/// It takes only what it fully understands and what the general path (`JSONParser`, then `RecordValidator`) stores
/// in the same way: an array of flat record objects, each with one valid `_time`, no repeated keys, only fields of
/// the layout and values that fit them, and strings without escapes. With `ValueCoercion.coerce` a number or Boolean
/// may be a string of its type, read by the same `JacksonScalars` rules as the general path's. For anything else it
/// answers `nil`, having changed nothing, and the caller takes the general path, which then accepts or refuses the
/// body as always; so does a `_time` it does not read (offsets are left to the general path's `ts.time-formats`).
struct RecordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let layout: SeriesLayout
    private let rules: [FieldRule]
    private let coercion: ValueCoercion
    private var index = 0
    private var times: [Int64] = []
    private var columns: [Column]
    private var seen: [Bool]
    private var timeReader = RecordTimeReader()

    /// The records of `body` for `layout`, or `nil` when the general path must read the body.
    static func batch(_ body: [UInt8], layout: SeriesLayout, coercion: ValueCoercion = .coerce) -> RecordBatch? {
        body.withUnsafeBufferPointer { bytes in
            var scanner = RecordScanner(bytes: bytes, layout: layout, coercion: coercion)
            return scanner.scanBody()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, layout: SeriesLayout, coercion: ValueCoercion) {
        self.bytes = bytes
        self.layout = layout
        self.coercion = coercion
        rules = layout.fields.map(\.rule)
        columns = layout.emptyColumns()
        seen = [Bool](repeating: false, count: layout.fields.count)
    }

    private mutating func scanBody() -> RecordBatch? {
        skipWhitespace()
        guard take(UInt8(ascii: "[")) else { return nil }
        repeat {
            skipWhitespace()
            let start = index
            guard scanRecord() else { return nil }
            if times.count == 1 { reserve(recordBytes: index - start) }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        return RecordBatch(times: times, columns: columns)
    }

    /// Makes room for as many records as the body holds if they are all about as long as the first.
    private mutating func reserve(recordBytes: Int) {
        let estimate = min(bytes.count / max(recordBytes, 1) + 1, 100_000)
        times.reserveCapacity(estimate)
        for column in columns.indices { columns[column].reserve(estimate) }
    }

    private mutating func scanRecord() -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        for column in seen.indices { seen[column] = false }
        var time: Int64?
        var hint = 0
        repeat {
            skipWhitespace()
            guard let key = scanStringBytes() else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            if Self.isTimeKey(key) {
                guard time == nil, let parsed = scanTime() else { return false }
                time = parsed
            } else {
                guard let position = layout.keyTable.position(of: key, from: hint) else { return false }
                let column = layout.keyTable.columns[position]
                guard !seen[column], scanValue(into: column) else { return false }
                seen[column] = true
                hint = position + 1
            }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let time else { return false }
        times.append(time)
        for column in columns.indices where !seen[column] { columns[column].appendAbsent() }
        return true
    }

    private mutating func scanTime() -> Int64? {
        guard let text = scanStringBytes(), let micros = timeReader.microseconds(text) else { return nil }
        if layout.precision == .milliseconds, micros % 1000 != 0 { return nil }
        return micros
    }

    /// Reads one value of `column`'s field and appends it, as `RecordValidator` would.
    private mutating func scanValue(into column: Int) -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "n") {
            guard takeLiteral("null") else { return false }
            columns[column].appendAbsent()
            return true
        }
        if coercion == .coerce, bytes[index] == UInt8(ascii: "\""), rules[column].readsStrings == false {
            return scanCoercedValue(into: column)
        }
        switch rules[column] {
        case .double:
            guard let number = JSONParser.number(in: bytes, at: &index) else { return false }
            columns[column].doubles.append(number.doubleValue)
        case .integer(let range, _):
            guard case .integer(let integer)? = JSONParser.number(in: bytes, at: &index), range.contains(integer) else {
                return false
            }
            columns[column].integers.append(integer)
        case .qualityCode:
            guard case .integer(let integer)? = JSONParser.number(in: bytes, at: &index),
                (0...Int64(UInt32.max)).contains(integer)
            else { return false }
            columns[column].integers.append(integer)
        case .boolean:
            if takeLiteral("true") {
                columns[column].booleans.append(true)
            } else if takeLiteral("false") {
                columns[column].booleans.append(false)
            } else {
                return false
            }
        case .string(let maximumLength, _):
            guard let text = scanString(), text.count <= maximumLength else { return false }
            columns[column].strings.append(text)
        case .timestamp:
            guard let text = scanString(), let millis = Timestamp.parseMilliseconds(text) else { return false }
            columns[column].integers.append(millis)
        }
        columns[column].present.append(true)
        return true
    }

    /// Reads a number or Boolean given as a string without escapes and appends it, as `RecordValidator` would.
    private mutating func scanCoercedValue(into column: Int) -> Bool {
        guard let text = scanStringBytes() else { return false }
        switch rules[column] {
        case .double:
            guard let number = JacksonScalars.double(text) else { return false }
            columns[column].doubles.append(number)
        case .integer(let range, _):
            guard let integer = JacksonScalars.integer(text, in: range) else { return false }
            columns[column].integers.append(integer)
        case .qualityCode:
            guard let integer = JacksonScalars.integer(text, in: FieldRule.qualityCodeRange) else { return false }
            columns[column].integers.append(integer)
        case .boolean:
            guard let flag = JacksonScalars.boolean(text) else { return false }
            columns[column].booleans.append(flag)
        case .string, .timestamp:
            return false
        }
        columns[column].present.append(true)
        return true
    }

    /// The bytes between the quotes of a string without escapes or control characters; the index moves past it.
    private mutating func scanStringBytes() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// A string value without escapes, when its bytes are valid UTF-8.
    private mutating func scanString() -> String? {
        guard let text = scanStringBytes() else { return nil }
        return String(validating: text, as: UTF8.self)
    }

    private static func isTimeKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count == 5 && key[0] == UInt8(ascii: "_") && key[1] == UInt8(ascii: "t") && key[2] == UInt8(ascii: "i")
            && key[3] == UInt8(ascii: "m") && key[4] == UInt8(ascii: "e")
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let text = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != text[offset] { return false }
        index += count
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}
