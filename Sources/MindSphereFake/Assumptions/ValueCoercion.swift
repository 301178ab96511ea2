/// Whether a time-series value may be a JSON string of its variable's type (assumption `ts.strict-types`).
package enum ValueCoercion: Sendable, Equatable {
    /// `"15"` for INT/LONG/_qc, `"1.5"` for DOUBLE, `"true"` for BOOLEAN are accepted and stored typed (`JacksonScalars`).
    case coerce
    /// Values must have the variable's JSON type.
    case strict
}
