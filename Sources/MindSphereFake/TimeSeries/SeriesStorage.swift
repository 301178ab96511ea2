/// The visible records of one series in time order: sealed chunks (`SealedChunk`, immutable, compressed) followed by
/// one open chunk (`ChunkRows`, plain arrays) that takes appends. When the open chunk holds a chunk's worth of records
/// more than `openWindow`, its oldest `chunkCapacity` records are sealed, so a write never copies more than two chunks
/// under the series lock, and a copy of the storage (references to its sealed chunks plus the small open chunk) can be
/// read after the lock is released.
/// A write into the time range of a sealed chunk rebuilds that chunk only. Rows are numbered across all chunks.
struct SeriesStorage: Sendable {
    /// Records per sealed chunk written in time order: small enough that sealing and rebuilding are cheap, large
    /// enough that per-chunk headers and `_time` deltas cost little per record.
    static let chunkCapacity = 1024
    /// The newest records that stay in the open chunk even when they could be sealed. A client writing over several
    /// connections delivers its batches slightly out of order; a late batch within this window merges into plain
    /// arrays instead of decoding and rebuilding the sealed chunk it would otherwise fall into.
    static let openWindow = 1024

    /// The sealed chunks, in time order, none empty; every record of one is earlier than all of the next.
    private(set) var sealed: [SealedChunk] = []
    /// The row number of the first record of each sealed chunk.
    private var starts: [Int] = []
    /// The number of records in sealed chunks.
    private var sealedCount = 0
    /// The records after every sealed one.
    private var open = ChunkRows()
    /// The value array of each layout field.
    private var storages: [Column.Storage] = []
    /// How sealed chunks are encoded.
    private let codec: ChunkCodec
    /// Block summaries of DOUBLE columns for aggregates; every mutation below drops those of the rows it changes.
    private var aggregateBlocks = AggregateBlocks()

    /// An empty storage sealing chunks with `codec`.
    init(codec: ChunkCodec = .compressed) {
        self.codec = codec
    }

    /// The number of records.
    var count: Int { sealedCount + open.count }

    /// Adds columns so there is one per field of `layout` (new fields are absent in existing records).
    mutating func conform(to layout: SeriesLayout) {
        aggregateBlocks.removeAll()
        while storages.count < layout.fields.count { storages.append(layout.fields[storages.count].rule.storage) }
        open.conform(to: storages)
    }

    /// Stores `batch`; a record at an existing `_time` replaces the whole old record. A merging batch (PATCH, with
    /// `nulled`) replaces only the fields it gives (see `ChunkRows.merge`).
    mutating func merge(_ batch: RecordBatch) {
        let batch = batch.nulled == nil ? batch.sortedUnique() : batch
        guard let first = batch.times.min() else { return }
        aggregateBlocks.invalidate(from: firstIndex(after: first - 1))
        if batch.nulled == nil, sealed.last.map({ $0.lastTime < first }) ?? true {
            open.merge(batch)
            sealFull()
            return
        }
        // Each record goes to the chunk whose time range holds it: the open chunk after the last sealed record,
        // else the last sealed chunk starting at or before it (the first for earlier records).
        var targets: [Int: [Int]] = [:]
        for row in batch.times.indices { targets[target(of: batch.times[row]), default: []].append(row) }
        for chunk in targets.keys.sorted(by: >) {
            let part = Self.part(of: batch, rows: targets[chunk]!)
            if chunk == sealed.count {
                open.merge(part)
                continue
            }
            var rows = sealed[chunk].rows(storages: storages)
            rows.merge(part)
            replace(chunk, with: rows)
        }
        sealFull()
        recount()
    }

    /// The chunk a record at `time` belongs to: `sealed.count` for the open chunk.
    private func target(of time: Int64) -> Int {
        guard let last = sealed.last, time <= last.lastTime else { return sealed.count }
        var low = 0
        var high = sealed.count
        while low < high {
            let middle = (low + high) >> 1
            if sealed[middle].firstTime <= time { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The records `rows` of `batch` (in that order).
    private static func part(of batch: RecordBatch, rows: [Int]) -> RecordBatch {
        if rows.count == batch.count { return batch }
        return RecordBatch(
            times: rows.map { batch.times[$0] }, columns: batch.columns.map { $0.gathering(rows) },
            nulled: batch.nulled.map { mask in mask.map { column in rows.map { column[$0] } } })
    }

    /// Puts the records `rows` in place of sealed chunk `index`: as one chunk up to twice the capacity (so repeated
    /// small insertions do not fragment), else split into chunks of the capacity; none when `rows` is empty.
    /// `starts` is stale until `recount()`.
    private mutating func replace(_ index: Int, with rows: ChunkRows) {
        var pieces: [SealedChunk] = []
        if rows.count <= 2 * Self.chunkCapacity {
            if rows.count > 0 { pieces.append(SealedChunk(rows, codec: codec)) }
        } else {
            var lower = 0
            while lower < rows.count {
                let upper = min(rows.count, lower + Self.chunkCapacity)
                pieces.append(SealedChunk(rows.rows(lower..<upper), codec: codec))
                lower = upper
            }
        }
        sealed.replaceSubrange(index...index, with: pieces)
    }

    /// Seals whole chunks from the front of the open chunk, keeping its newest `openWindow` records open.
    private mutating func sealFull() {
        guard open.count >= Self.chunkCapacity + Self.openWindow else { return }
        var lower = 0
        while open.count - lower >= Self.chunkCapacity + Self.openWindow {
            let chunk = SealedChunk(open.rows(lower..<(lower + Self.chunkCapacity)), codec: codec)
            starts.append(sealedCount)
            sealedCount += chunk.count
            sealed.append(chunk)
            lower += Self.chunkCapacity
        }
        // The rest goes into fresh arrays: removing the sealed front would keep the capacity of the batch that
        // filled the chunk, which for one day of 1-second records is megabytes per series.
        open = open.rows(lower..<open.count)
    }

    /// Rebuilds `starts` and `sealedCount` after chunks were replaced.
    private mutating func recount() {
        starts.removeAll(keepingCapacity: true)
        var total = 0
        for chunk in sealed {
            starts.append(total)
            total += chunk.count
        }
        sealedCount = total
    }

    /// Removes the records with `from` < `_time` <= `to`; returns how many.
    @discardableResult
    mutating func remove(after from: Int64, upTo to: Int64) -> Int {
        let doomed = range(after: from, upTo: to)
        guard !doomed.isEmpty else { return 0 }
        aggregateBlocks.invalidate(from: doomed.lowerBound)
        open.remove(after: from, upTo: to)
        for index in sealed.indices.reversed() where sealed[index].lastTime > from && sealed[index].firstTime <= to {
            if sealed[index].firstTime > from && sealed[index].lastTime <= to {
                sealed.remove(at: index)
                continue
            }
            var rows = sealed[index].rows(storages: storages)
            rows.remove(after: from, upTo: to)
            replace(index, with: rows)
        }
        recount()
        return doomed.count
    }

    /// The sealed chunk holding `row` (`sealed.count` for the open chunk) and the row's index in it.
    private func locate(_ row: Int) -> (chunk: Int, index: Int) {
        if row >= sealedCount { return (sealed.count, row - sealedCount) }
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) >> 1
            if starts[middle] <= row { low = middle + 1 } else { high = middle }
        }
        return (low - 1, row - starts[low - 1])
    }

    /// The index of the first record with `_time` > `time` (binary searches over the chunks, then in one).
    func firstIndex(after time: Int64) -> Int {
        guard let last = sealed.last, time < last.lastTime else { return sealedCount + open.firstIndex(after: time) }
        var low = 0
        var high = sealed.count
        while low < high {
            let middle = (low + high) >> 1
            if sealed[middle].lastTime <= time { low = middle + 1 } else { high = middle }
        }
        return starts[low] + sealed[low].firstIndex(after: time)
    }

    /// The indices of records with `from` < `_time` <= `to`.
    func range(after from: Int64, upTo to: Int64) -> Range<Int> {
        guard from < to else { return 0..<0 }
        let lower = firstIndex(after: from)
        let upper = firstIndex(after: to)
        return lower..<max(lower, upper)
    }

    /// `_time` of record `row`.
    func time(at row: Int) -> Int64 {
        let (chunk, index) = locate(row)
        if chunk == sealed.count { return open.times[index] }
        if index == 0 { return sealed[chunk].firstTime }
        if index == sealed[chunk].count - 1 { return sealed[chunk].lastTime }
        return sealed[chunk].decodedTimes()[index]
    }

    /// Calls `body` with each chunk's part of `rows` in order: the chunk's rows (decoded lazily through `rows`,
    /// limited to `fields`) and the part's range within them.
    private func forEachPart(_ rows: Range<Int>, fields: [Int], _ body: (ChunkRows, Range<Int>) -> Void) {
        guard !rows.isEmpty else { return }
        var (chunk, index) = locate(rows.lowerBound)
        var remaining = rows.count
        while remaining > 0 {
            let decoded: ChunkRows
            if chunk == sealed.count {
                decoded = open
            } else {
                let sealedChunk = sealed[chunk]
                var columns = storages.map { Column(storage: $0) }
                for field in fields { columns[field] = sealedChunk.decodedColumn(field, storage: storages[field]) }
                decoded = ChunkRows(times: sealedChunk.decodedTimes(), columns: columns)
            }
            let taken = min(remaining, decoded.count - index)
            body(decoded, index..<(index + taken))
            remaining -= taken
            chunk += 1
            index = 0
        }
    }

    /// A copy of the records in `rows` limited to `fields` (column indices).
    func slice(_ rows: Range<Int>, fields: [Int]) -> SeriesSlice {
        var slice = SeriesSlice(
            times: [], columns: fields.map { Column(storage: storages[$0], capacity: rows.count) },
            fieldIndices: fields)
        slice.times.reserveCapacity(rows.count)
        forEachPart(rows, fields: fields) { chunk, part in slice.append(chunk.slice(part, fields: fields)) }
        return slice
    }

    /// A copy of the records at `rows` (ascending) limited to `fields`.
    func gathering(_ rows: [Int], fields: [Int]) -> SeriesSlice {
        var slice = SeriesSlice(times: [], columns: fields.map { Column(storage: storages[$0]) }, fieldIndices: fields)
        for row in rows { slice.append(self.slice(row..<(row + 1), fields: fields)) }
        return slice
    }

    /// The last row in `rows` with a value in column `field`, or `nil`.
    func lastPresentRow(field: Int, in rows: Range<Int>) -> Int? {
        guard !rows.isEmpty else { return nil }
        var (chunk, index) = locate(rows.upperBound - 1)
        var row = rows.upperBound - 1
        while row >= rows.lowerBound {
            let present = chunk == sealed.count ? open.columns[field].present : sealed[chunk].decodedPresence(field)
            while index >= 0 && row >= rows.lowerBound {
                if present[index] { return row }
                index -= 1
                row -= 1
            }
            chunk -= 1
            if chunk >= 0 { index = sealed[chunk].count - 1 }
        }
        return nil
    }

    /// Whether record `row` has a value in column `field`.
    func isPresent(row: Int, field: Int) -> Bool {
        let (chunk, index) = locate(row)
        if chunk == sealed.count { return open.columns[field].present[index] }
        return sealed[chunk].decodedPresence(field)[index]
    }

    /// The block summaries of every whole block of the DOUBLE column `field` (see `AggregateBlocks`), built lazily.
    mutating func aggregateBlockSummaries(field: Int) -> [VariableAggregate] {
        var blocks = AggregateBlocks()
        swap(&blocks, &aggregateBlocks)
        let summaries = blocks.summaries(column: field, count: count) { slice($0, fields: [field]) }
        swap(&blocks, &aggregateBlocks)
        return summaries
    }

    /// The bytes the records' columns take: encoded sealed chunks plus the open chunk's arrays.
    var encodedBytes: Int {
        sealed.reduce(open.count * (8 + 9 * storages.count)) { $0 + $1.encodedBytes }
    }
}
