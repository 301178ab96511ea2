import MindSphereFake

/// One dynamic aspect per benchmark series whose variables are read from its records: a fraction is DOUBLE, a whole
/// number LONG, `true`/`false` BOOLEAN, text STRING. Assets are `PlantBenchmark`'s ids: 32 hex digits naming the
/// series and the copy.
struct InferredSchemas: AspectSchemaProvider {
    static let aspectName = "process"
    private let variables: [[VariableDefinition]]

    /// The schemas of series whose records are `records` (one list per series).
    init(_ records: [[JSONObject]]) {
        variables = records.map { records in
            var found: [String: VariableDataType] = [:]
            var order: [String] = []
            for record in records {
                for (key, value) in record.members where key != "_time" {
                    let type: VariableDataType
                    switch value {
                    case .number(.integer): type = .long
                    case .number: type = .double
                    case .bool: type = .boolean
                    default: type = .string
                    }
                    if found[key] == nil { order.append(key) }
                    // A variable seen both as a whole number and as a fraction is DOUBLE.
                    if found[key] != .double { found[key] = type }
                }
            }
            return order.map { VariableDefinition(name: $0, dataType: found[$0]!, length: found[$0] == .string ? 255 : nil) }
        }
    }

    /// The asset id of copy `copy` of series `series`.
    static func assetID(series: Int, copy: Int) -> String {
        let digits = String(series * 10_000 + copy, radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }

    /// The variables of the first series, e.g. `temperature:DOUBLE speed:DOUBLE`.
    var summary: String {
        (variables.first ?? []).map { "\($0.name):\($0.dataType.rawValue)" }.joined(separator: " ")
    }

    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        guard let number = Int(assetID, radix: 16), variables.indices.contains(number / 10_000) else { return .assetNotFound }
        guard aspectName == Self.aspectName else { return .aspectNotFound }
        return .found(
            AspectSchema(
                assetID: assetID, aspectName: aspectName, aspectTypeID: "iiotuxpc.process", category: .dynamic,
                variables: variables[number / 10_000]))
    }
}
