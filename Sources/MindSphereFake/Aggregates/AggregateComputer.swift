/// Computes the aggregates of one series over a grid of intervals, decoding the stored chunks it needs (under the
/// series lock). Only intervals holding at least one value of a target variable produce an item; a variable without
/// values in an interval is left out of that item.
///
/// DOUBLE variables without quality codes are summed block by block (`AggregateBlocks`): with `useBlockSummaries`
/// whole blocks come from the series' cached summaries (the fast path), without it every block is scanned (the
/// general twin, kept so a differential test can hold the two together). Both merge the same chunks in the same
/// order, so they answer the same bits.
struct AggregateComputer: Sendable {
    /// One interval's aggregates.
    struct Item: Sendable {
        /// The exclusive start (µs).
        var start: Int64
        /// The inclusive end (µs).
        var end: Int64
        /// One entry per target, `nil` when the variable had no value in the interval.
        var values: [VariableAggregate?]
    }

    let grid: AggregateGrid
    let targets: [AggregateTarget]
    let options: AggregateOptions
    /// Whether whole blocks of DOUBLE columns are read from the cached block summaries rather than scanned.
    var useBlockSummaries = true

    /// A computer over `grid` for `targets`.
    init(grid: AggregateGrid, targets: [AggregateTarget], options: AggregateOptions, useBlockSummaries: Bool = true) {
        self.grid = grid
        self.targets = targets
        self.options = options
        self.useBlockSummaries = useBlockSummaries
    }

    /// The non-empty intervals of `storage` in time order.
    func items(_ storage: inout SeriesStorage) -> [Item] {
        var items: [Item] = []
        guard !targets.isEmpty else { return items }
        let summaries: [[VariableAggregate]?] = targets.map { target in
            guard useBlockSummaries, !target.isInteger, target.qualityColumn == nil else { return nil }
            return storage.aggregateBlockSummaries(field: target.valueColumn)
        }
        let storage = storage
        // The rows the grid covers, with their times decoded once for the intervals' binary searches.
        let covered = storage.range(after: grid.from, upTo: grid.to)
        let times = storage.slice(covered, fields: []).times
        func firstIndex(after time: Int64) -> Int { covered.lowerBound + times.firstIndex(laterThan: time) }
        var cursor = grid.from
        while cursor < grid.to {
            let first = firstIndex(after: cursor)
            guard first < covered.upperBound else { break }
            let (start, end) = grid.interval(containing: times[first - covered.lowerBound])
            let rows = first..<firstIndex(after: end)
            let values = targets.indices.map { aggregate(targets[$0], rows: rows, storage: storage, summaries: summaries[$0]) }
            if values.contains(where: { $0 != nil }) { items.append(Item(start: start, end: end, values: values)) }
            guard end > cursor else { break }
            cursor = end
        }
        return items
    }

    /// The aggregate of `target` over `rows`: DOUBLE values without quality codes block by block, decoding only the
    /// rows of blocks not taken from `summaries`; others from the rows decoded at once.
    private func aggregate(
        _ target: AggregateTarget, rows: Range<Int>, storage: SeriesStorage,
        summaries: [VariableAggregate]?
    ) -> VariableAggregate? {
        var result = VariableAggregate()
        if !target.isInteger && target.qualityColumn == nil {
            let whole = summaries == nil ? storage.slice(rows, fields: [target.valueColumn]) : nil
            result = VariableAggregate.ofDoublesInBlocks(rows: rows, summaries: summaries) { part in
                let slice = whole ?? storage.slice(part, fields: [target.valueColumn])
                let base = whole == nil ? part.lowerBound : rows.lowerBound
                return slice.columns[0].doubles.withUnsafeBufferPointer { values in
                    slice.columns[0].present.withUnsafeBufferPointer { present in
                        slice.times.withUnsafeBufferPointer { times in
                            VariableAggregate.ofDoubles(
                                values, present: present, times: times,
                                rows: (part.lowerBound - base)..<(part.upperBound - base))
                        }
                    }
                }
            }
            if result.count > 0 { result.finish(options.standardDeviation) }
            return result.isEmpty ? nil : result
        }
        let slice = storage.slice(rows, fields: [target.valueColumn] + (target.qualityColumn.map { [$0] } ?? []))
        let column = slice.columns[0]
        let quality = slice.columns.count > 1 ? slice.columns[1] : nil
        let goodOnly = options.qualityValues == .good
        let local = 0..<slice.times.count
        slice.times.withUnsafeBufferPointer { times in
            column.present.withUnsafeBufferPointer { present in
                func qualityClass(_ row: Int) -> QualityClass {
                    guard let quality, quality.present[row] else { return .good }
                    return QualityClass(code: quality.integers[row])
                }
                if target.isInteger {
                    column.integers.withUnsafeBufferPointer { values in
                        for row in local where present[row] {
                            let grade = qualityClass(row)
                            result.count(grade)
                            if goodOnly && grade != .good { continue }
                            result.add(integer: values[row], at: times[row])
                        }
                        if result.count > 0 { result.finish(options.standardDeviation) }
                    }
                } else {
                    column.doubles.withUnsafeBufferPointer { values in
                        for row in local where present[row] {
                            let grade = qualityClass(row)
                            result.count(grade)
                            if goodOnly && grade != .good { continue }
                            result.add(values[row], at: times[row])
                        }
                        if result.count > 0 { result.finish(options.standardDeviation) }
                    }
                }
            }
        }
        return result.isEmpty ? nil : result
    }
}
