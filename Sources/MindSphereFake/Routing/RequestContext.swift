/// Everything a route handler may read about the request it serves.
package struct RequestContext: Sendable {
    /// The request as received.
    public let request: FakeRequest
    /// The decoded path.
    public let path: String
    /// The parsed query.
    public let query: QueryParameters
    /// Path parameters bound by the route pattern.
    public let pathParameters: PathParameters
    /// The authenticated caller, for routes behind the gateway token check.
    public let principal: Principal?
    /// "Now" in milliseconds since 1970, read once from the fake's clock for this request.
    public let nowMilliseconds: Int64

    /// A context.
    public init(
        request: FakeRequest,
        path: String,
        query: QueryParameters,
        pathParameters: PathParameters,
        principal: Principal?,
        nowMilliseconds: Int64
    ) {
        self.request = request
        self.path = path
        self.query = query
        self.pathParameters = pathParameters
        self.principal = principal
        self.nowMilliseconds = nowMilliseconds
    }

    /// A path parameter bound by the route (the route guarantees it exists).
    public func parameter(_ name: String) -> String {
        pathParameters[name] ?? ""
    }

    /// The caller's tenant; routes behind the token check always have one.
    public var tenant: String { principal?.tenant ?? "" }

    /// The absolute base URL the caller used, e.g. `http://127.0.0.1:8080`.
    public var baseURL: String { request.baseURL }

    /// The body parsed as JSON.
    /// - Throws: `FakeError` (400) naming the parse problem, or when the body is empty.
    public func jsonBody() throws(FakeError) -> JSONValue {
        guard !request.body.isEmpty else { throw FakeError(.malformedBody, "the request body is empty; a JSON body is required") }
        do {
            return try JSONParser.parse(request.body)
        } catch {
            throw FakeError(.malformedBody, "the request body is not valid JSON: \(error)")
        }
    }

    /// A Boolean query parameter, accepting `true`/`false` in any letter case (`True` from .NET clients).
    /// - Throws: `FakeError` (400) when the value is not a Boolean.
    public func booleanQuery(_ name: String, default defaultValue: Bool) throws(FakeError) -> Bool {
        guard let raw = query[name], !raw.isEmpty else { return defaultValue }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default: throw FakeError.invalidParameter("query parameter '\(name)' must be true or false, got '\(raw)'")
        }
    }

    /// An integer query parameter within `range`.
    /// - Throws: `FakeError` (400) when the value is not an integer in range.
    public func integerQuery(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(FakeError) -> Int {
        guard let raw = query[name], !raw.isEmpty else { return defaultValue }
        guard let value = Int(raw), range.contains(value) else {
            throw FakeError.invalidParameter(
                "query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(raw)'")
        }
        return value
    }
}
