/// Checks the records of a write against an aspect's layout and turns them into a `RecordBatch`.
/// Any invalid record refuses the whole write, with a message naming the record index and field.
struct RecordValidator {
    /// The layout the records must fit.
    let layout: SeriesLayout
    /// Whether INT/LONG/DOUBLE/BOOLEAN values and quality codes may be strings of their type (`ts.strict-types`).
    var coercion: ValueCoercion = .coerce
    /// Which `_time` forms are accepted (`ts.time-formats`).
    var formats: TimeFormats = .strict

    /// A batch of the records in `body`, which must be a JSON array of record objects.
    /// - Throws: `FakeError` (400) for the first problem found.
    func batch(fromBody body: JSONValue) throws(FakeError) -> RecordBatch {
        guard case .array(let records) = body else {
            throw FakeError.invalidBody("the request body must be a JSON array of records, got a \(body.typeName)")
        }
        guard !records.isEmpty else {
            throw FakeError.invalidBody("the request body is an empty array; send at least one record with '_time'")
        }
        return try batch(records)
    }

    /// A batch of `records`.
    /// - Throws: `FakeError` (400) for the first problem found.
    func batch(_ records: [JSONValue]) throws(FakeError) -> RecordBatch {
        var times: [Int64] = []
        times.reserveCapacity(records.count)
        var columns = layout.emptyColumns(capacity: records.count)
        var seen = [Bool](repeating: false, count: columns.count)
        for (index, record) in records.enumerated() {
            guard case .object(let object) = record else {
                throw FakeError.invalidBody("record \(index): must be a JSON object, got a \(record.typeName)")
            }
            for column in seen.indices { seen[column] = false }
            var time: Int64?
            for member in object.members {
                if member.key == "_time" {
                    do {
                        time = try TimeRules.parse(member.value, precision: layout.precision, formats: formats)
                    } catch {
                        throw FakeError.invalidBody("record \(index): " + error.message(field: "_time"))
                    }
                    continue
                }
                guard let column = layout.columnByName[member.key] else {
                    throw FakeError.invalidBody(unknownFieldMessage(member.key, index: index))
                }
                try store(
                    member.value, in: &columns[column], rule: layout.fields[column].rule,
                    field: member.key, index: index)
                seen[column] = true
            }
            guard let time else {
                throw FakeError.missingBody(
                    "record \(index): '_time' is missing; every record needs '_time' in the format \(TimeRules.expectedFormat)")
            }
            times.append(time)
            for column in columns.indices where !seen[column] { columns[column].appendAbsent() }
        }
        return RecordBatch(times: times, columns: columns)
    }

    private func unknownFieldMessage(_ key: String, index: Int) -> String {
        let names = layout.outputOrder.map { layout.fields[$0].name }
        if key.hasSuffix("_qc"), layout.columnByName[String(key.dropLast(3))] != nil {
            return "record \(index): field '\(key)' is not allowed: variable '\(key.dropLast(3))' has no quality code"
        }
        return "record \(index): field '\(key)' is not a variable of this aspect; allowed: _time"
            + names.map { ", " + $0 }.joined()
    }

    private func store(_ value: JSONValue, in column: inout Column, rule: FieldRule, field: String, index: Int) throws(FakeError) {
        func refuse(_ detail: String = "") -> FakeError {
            FakeError.invalidBody("record \(index): field '\(field)' must be \(rule.expectation), got \(describe(value))\(detail)")
        }
        if case .null = value {
            column.appendAbsent()
            return
        }
        // A string for a number or Boolean is read by the same rules as the byte scanner's (`JacksonScalars`).
        let coercible = coercion == .coerce && !rule.readsStrings ? value.stringValue : nil
        switch rule {
        case .double:
            if let coercible {
                guard let number = JacksonScalars.withBytes(coercible, JacksonScalars.double) else { throw refuse() }
                column.doubles.append(number)
            } else {
                guard case .number(let number) = value else { throw refuse() }
                column.doubles.append(number.doubleValue)
            }
        case .integer(let range, _):
            column.integers.append(try integer(value, coercible: coercible, in: range, orThrow: refuse))
        case .qualityCode:
            column.integers.append(try integer(value, coercible: coercible, in: FieldRule.qualityCodeRange, orThrow: refuse))
        case .boolean:
            if let coercible {
                guard let flag = JacksonScalars.withBytes(coercible, JacksonScalars.boolean) else { throw refuse() }
                column.booleans.append(flag)
            } else {
                guard case .bool(let flag) = value else { throw refuse() }
                column.booleans.append(flag)
            }
        case .string(let maximumLength, _):
            guard case .string(let text) = value else { throw refuse() }
            let length = text.count
            guard length <= maximumLength else { throw refuse(" of \(length) characters") }
            column.strings.append(text)
        case .timestamp:
            guard case .string(let text) = value, let millis = Timestamp.parseMilliseconds(text) else { throw refuse() }
            column.integers.append(millis)
        }
        column.present.append(true)
    }

    /// An integer in `range`: parsed from `coercible` when the value is a string to coerce, else the JSON integer.
    private func integer(
        _ value: JSONValue, coercible: String?, in range: ClosedRange<Int64>, orThrow refuse: (String) -> FakeError
    ) throws(FakeError) -> Int64 {
        if let coercible {
            guard let integer = JacksonScalars.withBytes(coercible, { JacksonScalars.integer($0, in: range) }) else { throw refuse("") }
            return integer
        }
        guard case .number(.integer(let integer)) = value, range.contains(integer) else { throw refuse("") }
        return integer
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "the string \"\(shown)\""
        case .number, .bool:
            return JSONWriter.string(value)
        default:
            return "a \(value.typeName)"
        }
    }
}
