/// A parsed `filter` query parameter of Asset Management (the JSON filter language).
indirect enum FilterExpression: Sendable, Equatable {
    /// Every part must hold (implicit `and` of several keys, or explicit `and`).
    case all([FilterExpression])
    /// At least one part must hold (`or`).
    case any([FilterExpression])
    /// The part must not hold (`not`).
    case not(FilterExpression)
    /// A condition on one field.
    case field(String, FilterCondition)
    /// The asset's type is this type or a type below it.
    case hasType(String)

    /// The `hasType` values used anywhere in the expression.
    var typeReferences: [String] {
        switch self {
        case .all(let parts), .any(let parts): parts.flatMap(\.typeReferences)
        case .not(let part): part.typeReferences
        case .field: []
        case .hasType(let type): [type]
        }
    }
}

/// A condition on one field's value.
indirect enum FilterCondition: Sendable, Equatable {
    /// Equal to the text; `nil` means the field is null.
    case equals(String?)
    /// Equal to one of the texts.
    case oneOf([String?])
    /// Starts with the text.
    case startsWith(String)
    /// Ends with the text.
    case endsWith(String)
    /// Contains the text.
    case contains(String)
    /// Earlier than the timestamp.
    case before(FilterBound)
    /// Later than the timestamp.
    case after(FilterBound)
    /// Within the interval; brackets tell whether each end is included.
    case between(lower: FilterBound, lowerInclusive: Bool, upper: FilterBound, upperInclusive: Bool)
    /// Every condition holds.
    case all([FilterCondition])
    /// At least one condition holds.
    case any([FilterCondition])
    /// The condition does not hold.
    case not(FilterCondition)
}

/// A comparison bound: a timestamp when it parses as one, else plain text.
struct FilterBound: Sendable, Equatable {
    /// The text as given.
    let text: String
    /// Milliseconds since 1970 when the text is an ISO 8601 timestamp.
    let milliseconds: Int64?

    /// A bound from text.
    init(_ text: String) {
        self.text = text
        self.milliseconds = Timestamp.parseMilliseconds(text)
    }

    /// Orders a field value against this bound: negative when the value is smaller.
    func compare(_ value: String) -> Int {
        if let bound = milliseconds, let other = Timestamp.parseMilliseconds(value) {
            return other < bound ? -1 : (other == bound ? 0 : 1)
        }
        return value < text ? -1 : (value == text ? 0 : 1)
    }
}
