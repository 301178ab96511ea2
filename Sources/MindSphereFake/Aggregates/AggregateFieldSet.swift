/// A set of `AggregateField`s as a bit mask.
struct AggregateFieldSet: Sendable, Equatable {
    /// One bit per field, by raw value.
    var bits: UInt16

    /// The fields of one API version: v4 has `sd`, v3 does not.
    static func all(withStandardDeviation: Bool) -> AggregateFieldSet {
        var set = AggregateFieldSet(bits: 0)
        for field in AggregateField.allCases where field != .sd || withStandardDeviation { set.insert(field) }
        return set
    }

    /// Whether `field` is in the set.
    func contains(_ field: AggregateField) -> Bool { bits & (1 << UInt16(field.rawValue)) != 0 }

    /// Adds `field`.
    mutating func insert(_ field: AggregateField) { bits |= 1 << UInt16(field.rawValue) }

    /// The fields in the set, in model order.
    var fields: [AggregateField] { AggregateField.allCases.filter(contains) }
}
