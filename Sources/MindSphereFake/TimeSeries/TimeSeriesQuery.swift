/// The query parameters of `GET /timeseries/{entityId}/{propertySetName}`, checked.
struct TimeSeriesQuery: Sendable {
    /// The default and maximum `limit`.
    static let maximumLimit = 2000

    /// `from` (exclusive) in microseconds; `nil` when absent.
    var from: Int64?
    /// `to` (inclusive) in microseconds; `nil` when absent.
    var to: Int64?
    /// At most this many records per page.
    var limit: Int
    /// The requested variable names (`nil`: all).
    var select: [String]?
    /// Newest first.
    var descending: Bool
    /// The latest value of each variable instead of records.
    var latestValue: Bool

    /// Whether neither `from` nor `to` was given: the single latest record is asked for.
    var asksForLatestRecord: Bool { from == nil && to == nil && !latestValue }

    /// The checked query of `context`, its times read as `formats` allows.
    /// - Throws: `FakeError` (400) naming the bad parameter.
    init(_ context: RequestContext, formats: TimeFormats = .strict) throws(FakeError) {
        let query = context.query
        from = try Self.time(query["from"], name: "from", formats: formats)
        to = try Self.time(query["to"], name: "to", formats: formats)
        if let from, let to, from > to {
            throw FakeError.invalidParameter(
                "'from' (\(query["from"] ?? "")) must not be after 'to' (\(query["to"] ?? ""))")
        }
        limit = Self.maximumLimit
        if let raw = query["limit"], !raw.isEmpty {
            guard let value = Int(raw), (1...Self.maximumLimit).contains(value) else {
                throw FakeError.invalidParameter(
                    "query parameter 'limit' must be an integer from 1 to \(Self.maximumLimit), got '\(raw)'")
            }
            limit = value
        }
        switch query["sort"]?.lowercased() {
        case nil, "", "asc": descending = false
        case "desc": descending = true
        default:
            throw FakeError.invalidParameter("query parameter 'sort' must be 'asc' or 'desc', got '\(query["sort"] ?? "")'")
        }
        latestValue = try context.booleanQuery("latestValue", default: false)
        select = Self.selection(query["select"])
    }

    /// The names of a `select` parameter (comma-separated, spaces around names trimmed); `nil` when absent or empty.
    static func selection(_ raw: String?) -> [String]? {
        guard let raw, !raw.isEmpty else { return nil }
        return raw.split(separator: ",").map(Self.trimmedName).filter { !$0.isEmpty }
    }

    private static func trimmedName(_ text: Substring) -> String {
        var text = text
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// Microseconds of the query time `raw` named `name`; `nil` when absent or empty.
    /// - Throws: `FakeError` (400) when it is not a timestamp `formats` accepts.
    static func time(_ raw: String?, name: String, formats: TimeFormats) throws(FakeError) -> Int64? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let micros = TimeRules.parseQueryTime(raw, formats: formats) else {
            throw FakeError.invalidParameter(
                "query parameter '\(name)' value '\(raw)' is not a valid timestamp; expected \(TimeRules.expectedFormat)")
        }
        return micros
    }

    /// The column indices to output for `layout`, in output order.
    /// - Throws: `FakeError` (400) for a name that is not a variable of the aspect.
    func fields(in layout: SeriesLayout) throws(FakeError) -> [Int] {
        try Self.fields(select: select, in: layout)
    }

    /// The column indices `select` (`nil`: all) names in `layout`, in output order; a variable brings its `_qc`.
    /// - Throws: `FakeError` (400) for a name that is not a variable of the aspect.
    static func fields(select: [String]?, in layout: SeriesLayout) throws(FakeError) -> [Int] {
        guard let select else { return layout.outputOrder }
        var wanted = Set<Int>()
        for name in select where name != "_time" {
            guard let column = layout.columnByName[name] else {
                let names = layout.outputOrder.map { layout.fields[$0].name }.joined(separator: ", ")
                throw FakeError.invalidParameter(
                    "query parameter 'select' names '\(name)', which is not a variable of this aspect; variables: \(names)")
            }
            wanted.insert(column)
            if let qualityCode = layout.columnByName[name + "_qc"], layout.fields[column].rule != .qualityCode {
                wanted.insert(qualityCode)
            }
        }
        return layout.outputOrder.filter(wanted.contains)
    }
}
