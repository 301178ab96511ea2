/// Builds the `Link: <absolute url>; rel="next"` header of a paged time-series read: the request's URL with
/// `from` (ascending) or `to` (descending) moved past the last record returned, other parameters kept in order.
enum NextPageLink {
    /// The header value for the page after the one answered to `context`.
    static func header(_ context: RequestContext, boundary: Int64, descending: Bool, precision: TimePrecision) -> String {
        let moved = descending ? "to" : "from"
        let value = TimeRules.format(boundary, precision: precision)
        var pairs = context.query.pairs
        if let index = pairs.firstIndex(where: { $0.name == moved }) {
            pairs[index].value = value
            pairs.removeAll { $0.name == moved && $0.value != value }
        } else {
            pairs.append((name: moved, value: value))
        }
        let rawPath = context.request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let query = pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
        return "<\(context.baseURL)\(rawPath)?\(query)>; rel=\"next\""
    }

    /// Percent-encodes a query component, leaving unreserved characters and `:` and `,` as they are.
    static func encode(_ text: String) -> String {
        PercentDecoding.encode(text, alsoKeeping: ":,")
    }
}
