/// The value of one field of a filtered resource.
enum FilterFieldValue: Sendable {
    /// The resource has no such filterable field: conditions on it are ignored.
    case unknownField
    /// The field is null.
    case null
    /// The field's text.
    case text(String)
}

/// Anything a filter can be applied to.
protocol FilterSubject {
    /// The value of `field`.
    func filterValue(_ field: String) -> FilterFieldValue
    /// The subject's type id, for `hasType`; `nil` when types do not apply.
    var filterTypeID: String? { get }
}

/// Applies a `FilterExpression`, with `hasType` resolved once against a type hierarchy.
struct FilterEvaluator {
    let expression: FilterExpression?
    let typeFamilies: [String: Set<String>]

    /// An evaluator for `expression` (`nil` accepts everything); `descendants` gives the ids of a type and its subtypes,
    /// spelled as the subjects' `filterTypeID` spells them.
    init(_ expression: FilterExpression?, descendants: (String) -> Set<String> = { [$0] }) {
        self.expression = expression
        var families: [String: Set<String>] = [:]
        for type in expression?.typeReferences ?? [] { families[type] = descendants(type) }
        self.typeFamilies = families
    }

    /// Whether `subject` passes.
    func matches(_ subject: some FilterSubject) -> Bool {
        guard let expression else { return true }
        return evaluate(expression, subject)
    }

    private func evaluate(_ expression: FilterExpression, _ subject: some FilterSubject) -> Bool {
        switch expression {
        case .all(let parts): return parts.allSatisfy { evaluate($0, subject) }
        case .any(let parts): return parts.contains { evaluate($0, subject) }
        case .not(let part): return !evaluate(part, subject)
        case .hasType(let type):
            guard let typeID = subject.filterTypeID else { return false }
            return typeFamilies[type]?.contains(typeID) ?? false
        case .field(let name, let condition):
            switch subject.filterValue(name) {
            case .unknownField: return true
            case .null: return Self.test(condition, nil)
            case .text(let text): return Self.test(condition, text)
            }
        }
    }

    private static func test(_ condition: FilterCondition, _ value: String?) -> Bool {
        switch condition {
        case .equals(let expected): return value == expected
        case .oneOf(let options): return options.contains(value)
        case .startsWith(let prefix): return value?.hasPrefix(prefix) ?? false
        case .endsWith(let suffix): return value?.hasSuffix(suffix) ?? false
        case .contains(let part): return value?.contains(part) ?? false
        case .before(let bound): return value.map { bound.compare($0) < 0 } ?? false
        case .after(let bound): return value.map { bound.compare($0) > 0 } ?? false
        case .between(let lower, let lowerInclusive, let upper, let upperInclusive):
            guard let value else { return false }
            let low = lower.compare(value)
            let high = upper.compare(value)
            return (lowerInclusive ? low >= 0 : low > 0) && (upperInclusive ? high <= 0 : high < 0)
        case .all(let parts): return parts.allSatisfy { test($0, value) }
        case .any(let parts): return parts.contains { test($0, value) }
        case .not(let part): return !test(part, value)
        }
    }
}
