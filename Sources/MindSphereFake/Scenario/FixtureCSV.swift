/// Time-series records from CSV: a header row naming `_time` and the variables (and `<variable>_qc` columns), then
/// one record per row. Cells are typed by the aspect's variable types when the scenario declares them (STRING stays
/// text even when it looks like a number), else inferred (integer, number, true/false, text). Empty cells are left out.
struct FixtureCSV {
    let file: ScenarioSourceFile
    let variableTypes: [String: VariableDataType]

    /// The records, in row order.
    /// - Throws: `ScenarioError` at the offending row.
    func records() throws(ScenarioError) -> [JSONObject] {
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else { return [] }
        let header = Self.cells(headerLine).map { $0.trimmingSpaces }
        guard header.contains("_time") else {
            throw ScenarioError("the CSV header must have a '_time' column", at: SourceLocation(file: file.path, line: 1))
        }
        var records: [JSONObject] = []
        records.reserveCapacity(lines.count - 1)
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = Self.cells(line)
            guard cells.count == header.count else {
                throw ScenarioError(
                    "row has \(cells.count) cells, the header has \(header.count)",
                    at: SourceLocation(file: file.path, line: index + 1))
            }
            var record = JSONObject()
            for (name, cell) in zip(header, cells) where !cell.isEmpty {
                record[name] = value(cell, column: name)
            }
            records.append(record)
        }
        return records
    }

    private func value(_ cell: String, column: String) -> JSONValue {
        if column == "_time" { return .string(cell) }
        if column.hasSuffix("_qc"), let code = Int64(cell) { return .number(.integer(code)) }
        switch variableTypes[column] {
        case .string?, .bigString?, .timestamp?: return .string(cell)
        case .double?: return Double(cell).map { JSONValue.number(.double($0)) } ?? .string(cell)
        case .int?, .long?: return Int64(cell).map { JSONValue.number(.integer($0)) } ?? .string(cell)
        case .boolean?: return cell == "true" ? .bool(true) : cell == "false" ? .bool(false) : .string(cell)
        case nil: return ScenarioNode.plainScalar(cell)
        }
    }

    /// The cells of one line: comma separated, `"..."` quoting with `""` for a quote.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                cells.append(current)
                                current = ""
                            } else {
                                current.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "," {
                cells.append(current)
                current = ""
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
