/// Answers a checked `TimeSeriesQuery` from one series: a page of records, the latest record, or latest values.
struct TimeSeriesReader {
    /// What a read found.
    struct Page {
        /// The records to write out.
        var slice: SeriesSlice
        /// The layout to write them with.
        var layout: SeriesLayout
        /// When more records match than `limit`: the `from` (ascending) or `to` (descending) of the next page.
        var nextBoundary: Int64?
    }

    /// The window `latestValue` considers: values at least 5 minutes and at most 90 days old.
    static let latestValueMinimumAgeMicros: Int64 = 5 * 60 * 1_000_000
    static let latestValueMaximumAgeMicros: Int64 = 90 * 86_400 * 1_000_000

    let query: TimeSeriesQuery

    /// Reads from `series` at fake time `now` (ms) with the store's ingestion delay.
    func read(_ series: Series, layout: SeriesLayout, nowMilliseconds now: Int64, delay: Int64) throws(FakeError) -> Page {
        let fields = try query.fields(in: layout)
        // Sealed chunks never change, so the copy is read (and decoded) after the series lock is released.
        let storage = series.read(now: now, delay: delay) { $0.storage }
        if query.latestValue {
            return Page(slice: latestValues(storage, layout: layout, fields: fields, nowMicros: now &* 1000), layout: layout)
        }
        if query.asksForLatestRecord {
            guard storage.count > 0 else { return Page(slice: .empty, layout: layout) }
            return Page(slice: storage.slice((storage.count - 1)..<storage.count, fields: fields), layout: layout)
        }
        let rows = storage.range(after: query.from ?? .min, upTo: query.to ?? .max)
        let more = rows.count > query.limit
        if query.descending {
            let page = (rows.upperBound - min(rows.count, query.limit))..<rows.upperBound
            var slice = storage.slice(page, fields: fields)
            slice.descending = true
            let next = more ? storage.time(at: page.lowerBound) - layout.precision.stepMicroseconds : nil
            return Page(slice: slice, layout: layout, nextBoundary: next)
        }
        let page = rows.lowerBound..<(rows.lowerBound + min(rows.count, query.limit))
        let next = more ? storage.time(at: page.upperBound - 1) : nil
        return Page(slice: storage.slice(page, fields: fields), layout: layout, nextBoundary: next)
    }

    /// The latest value of each field within the `latestValue` window (and `from`/`to` when given), as records
    /// holding only the values that are latest at their `_time`, oldest first. A quality code goes with its variable.
    private func latestValues(_ storage: SeriesStorage, layout: SeriesLayout, fields: [Int], nowMicros: Int64) -> SeriesSlice {
        var lower = nowMicros &- Self.latestValueMaximumAgeMicros &- 1
        var upper = nowMicros &- Self.latestValueMinimumAgeMicros
        if let from = query.from { lower = max(lower, from) }
        if let to = query.to { upper = min(upper, to) }
        let rows = storage.range(after: lower, upTo: upper)
        let isQualityCode = fields.map { layout.fields[$0].rule == .qualityCode }
        var latestRow = [Int?](repeating: nil, count: fields.count)
        for (offset, field) in fields.enumerated() where !isQualityCode[offset] {
            latestRow[offset] = storage.lastPresentRow(field: field, in: rows)
        }
        for (offset, field) in fields.enumerated() where isQualityCode[offset] {
            let variable = layout.fields[field].variableName
            if let owner = fields.firstIndex(where: { layout.fields[$0].name == variable }), let ownerRow = latestRow[owner],
                storage.isPresent(row: ownerRow, field: field)
            {
                latestRow[offset] = ownerRow
            }
        }
        let chosenRows = Array(Set(latestRow.compactMap { $0 })).sorted()
        var slice = storage.gathering(chosenRows, fields: fields)
        for (position, stored) in chosenRows.enumerated() {
            for offset in fields.indices where latestRow[offset] != stored {
                slice.columns[offset].present[position] = false
            }
        }
        return slice
    }
}
