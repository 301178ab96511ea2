/// The path parameters a route pattern bound, by name, in pattern order.
///
/// A handful of pairs searched in order: a route binds at most a few parameters. One pair (most routes bind one id)
/// is kept inline, so binding it allocates nothing beyond its value; more go into an array.
package struct PathParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private typealias Pair = (name: String, value: String)

    private enum Storage: Sendable {
        case none
        case one(Pair)
        case many([Pair])
    }

    private var storage: Storage = .none

    /// Parameters from name-value pairs (a name given twice keeps its first value).
    package init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { bind(name, to: value) }
    }

    /// Empty parameters for a pattern with `capacity` of them.
    init(capacity: Int) {
        guard capacity > 1 else { return }
        var pairs: [Pair] = []
        pairs.reserveCapacity(capacity)
        storage = .many(pairs)
    }

    /// Binds `name` to `value` (a pattern names each parameter once).
    mutating func bind(_ name: String, to value: String) {
        switch storage {
        case .none: storage = .one((name, value))
        case .one(let first): storage = .many([first, (name, value)])
        case .many(var pairs):
            storage = .none  // leaves `pairs` the only reference, so the append does not copy it
            pairs.append((name, value))
            storage = .many(pairs)
        }
    }

    /// Whether no parameter is bound.
    package var isEmpty: Bool {
        switch storage {
        case .none: true
        case .one: false
        case .many(let pairs): pairs.isEmpty
        }
    }

    /// The value bound to `name`, or `nil`.
    package subscript(name: String) -> String? {
        switch storage {
        case .none: return nil
        case .one(let pair): return pair.name == name ? pair.value : nil
        case .many(let pairs):
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
    }

    /// The bound pairs in pattern order.
    private var pairs: [Pair] {
        switch storage {
        case .none: []
        case .one(let pair): [pair]
        case .many(let pairs): pairs
        }
    }

    /// The same names bound to the same values, in the same order.
    package static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        let left = lhs.pairs
        let right = rhs.pairs
        return left.count == right.count && zip(left, right).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
