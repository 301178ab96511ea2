/// Records as plain arrays: a sorted, unique `_time` column (microseconds) and one typed column per field. The open
/// chunk of a series is one, and a sealed chunk is decoded into one to be read or rebuilt (see `SeriesStorage`).
/// Appending in time order is amortised O(1) per record; earlier or repeated times are inserted or replace in place.
struct ChunkRows: Sendable {
    /// `_time` of each record, strictly increasing.
    private(set) var times: [Int64] = []
    /// One column per layout field, each as long as `times`.
    private(set) var columns: [Column] = []

    /// The number of records.
    var count: Int { times.count }

    /// No records, with one empty column per entry of `storages`.
    init(storages: [Column.Storage] = []) {
        columns = storages.map { Column(storage: $0) }
    }

    /// The given records (every column as long as `times`).
    init(times: [Int64], columns: [Column]) {
        self.times = times
        self.columns = columns
    }

    /// Adds columns so there is one per entry of `storages` (new fields are absent in existing records).
    mutating func conform(to storages: [Column.Storage]) {
        while columns.count < storages.count {
            var column = Column(storage: storages[columns.count])
            column.appendAbsent(count: times.count)
            columns.append(column)
        }
    }

    /// Stores `batch`; a record at an existing `_time` replaces the whole old record. A batch that fits between two
    /// stored records without sharing a `_time` is inserted as one block.
    mutating func merge(_ batch: RecordBatch) {
        if let nulled = batch.nulled {
            mergeFields(batch, nulled: nulled)
            return
        }
        let batch = batch.sortedUnique()
        guard let first = batch.times.first else { return }
        if times.last.map({ $0 < first }) ?? true {
            times.append(contentsOf: batch.times)
            for index in columns.indices {
                if index < batch.columns.count {
                    columns[index].append(contentsOf: batch.columns[index])
                } else {
                    columns[index].appendAbsent(count: batch.count)
                }
            }
            return
        }
        let start = firstIndex(after: first - 1)
        if batch.columns.count == columns.count, let last = batch.times.last, last < times[start] {
            times.insert(contentsOf: batch.times, at: start)
            for index in columns.indices { columns[index].insert(contentsOf: batch.columns[index], at: start) }
            return
        }
        mergeTail(batch, from: start)
    }

    /// Merges the given fields of each record of `batch` into the stored record at its `_time` (or a new record), in
    /// request order: a value replaces the stored one, a `null` (`nulled`) removes it, fields not given stay. Each
    /// record costs a binary search and, when new, an insertion (merging batches are small: at most 10 records).
    private mutating func mergeFields(_ batch: RecordBatch, nulled: [[Bool]]) {
        for row in batch.times.indices {
            let time = batch.times[row]
            let index = firstIndex(after: time - 1)
            if index < times.count && times[index] == time {
                for column in batch.columns.indices where column < columns.count {
                    if batch.columns[column].present[row] {
                        columns[column].replace(at: index, from: batch.columns[column], row: row)
                    } else if nulled[column][row] {
                        columns[column].replaceWithAbsent(at: index)
                    }
                }
                continue
            }
            times.insert(time, at: index)
            for column in columns.indices {
                if column < batch.columns.count {
                    columns[column].insert(from: batch.columns[column], row: row, at: index)
                } else {
                    columns[column].insertAbsent(at: index)
                }
            }
        }
    }

    /// Merges the sorted, unique `batch` with the records from `start` on (all later records), rewriting only that
    /// tail: O(tail + batch), so writes that arrive slightly out of order stay cheap.
    private mutating func mergeTail(_ batch: RecordBatch, from start: Int) {
        let tailCount = times.count - start
        var mergedTimes: [Int64] = []
        mergedTimes.reserveCapacity(tailCount + batch.count)
        var merged = columns.map { Column(storage: $0.storage, capacity: tailCount + batch.count) }
        var old = start
        var new = 0
        while old < times.count || new < batch.count {
            let takeOld = new == batch.count || (old < times.count && times[old] < batch.times[new])
            if takeOld {
                mergedTimes.append(times[old])
                for index in columns.indices { merged[index].append(from: columns[index], row: old) }
                old += 1
                continue
            }
            if old < times.count && times[old] == batch.times[new] { old += 1 }
            mergedTimes.append(batch.times[new])
            for index in columns.indices {
                if index < batch.columns.count {
                    merged[index].append(from: batch.columns[index], row: new)
                } else {
                    merged[index].appendAbsent()
                }
            }
            new += 1
        }
        times.removeSubrange(start...)
        times.append(contentsOf: mergedTimes)
        for index in columns.indices {
            columns[index].removeSubrange(start..<columns[index].count)
            columns[index].append(contentsOf: merged[index])
        }
    }

    /// The index of the first record with `_time` > `time` (binary search).
    func firstIndex(after time: Int64) -> Int { times.firstIndex(laterThan: time) }

    /// The indices of records with `from` < `_time` <= `to`.
    func range(after from: Int64, upTo to: Int64) -> Range<Int> {
        guard from < to else { return 0..<0 }
        let lower = firstIndex(after: from)
        let upper = firstIndex(after: to)
        return lower..<max(lower, upper)
    }

    /// Removes the records with `from` < `_time` <= `to`; returns how many.
    @discardableResult
    mutating func remove(after from: Int64, upTo to: Int64) -> Int {
        let doomed = range(after: from, upTo: to)
        guard !doomed.isEmpty else { return 0 }
        times.removeSubrange(doomed)
        for index in columns.indices { columns[index].removeSubrange(doomed) }
        return doomed.count
    }

    /// A copy of the records in `rows` limited to `fields` (column indices).
    func slice(_ rows: Range<Int>, fields: [Int]) -> SeriesSlice {
        SeriesSlice(
            times: Array(times[rows]),
            columns: fields.map { columns[$0].slice(rows) },
            fieldIndices: fields
        )
    }

    /// A copy of the records at `rows` (any order) limited to `fields`.
    func gathering(_ rows: [Int], fields: [Int]) -> SeriesSlice {
        SeriesSlice(
            times: rows.map { times[$0] },
            columns: fields.map { columns[$0].gathering(rows) },
            fieldIndices: fields
        )
    }

    /// Whether record `row` has a value in column `field`.
    func isPresent(row: Int, field: Int) -> Bool {
        columns[field].present[row]
    }

    /// The records in `rows` as rows of their own.
    func rows(_ rows: Range<Int>) -> ChunkRows {
        ChunkRows(times: Array(times[rows]), columns: columns.map { $0.slice(rows) })
    }
}
