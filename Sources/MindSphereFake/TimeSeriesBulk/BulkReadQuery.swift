/// The query parameters of `GET /api/iottsbulk/v3/timeseries/{entity}/{propertySetName}`, checked: `from`
/// (exclusive) and `to` (inclusive) are required, `from` before `to`, less than 90 days apart; `limit` is optional
/// and caps the records of the whole read, across the pages `nextRecord` leads to.
struct BulkReadQuery: Sendable {
    /// `to − from` must stay below this (90 days, in microseconds).
    static let maximumRangeMicroseconds: Int64 = 90 * 86_400 * 1_000_000

    /// `from` (exclusive) in microseconds.
    var from: Int64
    /// `to` (inclusive) in microseconds.
    var to: Int64
    /// At most this many records in all; `nil`: every record of the range.
    var limit: Int?
    /// The requested variable names (`nil`: all).
    var select: [String]?
    /// Newest first.
    var descending: Bool

    /// The checked query of `context`, its times read as `formats` allows.
    /// - Throws: `FakeError` (400) naming the missing or bad parameter.
    init(_ context: RequestContext, formats: TimeFormats) throws(FakeError) {
        let query = context.query
        var bounds: [Int64] = []
        for name in ["from", "to"] {
            guard let micros = try TimeSeriesQuery.time(query[name], name: name, formats: formats) else {
                throw FakeError.missingParameter(
                    "query parameter '\(name)' is required; a bulk read needs 'from' (exclusive) and 'to' (inclusive), less than 90 days apart")
            }
            bounds.append(micros)
        }
        from = bounds[0]
        to = bounds[1]
        guard from < to else {
            throw FakeError.invalidParameter("'from' (\(query["from"] ?? "")) must be before 'to' (\(query["to"] ?? ""))")
        }
        guard to - from < Self.maximumRangeMicroseconds else {
            throw FakeError.invalidParameter(
                "the range from '\(query["from"] ?? "")' to '\(query["to"] ?? "")' must be less than 90 days long")
        }
        if let raw = query["limit"], !raw.isEmpty {
            guard let value = Int(raw), value >= 1 else {
                throw FakeError.invalidParameter("query parameter 'limit' must be a positive integer, got '\(raw)'")
            }
            limit = value
        }
        switch query["sort"]?.lowercased() {
        case nil, "", "asc": descending = false
        case "desc": descending = true
        default:
            throw FakeError.invalidParameter("query parameter 'sort' must be 'asc' or 'desc', got '\(query["sort"] ?? "")'")
        }
        select = TimeSeriesQuery.selection(query["select"])
    }
}
