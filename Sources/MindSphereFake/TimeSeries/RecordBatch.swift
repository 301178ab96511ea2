/// Validated records of one write, in the columns of a `SeriesLayout`; `_time` in microseconds.
struct RecordBatch: Sendable {
    /// `_time` of each record, in request order (may be unsorted and repeat).
    var times: [Int64]
    /// One column per layout field (a batch may have fewer columns than a newer layout: the rest are absent).
    var columns: [Column]
    /// `nil` for a batch whose records replace whole stored records (PUT). For a merging batch (PATCH): per column,
    /// per record, whether the field was given as `null`; a merge replaces only the fields given (with a value or
    /// `null`) and keeps the others of a stored record at the same `_time`.
    var nulled: [[Bool]]? = nil

    /// The number of records.
    var count: Int { times.count }

    /// The same records ordered by `_time`, keeping only the last record of each `_time` (later ones replace earlier).
    func sortedUnique() -> RecordBatch {
        var increasing = true
        for index in times.indices.dropFirst() where times[index] <= times[index - 1] {
            increasing = false
            break
        }
        if increasing { return self }
        let order = times.indices.sorted { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        var rows: [Int] = []
        rows.reserveCapacity(order.count)
        for (position, row) in order.enumerated() {
            if position + 1 < order.count, times[order[position + 1]] == times[row] { continue }
            rows.append(row)
        }
        return RecordBatch(times: rows.map { times[$0] }, columns: columns.map { $0.gathering(rows) })
    }

    /// The records whose `_time` is outside `from` (exclusive) ... `to` (inclusive).
    func removing(after from: Int64, upTo to: Int64) -> RecordBatch {
        let rows = times.indices.filter { times[$0] <= from || times[$0] > to }
        if rows.count == times.count { return self }
        return RecordBatch(
            times: rows.map { times[$0] }, columns: columns.map { $0.gathering(rows) },
            nulled: nulled.map { mask in mask.map { column in rows.map { column[$0] } } })
    }
}
