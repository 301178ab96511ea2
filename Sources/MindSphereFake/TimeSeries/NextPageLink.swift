/// Builds the `Link: <absolute url>; rel="next"` header of a paged time-series read: the request's URL with
/// `from` (ascending) or `to` (descending) moved past the last record returned, other parameters kept in order.
enum NextPageLink {
    /// The header value for the page after the one answered to `context`.
    static func header(_ context: RequestContext, boundary: Int64, descending: Bool, precision: TimePrecision) -> String {
        let moved = descending ? "to" : "from"
        return "<" + url(context, setting: [(name: moved, value: TimeRules.format(boundary, precision: precision))]) + ">; rel=\"next\""
    }

    /// The absolute URL of the request answered to `context` with each parameter of `changes` set to its value (in
    /// place of its first occurrence, other values of it dropped; appended when absent), the others kept in order.
    static func url(_ context: RequestContext, setting changes: [(name: String, value: String)]) -> String {
        var pairs = context.query.pairs
        for change in changes {
            if let index = pairs.firstIndex(where: { $0.name == change.name }) {
                pairs[index].value = change.value
                pairs.removeAll { $0.name == change.name && $0.value != change.value }
            } else {
                pairs.append(change)
            }
        }
        let rawPath = context.request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let query = pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
        return "\(context.baseURL)\(rawPath)?\(query)"
    }

    /// Percent-encodes a query component, leaving unreserved characters and `:` and `,` as they are.
    static func encode(_ text: String) -> String {
        PercentDecoding.encode(text, alsoKeeping: ":,")
    }
}
