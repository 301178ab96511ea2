/// The path parameters a route pattern bound, by name, in pattern order.
///
/// A handful of pairs searched in order: a route binds at most a few parameters, so this costs one allocation per
/// request where a dictionary would cost hashing and growing as well.
package struct PathParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The bound parameters, in pattern order.
    private var pairs: [(name: String, value: String)]

    /// Parameters from name-value pairs (a name given twice keeps its first value).
    package init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Empty parameters with room for `capacity` pairs.
    init(capacity: Int) {
        pairs = []
        pairs.reserveCapacity(capacity)
    }

    /// Binds `name` to `value` (a pattern names each parameter once).
    mutating func bind(_ name: String, to value: String) {
        pairs.append((name: name, value: value))
    }

    /// Whether no parameter is bound.
    package var isEmpty: Bool { pairs.isEmpty }

    /// The value bound to `name`, or `nil`.
    package subscript(name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// The same names bound to the same values, in the same order.
    package static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
