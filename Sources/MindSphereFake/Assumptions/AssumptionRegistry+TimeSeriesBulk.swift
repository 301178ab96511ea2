extension AssumptionRegistry {
    /// IoT Time Series Bulk v3 read behaviour.
    public static let timeSeriesBulk: [Assumption] = [
        Assumption(
            "bulk.store", .inferred,
            "GET /api/iottsbulk/v3/timeseries/{entity}/{propertySetName} reads the records IoT Time Series PUT and PATCH write (after the same ingestion delay), written as IoT Time Series writes them; select works as in IoT Time Series (a variable brings its _qc, an unknown name answers 400); a static aspect answers {\"records\":[]} (or 400 under ts.static-aspect = refuse)."
        ),
        Assumption(
            "bulk.response-size", .unknown,
            "One answer holds every requested record up to a body of 10 MB (10,485,760 bytes), so well over 2,000 records; the read goes on via nextRecord from there. The real gateway's size and time limits are not published."
        ),
        Assumption(
            "bulk.next-record", .inferred,
            "nextRecord is present only when records the read asks for remain: an absolute URL of the same request with from set to the last _time returned (sort=desc: to set one step before it) and limit, when given, reduced by the records returned; without more records the key is left out. limit caps the records of the whole read, so a read that returned limit records has no nextRecord."
        ),
        Assumption(
            "bulk.query", .inferred,
            "from and to are required (400 naming the missing one), from must be before to (400) and to - from less than 90 days (400); limit, when given, is a positive integer with no upper bound (else 400); sort is asc (default) or desc (else 400)."
        ),
        Assumption(
            "bulk.error-body", .inferred,
            "Refusals answer the Spring Boot body {timestamp, status, error, exception, message, path}: timestamp of the fake clock with milliseconds, the status and its reason phrase, exception org.springframework.web.bind.MissingServletRequestParameterException for a missing parameter and org.springframework.web.server.ResponseStatusException otherwise, the decoded request path; an unknown asset or aspect answers 404 in that shape."
        ),
    ]
}
