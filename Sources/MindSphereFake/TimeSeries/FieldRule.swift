/// What a record field of an aspect accepts and how it is stored.
enum FieldRule: Sendable, Equatable {
    /// Any JSON number, stored as `Double`.
    case double
    /// A JSON integer literal within the range (INT, LONG).
    case integer(ClosedRange<Int64>, typeName: StaticString)
    /// `true` or `false`.
    case boolean
    /// A string of at most this many characters (STRING, BIG_STRING).
    case string(maximumLength: Int, typeName: StaticString)
    /// An ISO 8601 UTC timestamp string, stored as milliseconds since 1970.
    case timestamp
    /// A `<variable>_qc` quality code: an unsigned 32-bit integer.
    case qualityCode

    /// The values a quality code may take.
    static let qualityCodeRange: ClosedRange<Int64> = 0...Int64(UInt32.max)

    /// The rule for a variable's data type.
    init(variable: VariableDefinition) {
        switch variable.dataType {
        case .double: self = .double
        case .int: self = .integer(Int64(Int32.min)...Int64(Int32.max), typeName: "INT")
        case .long: self = .integer(Int64.min...Int64.max, typeName: "LONG")
        case .boolean: self = .boolean
        case .string: self = .string(maximumLength: variable.length ?? 255, typeName: "STRING")
        case .bigString: self = .string(maximumLength: variable.length ?? 100_000, typeName: "BIG_STRING")
        case .timestamp: self = .timestamp
        }
    }

    /// Whether the rule's own values are JSON strings (STRING, BIG_STRING, TIMESTAMP); the others take a string only
    /// under `ValueCoercion.coerce`.
    var readsStrings: Bool {
        switch self {
        case .string, .timestamp: true
        case .double, .integer, .boolean, .qualityCode: false
        }
    }

    /// The column storage for values of this rule.
    var storage: Column.Storage {
        switch self {
        case .double: .double
        case .integer, .timestamp, .qualityCode: .integer
        case .boolean: .boolean
        case .string: .string
        }
    }

    /// How the rule is described in error messages.
    var expectation: String {
        switch self {
        case .double: "a number (DOUBLE)"
        case .integer(let range, let typeName):
            "an integer from \(range.lowerBound) to \(range.upperBound) (\(typeName))"
        case .boolean: "true or false (BOOLEAN)"
        case .string(let maximumLength, let typeName): "a string of at most \(maximumLength) characters (\(typeName))"
        case .timestamp: "an ISO 8601 UTC timestamp string such as 2023-02-21T02:01:01.001Z (TIMESTAMP)"
        case .qualityCode: "an integer quality code from 0 to 4294967295"
        }
    }
}

extension FieldRule {
    /// Rules are equal when they accept the same values.
    static func == (lhs: FieldRule, rhs: FieldRule) -> Bool {
        switch (lhs, rhs) {
        case (.double, .double), (.boolean, .boolean), (.timestamp, .timestamp), (.qualityCode, .qualityCode): true
        case (.integer(let left, _), .integer(let right, _)): left == right
        case (.string(let left, let leftType), .string(let right, let rightType)):
            left == right && leftType.description == rightType.description
        default: false
        }
    }
}
