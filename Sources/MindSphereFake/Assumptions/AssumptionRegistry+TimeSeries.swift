extension AssumptionRegistry {
    /// IoT Time Series v3 behaviour.
    public static let timeSeries: [Assumption] = [
        Assumption("ts.put-status", .inferred, "A valid PUT /timeseries/{entityId}/{propertySetName} answers 204 with an empty body."),
        Assumption(
            "ts.unknown-asset-or-aspect", .inferred,
            "An unknown asset or an aspect the asset does not have answers 404 {id, message} on PUT, GET and DELETE."),
        Assumption(
            "ts.static-aspect", .inferred,
            "GET on an aspect of category static answers 200 [] (the official CLI's asset-info reads the time series of every aspect of an asset, static ones included, and handles no error); PUT or DELETE on one answers 400 {id, message}: only dynamic aspects hold time series.",
            alternatives: [
                .init("empty", "GET on a static aspect answers 200 []."),
                .init("refuse", "GET on a static aspect answers 400 {id, message} like PUT and DELETE."),
            ]),
        Assumption(
            "ts.strict-types", .inferred,
            "A value may be given as a JSON string when it parses as the variable's type, as Jackson reads a string into a number or Boolean (the official CLI's run-bulk PUTs CSV cells as strings; the official Java and Python SDK samples send \"test\":\"15\"): INT/LONG and _qc take an optional sign and digits in range (\"15\", \"+15\"), DOUBLE a decimal number (\"1.5\", \"1e3\", \".5\"), BOOLEAN true/false as Jackson spells them (\"true\", \"True\", \"TRUE\"); surrounding spaces are trimmed as Jackson does. Refused: fractions or exponents for INT/LONG (\"15.0\", \"1e3\"), \"NaN\" and \"Infinity\" (JSON cannot carry them back), hexadecimal and d/f suffixes, the empty string, anything out of range. Such values are stored typed and read back as JSON numbers and Booleans; STRING, BIG_STRING and TIMESTAMP take strings as before, and JSON values of other types are refused as before.",
            alternatives: [
                .init("coerce", "Strings that parse as the variable's type are accepted and stored typed, as described."),
                .init(
                    "strict",
                    "Values must have the JSON type of the variable: numbers as strings (\"15\") are refused for INT/LONG/DOUBLE, \"true\" for BOOLEAN; INT/LONG need integer literals in range, DOUBLE takes any number."
                ),
            ]),
        Assumption(
            "ts.invalid-record-400", .unknown,
            "Any invalid record refuses the whole PUT with 400 {id, message} naming the record index and field; nothing is stored."),
        Assumption("ts.unknown-variable", .unknown, "A record field that is not a variable of the aspect (or an allowed _qc) answers 400."),
        Assumption("ts.null-value", .unknown, "A variable given as JSON null is stored as absent."),
        Assumption("ts.empty-body", .unknown, "PUT with an empty array answers 400."),
        Assumption("ts.duplicate-time-in-request", .unknown, "Two records with the same _time in one request: the later one wins."),
        Assumption(
            "ts.time-formats", .inferred,
            "_time (and the from/to query parameters) accept YYYY-MM-DDThh:mm:ss[.fraction]Z only, as documented; offsets, a missing Z, dates without time and numbers answer 400 showing the expected format.",
            alternatives: [
                .init("strict", "Only the documented ...ss.SSSZ and ...ssZ forms (Z required)."),
                .init(
                    "lenient",
                    "Any ISO 8601 UTC offset is accepted too (+00:00 as Python's isoformat() writes it, +01:00, +0100, +01) and converted to UTC; a fraction of 1 to 9 digits is truncated to the asset's precision (milliseconds, microseconds for simulation assets) instead of refused; a time without any offset, a space for T, and numbers are still refused."
                ),
            ]),
        Assumption(
            "ts.sub-millisecond", .unknown,
            "A _time with non-zero digits below the millisecond on a performance asset answers 400; simulation assets keep microseconds."),
        Assumption(
            "ts.output-format", .inferred,
            "Records are written _time first (three fraction digits and Z), then present variables in aspect order, each _qc after its variable; TIMESTAMP values are normalised the same way."
        ),
        Assumption(
            "ts.quality-code", .unknown, "<variable>_qc takes an integer from 0 to 4294967295 and is only allowed when the variable has qualityCode."),
        Assumption("ts.limit-maximum", .inferred, "limit defaults to 2000; a limit above 2000, 0, negative or not an integer answers 400."),
        Assumption(
            "ts.link-header", .inferred,
            "A page with more records than limit carries Link: <absolute request URL with from set to the last _time returned>; rel=\"next\" (sort=desc moves to to the last _time minus one step)."
        ),
        Assumption("ts.one-sided-range", .unknown, "Only from: records after from to the end; only to: records from the start up to to."),
        Assumption("ts.bad-query", .inferred, "from after to, a bad time, a bad sort or a bad latestValue answers 400 {id, message}."),
        Assumption(
            "ts.select", .unknown,
            "select names must be variables (or _qc fields) of the aspect, else 400; selecting a variable also returns its _qc; records without selected values are still returned with _time."
        ),
        Assumption(
            "ts.latest-value-shape", .inferred,
            "latestValue=true answers one record per distinct _time holding the variables whose latest value (5 minutes to 90 days old, by fake time) is at that _time, oldest first."
        ),
        Assumption(
            "ts.multi-put-limits", .inferred,
            "PUT /timeseries with more than 5 pairs or more than 100 records answers 400; a body above 100 kB answers 413; nothing is stored."),
        Assumption(
            "ts.multi-put-body", .unknown,
            "PUT /timeseries answers 202 with an empty body when every pair was stored, else 202 {\"errors\":[{entityId, propertySetName, status, message}]} for the skipped pairs."
        ),
        Assumption(
            "ts.payload-too-large", .inferred, "PUT /timeseries/{entityId}/{propertySetName} with a body above 1 MB answers 413 {id, message}."),
        Assumption(
            "ts.delete", .inferred,
            "DELETE without from or to answers 400; success answers 204 at once, also removing accepted records not yet visible."),
        Assumption(
            "ts.patch-status", .unknown,
            "A valid PATCH /timeseries/{entityId}/{propertySetName} answers 204 with an empty body, like PUT; the documentation says only that the merge may take minutes after the response.",
            alternatives: [
                .init("no-content", "A valid PATCH answers 204 with an empty body."),
                .init("accepted", "A valid PATCH answers 202 with an empty body, as an asynchronous merge would."),
            ]),
        Assumption(
            "ts.patch-null", .unknown,
            "PATCH replaces exactly the fields a record names: a value replaces the stored one, a variable given as null removes the stored value, fields not named stay; a record at a _time not stored yet is created; two records with the same _time in one PATCH are merged in order."
        ),
        Assumption(
            "ts.patch-limits", .inferred,
            "A PATCH body above 600 KB (614,400 bytes) answers 413; more than 10 records, an empty array or a body that is not an array answers 400 {id, message}; values are checked as PUT checks them (ts.strict-types, ts.time-formats); any refusal stores nothing."
        ),
        Assumption(
            "ts.patch-time-window", .inferred,
            "A PATCH record with a _time after the fake clock's now, or more than 24 hours before it (exactly 24 hours is accepted), refuses the whole PATCH with 400 {id, message} naming the record."
        ),
        Assumption(
            "ts.patch-big-string", .inferred,
            "A PATCH record naming a BIG_STRING variable (with a value or null) refuses the whole PATCH with 400 {id, message}."),
        Assumption(
            "ts.ingestion-delay", .inferred,
            "With an ingestion delay set, records written at fake time T are visible to reads from T + delay on; a record replacing an older one becomes visible as a whole at that moment."
        ),
    ]
}
