/// Records copied out of a series for rendering outside its lock.
struct SeriesSlice: Sendable {
    /// `_time` per record, in output order.
    var times: [Int64]
    /// The copied columns, parallel to `fieldIndices`.
    var columns: [Column]
    /// The layout field index of each copied column.
    var fieldIndices: [Int]
    /// Whether to write the records last to first.
    var descending = false

    /// No records.
    static let empty = SeriesSlice(times: [], columns: [], fieldIndices: [])

    /// Appends the records of `other` (the same fields).
    mutating func append(_ other: SeriesSlice) {
        times.append(contentsOf: other.times)
        for index in columns.indices { columns[index].append(contentsOf: other.columns[index]) }
    }
}
