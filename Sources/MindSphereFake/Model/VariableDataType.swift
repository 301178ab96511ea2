/// The data types of aspect-type and asset-type variables.
public enum VariableDataType: String, Sendable, CaseIterable {
    /// `true` or `false`.
    case boolean = "BOOLEAN"
    /// 32-bit signed integer.
    case int = "INT"
    /// 64-bit signed integer.
    case long = "LONG"
    /// 64-bit floating point.
    case double = "DOUBLE"
    /// Text of at most `length` (≤ 255) characters.
    case string = "STRING"
    /// Text of at most `length` (≤ 100000) characters; dynamic aspect types only.
    case bigString = "BIG_STRING"
    /// An ISO 8601 UTC timestamp.
    case timestamp = "TIMESTAMP"
}
