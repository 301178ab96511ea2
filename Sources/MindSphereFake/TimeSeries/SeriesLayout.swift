/// The fields of one aspect as a series stores them: one column per variable and per quality code, in a stable
/// order (new variables only ever get new columns), plus the order in which records are written out.
struct SeriesLayout: Sendable {
    /// One stored field.
    struct Field: Sendable {
        /// The record key, e.g. `temperature` or `temperature_qc`.
        let name: String
        /// What values it accepts.
        let rule: FieldRule
        /// The variable it belongs to (itself for variables, the variable for quality codes).
        let variableName: String
        /// `"name":` as JSON bytes, ready for output.
        let jsonKey: [UInt8]
    }

    /// The fields, in column order.
    let fields: [Field]
    /// Column index by record key, for the current schema's fields only.
    let columnByName: [String: Int]
    /// Columns in output order (schema order, each quality code after its variable).
    let outputOrder: [Int]
    /// The record keys of the current schema's fields as bytes, in output order.
    let keyTable: FieldKeyTable
    /// The resolution of `_time`.
    let precision: TimePrecision
    /// The schema variables this layout was built from.
    let variables: [VariableDefinition]

    /// A layout for `schema`, keeping the columns of `previous` so stored data stays valid.
    init(schema: AspectSchema, previous: SeriesLayout? = nil) {
        var fields = previous?.fields ?? []
        var columnByName: [String: Int] = [:]
        var outputOrder: [Int] = []
        func column(named name: String, rule: FieldRule, variable: String) -> Int {
            if let old = previous?.columnByName[name], fields[old].rule == rule { return old }
            var key: [UInt8] = []
            JSONWriter.writeString(name, into: &key)
            key.append(UInt8(ascii: ":"))
            fields.append(Field(name: name, rule: rule, variableName: variable, jsonKey: key))
            return fields.count - 1
        }
        for variable in schema.variables {
            let index = column(named: variable.name, rule: FieldRule(variable: variable), variable: variable.name)
            columnByName[variable.name] = index
            outputOrder.append(index)
            if variable.qualityCode {
                let qcName = variable.name + "_qc"
                let qcIndex = column(named: qcName, rule: .qualityCode, variable: variable.name)
                columnByName[qcName] = qcIndex
                outputOrder.append(qcIndex)
            }
        }
        self.fields = fields
        self.columnByName = columnByName
        self.outputOrder = outputOrder
        self.keyTable = FieldKeyTable(fields: fields, order: outputOrder)
        self.precision = TimePrecision(twinType: schema.twinType)
        self.variables = schema.variables
    }

    /// Whether this layout was built from `schema`.
    func matches(_ schema: AspectSchema) -> Bool {
        precision == TimePrecision(twinType: schema.twinType) && variables == schema.variables
    }

    /// Empty columns for every field.
    func emptyColumns(capacity: Int = 0) -> [Column] {
        fields.map { Column(storage: $0.rule.storage, capacity: capacity) }
    }
}
