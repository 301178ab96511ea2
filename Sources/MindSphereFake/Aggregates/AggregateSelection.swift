/// Reads `select` (`var`, `var.field`, comma separated) into the numeric variables to aggregate and their fields.
/// Without `select` every INT, LONG and DOUBLE variable of the aspect is aggregated with every field; other types
/// are never aggregated.
enum AggregateSelection {
    /// The targets for `select` over `layout`; `available` is the field set of the API version.
    /// - Throws: `FakeError` (400) for a name that is not a numeric variable or an unknown field.
    static func targets(_ select: String?, layout: SeriesLayout, available: AggregateFieldSet) throws(FakeError) -> [AggregateTarget] {
        var targets: [AggregateTarget] = []
        var nonNumeric: [String] = []
        for variable in layout.variables {
            guard let column = layout.columnByName[variable.name] else { continue }
            switch variable.dataType {
            case .int, .long, .double:
                var key: [UInt8] = []
                JSONWriter.writeString(variable.name, into: &key)
                key.append(UInt8(ascii: ":"))
                targets.append(
                    AggregateTarget(
                        name: variable.name, jsonKey: key, valueColumn: column,
                        qualityColumn: variable.qualityCode ? layout.columnByName[variable.name + "_qc"] : nil,
                        isInteger: variable.dataType != .double, fields: available))
            default:
                nonNumeric.append(variable.name)
            }
        }
        guard let select, !select.isEmpty else { return targets }
        var chosen: [String: AggregateFieldSet] = [:]
        for item in select.split(separator: ",") {
            let text = trimmed(item)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            let name = parts[0]
            guard targets.contains(where: { $0.name == name }) else {
                let numeric = targets.map(\.name).joined(separator: ", ")
                if nonNumeric.contains(name) {
                    throw FakeError.invalidParameter(
                        "query parameter 'select' names '\(name)', which is not numeric; only INT, LONG and DOUBLE variables are aggregated (\(numeric.isEmpty ? "this aspect has none" : numeric))"
                    )
                }
                throw FakeError.invalidParameter(
                    "query parameter 'select' names '\(name)', which is not a variable of this aspect; numeric variables: \(numeric.isEmpty ? "none" : numeric)"
                )
            }
            var fields = chosen[name] ?? AggregateFieldSet(bits: 0)
            if parts.count == 1 {
                fields = available
            } else {
                guard let field = AggregateField(name: parts[1]), available.contains(field) else {
                    let names = available.fields.map(\.name).joined(separator: ", ")
                    throw FakeError.invalidParameter(
                        "query parameter 'select' names field '\(parts[1])' of '\(name)', which is not an aggregate field; fields: \(names)")
                }
                fields.insert(field)
            }
            chosen[name] = fields
        }
        return targets.compactMap { target in
            guard let fields = chosen[target.name] else { return nil }
            var target = target
            target.fields = fields
            return target
        }
    }

    private static func trimmed(_ text: Substring) -> String {
        var text = text
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
