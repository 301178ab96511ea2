/// How a sealed chunk stores its columns: `plain` keeps the arrays as they are (the twin a differential test holds
/// the compressed form against), `compressed` keeps each column in the smaller of its plain and packed forms
/// (`PackedColumns`).
enum ChunkCodec: Sendable {
    /// The arrays as they are.
    case plain
    /// Packed when that is smaller.
    case compressed

    /// The stored form of `times` (strictly increasing).
    func encode(times: [Int64]) -> EncodedTimes {
        guard self == .compressed else { return .plain(times) }
        let packed = PackedColumns.encode(times: times)
        return packed.count < times.count * 8 ? .packed(packed) : .plain(times)
    }

    /// The stored form of `column`.
    func encode(_ column: Column) -> EncodedColumn {
        guard self == .compressed else { return .plain(column) }
        let packed = PackedColumns.encode(column)
        return packed.count < EncodedColumn.plain(column).byteCount ? .packed(column.storage, packed) : .plain(column)
    }
}

/// The `_time` column of a sealed chunk.
enum EncodedTimes: Sendable {
    /// As stored.
    case plain([Int64])
    /// `PackedColumns.encode(times:)`.
    case packed([UInt8])

    /// The `count` times.
    func decoded(count: Int) -> [Int64] {
        switch self {
        case .plain(let times): times
        case .packed(let bytes): PackedColumns.decodeTimes(bytes, count: count)
        }
    }

    /// The bytes of the stored form.
    var byteCount: Int {
        switch self {
        case .plain(let times): times.count * 8
        case .packed(let bytes): bytes.count
        }
    }
}

/// One field's column of a sealed chunk.
enum EncodedColumn: Sendable {
    /// As stored.
    case plain(Column)
    /// `PackedColumns.encode(_:)` of a column of the given storage.
    case packed(Column.Storage, [UInt8])

    /// The column of `count` records.
    func decoded(count: Int) -> Column {
        switch self {
        case .plain(let column): column
        case .packed(let storage, let bytes): PackedColumns.decode(bytes, storage: storage, count: count)
        }
    }

    /// The presence flags of the `count` records.
    func decodedPresence(count: Int) -> [Bool] {
        switch self {
        case .plain(let column): column.present
        case .packed(_, let bytes): PackedColumns.decodePresence(bytes, count: count)
        }
    }

    /// The bytes of the stored form (string contents counted by their UTF-8 length).
    var byteCount: Int {
        switch self {
        case .packed(_, let bytes):
            return bytes.count
        case .plain(let column):
            switch column.storage {
            case .double: return column.count * 9
            case .integer: return column.count * 9
            case .boolean: return column.count * 2
            case .string: return column.strings.reduce(column.count * 17) { $0 + $1.utf8.count }
            }
        }
    }
}
