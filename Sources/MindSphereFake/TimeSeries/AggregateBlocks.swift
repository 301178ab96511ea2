/// Per DOUBLE column, the aggregate of each whole block of `blockSize` rows (rows `k * blockSize ..< (k + 1) *
/// blockSize`), so an interval of many rows reads its whole blocks' summaries and scans only the rows at its edges.
/// Rows are numbered across the series' chunks. Kept in `SeriesStorage` and built lazily under the series lock: every write that changes rows from index `r` on
/// drops the summaries of the blocks from `r / blockSize` on (`invalidate(from:)`); a read rebuilds what is missing.
/// Only visible records are stored there, so writes still waiting for the ingestion delay are never summarised.
struct AggregateBlocks: Sendable {
    /// Rows per block: an hourly interval of 1-second data spans about 14 blocks, and an interval's edges cost at
    /// most two partial blocks.
    static let blockSize = 256

    /// The summaries of the whole blocks built so far, by column index (a prefix of the column's blocks).
    private var summaries: [Int: [VariableAggregate]] = [:]

    /// An empty cache.
    init() {}

    /// Drops the summaries of every block holding row `row` or a later one.
    mutating func invalidate(from row: Int) {
        guard !summaries.isEmpty else { return }
        let keep = max(0, row) / Self.blockSize
        for (column, built) in summaries where built.count > keep {
            summaries[column]!.removeSubrange(keep...)
        }
    }

    /// Drops every summary.
    mutating func removeAll() {
        summaries = [:]
    }

    /// The summaries of every whole block of the DOUBLE column `column` of a series of `count` records, building
    /// those missing from `rows`, which copies out the times and that column (as its only one) of a range of rows.
    mutating func summaries(column: Int, count: Int, rows: (Range<Int>) -> SeriesSlice) -> [VariableAggregate] {
        var built = summaries.removeValue(forKey: column) ?? []
        let whole = count / Self.blockSize
        if built.count < whole {
            built.reserveCapacity(whole)
            // Decoded 64 blocks at a time, so each chunk is decoded about once.
            var block = built.count
            while block < whole {
                let last = min(whole, block + 64)
                let base = block * Self.blockSize
                let slice = rows(base..<(last * Self.blockSize))
                slice.columns[0].doubles.withUnsafeBufferPointer { values in
                    slice.columns[0].present.withUnsafeBufferPointer { present in
                        slice.times.withUnsafeBufferPointer { times in
                            for index in block..<last {
                                let local = (index * Self.blockSize - base)..<((index + 1) * Self.blockSize - base)
                                built.append(VariableAggregate.ofDoubles(values, present: present, times: times, rows: local))
                            }
                        }
                    }
                }
                block = last
            }
        }
        summaries[column] = built
        return built
    }
}
