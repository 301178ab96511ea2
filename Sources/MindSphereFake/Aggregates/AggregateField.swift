/// One field of a variable's aggregate object, in the order the service's models list them.
enum AggregateField: Int, Sendable, CaseIterable {
    case countgood
    case countuncertain
    case countbad
    case sum
    case average
    case minvalue
    case mintime
    case maxvalue
    case maxtime
    case firstvalue
    case firsttime
    case lastvalue
    case lasttime
    /// The standard deviation; v4 only.
    case sd

    /// The JSON key.
    var name: String { String(describing: self) }

    /// The field named `name` (as written in `select=var.field`, any letter case).
    init?(name: String) {
        guard let field = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = field
    }

    /// `"name":` as JSON bytes.
    var jsonKey: [UInt8] { Array("\"\(name)\":".utf8) }
}

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
