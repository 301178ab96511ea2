extension AssumptionRegistry {
    /// IoT TS Aggregates v3 and v4 behaviour (computed by the fake from the raw time series).
    public static let aggregates: [Assumption] = [
        Assumption(
            "agg.sd", .unknown,
            "v4's sd is the population standard deviation (squared deviations from the mean divided by n), so a single value has sd 0 (the official CLI calls sd.toFixed() on every aggregate and would fail on null).",
            alternatives: [
                .init("population", "sd divides by n; one value gives 0."),
                .init("sample", "sd divides by n - 1; one value gives null."),
            ]),
        Assumption(
            "agg.quality-values", .unknown,
            "Every value enters sum, average, minvalue, maxvalue, firstvalue, lastvalue and sd whatever its quality code; countgood/countuncertain/countbad only classify them.",
            alternatives: [
                .init("all", "Good, uncertain and bad values all enter the statistics."),
                .init(
                    "good",
                    "Only good values enter the statistics; uncertain and bad ones are only counted, and a variable with no good value in an interval shows its counts only."
                ),
            ]),
        Assumption(
            "agg.quality-classes", .inferred,
            "A <variable>_qc is classified by its OPC UA severity bits (the top two of 32 bits): 00 good, 01 uncertain, 10 and 11 bad; a value without a quality code is good."
        ),
        Assumption(
            "agg.time-format", .inferred,
            "starttime, endtime and the *time fields are written YYYY-MM-DDThh:mm:ss.SSSZ (six fraction digits for simulation assets); a Grafana data source that talks to the real service parses firsttime with %Y-%m-%dT%H:%M:%S.%fZ."
        ),
        Assumption(
            "agg.integer-values", .inferred,
            "For INT and LONG variables sum, minvalue, maxvalue, firstvalue and lastvalue are JSON integers (the documentation's sample shows \"maxvalue\": 95, \"sum\": 375); average and sd are always numbers with a fraction, DOUBLE variables' values too."
        ),
        Assumption(
            "agg.extreme-time", .unknown,
            "When the minimum or maximum occurs more than once in an interval, mintime/maxtime name the first occurrence."),
        Assumption(
            "agg.numeric-only", .inferred,
            "Only INT, LONG and DOUBLE variables are aggregated; other variables never appear in an item, and select naming one answers 400."),
        Assumption(
            "agg.empty-variable", .inferred,
            "A variable without a value in an interval is left out of that interval's item; an interval without any value produces no item (v3 too)."),
        Assumption(
            "agg.select", .inferred,
            "select takes var and var.field, comma separated; an unknown variable or field (sd in v3) answers 400 naming it; var.field items of one variable add up."
        ),
        Assumption(
            "agg.timezone", .inferred,
            "Intervals align to the asset's timezone (Asset Management documents it as 'the timezone to be used for timeseries aggregation'; the SDK comment says the tenant's): days start at local midnight, weeks on Monday, months on the 1st; a day across a daylight-saving change has 23 or 25 hours. A zone id unknown to the zone database aligns to UTC."
        ),
        Assumption(
            "agg.v4.errors", .inferred,
            "v4 answers bad parameters with 400 {\"errors\":[{code: mdsp.core.generic.invalidParameter|missingParameter, logref, message}]} naming the rule, and an unknown asset or aspect with 404 mdsp.core.generic.notFound."
        ),
        Assumption(
            "agg.v4.alignment", .inferred,
            "v4 widens from down to the start of its unit (of the 2-minute grid for minutes) and to up to the end of the interval that holds it; intervals run back to back from the widened from."
        ),
        Assumption(
            "agg.v4.defaults", .inferred,
            "v4 without from and to but with an interval covers the last 7 days (the last 24 hours for minutes) up to now; only from: to = from's UTC date + 90 days (the unit's maximum range when an interval is given) or now if earlier; only to: from = to - 90 days (or the unit's maximum range); no interval: 1 day for ranges of a day or more, 1 hour for an hour or more, else 2 minutes."
        ),
        Assumption(
            "agg.v4.count", .unknown,
            "v4 count with intervalUnit/intervalValue and one end derives the other end (with neither end, to is now); count with from and to and no interval derives the interval (refused unless it is an allowed length); count with from, to and an interval must equal the number of intervals, else 400."
        ),
        Assumption(
            "agg.v4.maximum-range", .inferred,
            "v4 refuses with 400 a requested range (before widening) longer than 24 hours for minute, 7 days for hour, 90 days for day, week and month intervals (so 3 months longer than 90 days are refused), and simulation assets."
        ),
        Assumption(
            "agg.v3.rules", .inferred,
            "v3 requires from, to, intervalValue and intervalUnit (millisecond, second, minute, hour, day, week, month; any value from 1 on for performance assets, 1/10 ms and 1 s for simulation assets); from and to must be unit starts in the asset's zone (1 hour on the hour, 1 week on a Monday) and the range a whole number of intervals, else 400 {id, message}."
        ),
        Assumption(
            "agg.v3.no-sd", .unknown,
            "v3 items carry no sd (the SDK's v3 model has none, although the migration guide's v3 sample shows one)."),
        Assumption(
            "agg.unknown-asset", .inferred,
            "An unknown asset or an aspect the asset does not have answers 404 (v3 {id, message}); a static aspect answers no aggregates (or 400 under ts.static-aspect=refuse)."
        ),
    ]
}
