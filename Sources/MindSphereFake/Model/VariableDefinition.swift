/// A variable of an aspect type or asset type, as the platform defines it.
public struct VariableDefinition: Sendable, Equatable {
    /// The variable name.
    public var name: String
    /// The data type (immutable once created).
    public var dataType: VariableDataType
    /// The unit, e.g. `m/s^2`.
    public var unit: String?
    /// Whether the variable is searchable (static aspects).
    public var searchable: Bool
    /// Maximum length for STRING and BIG_STRING; `nil` for other types.
    public var length: Int?
    /// Default value (static aspects and asset types only).
    public var defaultValue: JSONValue?
    /// Whether a `<name>_qc` quality code may accompany values.
    public var qualityCode: Bool

    /// A variable definition.
    public init(
        name: String,
        dataType: VariableDataType,
        unit: String? = nil,
        searchable: Bool = false,
        length: Int? = nil,
        defaultValue: JSONValue? = nil,
        qualityCode: Bool = false
    ) {
        self.name = name
        self.dataType = dataType
        self.unit = unit
        self.searchable = searchable
        self.length = length
        self.defaultValue = defaultValue
        self.qualityCode = qualityCode
    }
}
