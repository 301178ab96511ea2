/// Which `_time` (and `from`/`to`) texts IoT Time Series accepts (assumption `ts.time-formats`).
package enum TimeFormats: Sendable, Equatable {
    /// The documented `YYYY-MM-DDThh:mm:ss[.fraction]Z`.
    case strict
    /// Also any ISO 8601 offset (`+00:00`, `+0100`, `-05`), converted to UTC, with fraction digits beyond the asset's
    /// precision truncated (`LenientTimestamp`).
    case lenient
}
