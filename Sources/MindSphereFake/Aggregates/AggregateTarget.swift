/// One numeric variable to aggregate: where its values and quality codes are stored and which fields to write.
struct AggregateTarget: Sendable {
    /// The variable name.
    let name: String
    /// `"name":` as JSON bytes.
    let jsonKey: [UInt8]
    /// The column of its values.
    let valueColumn: Int
    /// The column of its `_qc` quality codes, when the variable has them.
    let qualityColumn: Int?
    /// Whether values are INT or LONG (stored as integers) rather than DOUBLE.
    let isInteger: Bool
    /// The fields to write.
    var fields: AggregateFieldSet {
        didSet { fieldList = fields.fields }
    }
    /// `fields` in model order, listed once rather than per aggregate written.
    private(set) var fieldList: [AggregateField]

    /// A target writing `fields`.
    init(name: String, jsonKey: [UInt8], valueColumn: Int, qualityColumn: Int?, isInteger: Bool, fields: AggregateFieldSet) {
        self.name = name
        self.jsonKey = jsonKey
        self.valueColumn = valueColumn
        self.qualityColumn = qualityColumn
        self.isInteger = isInteger
        self.fields = fields
        self.fieldList = fields.fields
    }
}
