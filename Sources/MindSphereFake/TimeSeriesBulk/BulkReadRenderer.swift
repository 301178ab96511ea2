/// Writes one answer of a bulk read: `{"records":[...]}` with as many of the slice's records as fit into the
/// response size limit, plus `"nextRecord":"<absolute url>"` when records the read asks for remain. The URL repeats
/// the request with `from` set to the last `_time` returned (`to` to one step before it for `sort=desc`) and
/// `limit`, when given, reduced by the records returned.
struct BulkReadRenderer {
    /// The fewest bytes a record takes: `{"_time":"2023-02-21T02:01:01.001Z"}` and a comma.
    static let smallestRecordBytes = 37

    /// The request being answered.
    let context: RequestContext
    /// Its checked query.
    let query: BulkReadQuery
    /// The largest body to write (the first record is written whatever its size).
    let maximumBytes: Int

    /// The body for `slice` (records in stored order, `slice.descending` for newest first), where the read asks for
    /// `wanted` records in all from this page on.
    func body(_ slice: SeriesSlice, layout: SeriesLayout, wanted: Int) -> [UInt8] {
        var output: [UInt8] = []
        let count = slice.times.count
        output.reserveCapacity(min(maximumBytes, 64 + count * (40 + 24 * slice.columns.count)))
        output.append(contentsOf: #"{"records":["#.utf8)
        // Room for the closing and a nextRecord as long as any this page could carry.
        let reserve = count == 0 ? 2 : 24 + quoted(nextURL(after: slice.times[0], returned: 0, precision: layout.precision)).count
        var written = 0
        for position in 0..<count {
            let row = slice.descending ? count - 1 - position : position
            let mark = output.count
            if position > 0 { output.append(UInt8(ascii: ",")) }
            RecordRenderer.writeRecord(slice, row: row, layout: layout, into: &output)
            if written > 0 && output.count + reserve > maximumBytes {
                output.removeSubrange(mark...)
                break
            }
            written += 1
        }
        output.append(UInt8(ascii: "]"))
        if written < wanted, written > 0 {
            let last = slice.times[slice.descending ? count - written : written - 1]
            output.append(contentsOf: #","nextRecord":"#.utf8)
            output.append(contentsOf: quoted(nextURL(after: last, returned: written, precision: layout.precision)))
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// The URL of the next page after a page that ended with the record at `last` and held `returned` records.
    func nextURL(after last: Int64, returned: Int, precision: TimePrecision) -> String {
        var changes: [(name: String, value: String)] =
            query.descending
            ? [(name: "to", value: TimeRules.format(last - precision.stepMicroseconds, precision: precision))]
            : [(name: "from", value: TimeRules.format(last, precision: precision))]
        if let limit = query.limit { changes.append((name: "limit", value: String(limit - returned))) }
        return NextPageLink.url(context, setting: changes)
    }

    private func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, into: &bytes)
        return bytes
    }
}
