/// A full chunk of a series' records, immutable once built: a writer replaces it whole (a write into its time range
/// rebuilds it), so readers may hold it without the series lock. Each column is kept in the smaller of its plain and
/// compressed forms (`ChunkCodec`) and decoded on read.
final class SealedChunk: Sendable {
    /// The number of records.
    let count: Int
    /// `_time` of the first and the last record.
    let firstTime: Int64
    let lastTime: Int64
    private let times: EncodedTimes
    /// One per field the series had when the chunk was built; later fields are absent in all its records.
    private let columns: [EncodedColumn]

    /// The chunk of `rows` (at least one record), encoded with `codec`.
    init(_ rows: ChunkRows, codec: ChunkCodec = .compressed) {
        count = rows.count
        firstTime = rows.times[0]
        lastTime = rows.times[rows.count - 1]
        times = codec.encode(times: rows.times)
        columns = rows.columns.map { codec.encode($0) }
    }

    /// `_time` of every record.
    func decodedTimes() -> [Int64] {
        times.decoded(count: count)
    }

    /// Column `index` (absent throughout when the field came after the chunk).
    func decodedColumn(_ index: Int, storage: Column.Storage) -> Column {
        guard index < columns.count else {
            var column = Column(storage: storage)
            column.appendAbsent(count: count)
            return column
        }
        return columns[index].decoded(count: count)
    }

    /// Whether each record has a value in column `index`.
    func decodedPresence(_ index: Int) -> [Bool] {
        guard index < columns.count else { return Array(repeating: false, count: count) }
        return columns[index].decodedPresence(count: count)
    }

    /// All records, with one column per entry of `storages`.
    func rows(storages: [Column.Storage]) -> ChunkRows {
        ChunkRows(times: decodedTimes(), columns: storages.indices.map { decodedColumn($0, storage: storages[$0]) })
    }

    /// The index of the first record with `_time` > `time`.
    func firstIndex(after time: Int64) -> Int {
        if time < firstTime { return 0 }
        if time >= lastTime { return count }
        return decodedTimes().firstIndex(laterThan: time)
    }

    /// The bytes the chunk's encoded columns take (its own object and array headers aside).
    var encodedBytes: Int {
        columns.reduce(times.byteCount) { $0 + $1.byteCount }
    }
}
