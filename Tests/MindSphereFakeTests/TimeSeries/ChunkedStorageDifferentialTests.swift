import Testing

@testable import MindSphereFake

/// Holds the chunked `SeriesStorage` (compressed, and with the plain codec) to one `ChunkRows`, the single sorted
/// set of columns the series kept before chunks: random appends crossing many chunk boundaries, out-of-order
/// batches into sealed chunks, overwrites of existing times, PATCH merges with `null`s, range deletes and a layout
/// that grows a field, each followed by a comparison of every record and of random range, time and presence lookups.
@Suite struct ChunkedStorageDifferentialTests {
    static let narrow = SeriesLayout(
        schema: TimeSeriesHarness.schema(
            "mixed",
            [
                VariableDefinition(name: "x", dataType: .double),
                VariableDefinition(name: "n", dataType: .long),
                VariableDefinition(name: "s", dataType: .string, length: 32),
            ]))
    static let wide = SeriesLayout(
        schema: TimeSeriesHarness.schema(
            "mixed",
            [
                VariableDefinition(name: "x", dataType: .double),
                VariableDefinition(name: "n", dataType: .long),
                VariableDefinition(name: "s", dataType: .string, length: 32),
                VariableDefinition(name: "b", dataType: .boolean),
            ]), previous: narrow)

    private func batch(
        _ times: [Int64], columns count: Int, merging: Bool,
        using random: inout SeededRandomNumberGenerator
    ) -> RecordBatch {
        let storages: [Column.Storage] = [.double, .integer, .string, .boolean]
        var columns = storages.prefix(count).map { Column(storage: $0) }
        var nulled = Array(repeating: [Bool](), count: count)
        for time in times {
            for index in columns.indices {
                let present = Int.random(in: 0..<5, using: &random) > 0
                nulled[index].append(!present && Bool.random(using: &random))
                guard present else {
                    columns[index].appendAbsent()
                    continue
                }
                columns[index].present.append(true)
                switch columns[index].storage {
                case .double: columns[index].doubles.append(Double(time % 1000) * 0.25 + Double(index))
                case .integer: columns[index].integers.append(time / 1000 &* Int64(index + 1))
                case .string: columns[index].strings.append(["running", "setup", "ä"].randomElement(using: &random)!)
                case .boolean: columns[index].booleans.append(Bool.random(using: &random))
                }
            }
        }
        return RecordBatch(times: times, columns: columns, nulled: merging ? nulled : nil)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func chunkedStorageAnswersAsOneSetOfColumns(seed: UInt64) {
        var random = SeededRandomNumberGenerator(seed: 0x5E81_E500 + seed)
        var reference = ChunkRows()
        var compressed = SeriesStorage(codec: .compressed)
        var plain = SeriesStorage(codec: .plain)
        var layout = Self.narrow
        func conform() {
            reference.conform(to: layout.fields.map(\.rule.storage))
            compressed.conform(to: layout)
            plain.conform(to: layout)
        }
        conform()
        var next: Int64 = 1_000_000
        for step in 0..<80 {
            if step == 40 {
                layout = Self.wide
                conform()
            }
            var times: [Int64] = []
            var merging = false
            switch Int.random(in: 0..<10, using: &random) {
            case 0...4:
                for _ in 0..<Int.random(in: 1...900, using: &random) {
                    next += Int64.random(in: 1...3, using: &random) * 1000
                    times.append(next)
                }
            case 5, 6:
                for _ in 0..<Int.random(in: 1...300, using: &random) {
                    times.append(Int64.random(in: 0...(next + 5000), using: &random) / 1000 * 1000)
                }
            case 7:
                merging = true
                for _ in 0..<Int.random(in: 1...10, using: &random) {
                    times.append(Int64.random(in: 0...(next + 5000), using: &random) / 1000 * 1000)
                }
            default:
                let from = Int64.random(in: 0...next, using: &random)
                let to = from + Int64.random(in: 0...200_000, using: &random)
                let removed = reference.remove(after: from, upTo: to)
                #expect(compressed.remove(after: from, upTo: to) == removed)
                #expect(plain.remove(after: from, upTo: to) == removed)
            }
            if !times.isEmpty {
                let columns = Bool.random(using: &random) ? layout.fields.count : Self.narrow.fields.count
                let written = batch(times, columns: columns, merging: merging, using: &random)
                reference.merge(written)
                compressed.merge(written)
                plain.merge(written)
            }
            let fields = Array(layout.fields.indices)
            let all = reference.slice(0..<reference.count, fields: fields)
            #expect(compressed.count == reference.count)
            #expect(ColumnComparison.same(compressed.slice(0..<compressed.count, fields: fields), all))
            #expect(ColumnComparison.same(plain.slice(0..<plain.count, fields: fields), all))
            guard reference.count > 0 else { continue }
            for _ in 0..<5 {
                let from = Int64.random(in: -1...(next + 2000), using: &random)
                let to = from + Int64.random(in: 0...3_000_000, using: &random)
                let rows = reference.range(after: from, upTo: to)
                #expect(compressed.range(after: from, upTo: to) == rows)
                #expect(compressed.firstIndex(after: from) == reference.firstIndex(after: from))
                let row = Int.random(in: 0..<reference.count, using: &random)
                #expect(compressed.time(at: row) == reference.times[row])
                let field = fields.randomElement(using: &random)!
                #expect(compressed.isPresent(row: row, field: field) == reference.isPresent(row: row, field: field))
                let latest = rows.reversed().first { reference.isPresent(row: $0, field: field) }
                #expect(compressed.lastPresentRow(field: field, in: rows) == latest)
                let picked = Array(Set((0..<3).map { _ in Int.random(in: 0..<reference.count, using: &random) })).sorted()
                #expect(ColumnComparison.same(compressed.gathering(picked, fields: [field]), reference.gathering(picked, fields: [field])))
            }
        }
        #expect(compressed.sealed.count > 3)
        #expect(compressed.encodedBytes < plain.encodedBytes)
    }
}
