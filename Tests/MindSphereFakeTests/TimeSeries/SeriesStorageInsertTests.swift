import Testing

@testable import MindSphereFake

/// Batches that arrive out of time order land in order, whether inserted as a block or merged record by record.
@Suite struct SeriesStorageInsertTests {
    private let layout = SeriesLayout(
        schema: TimeSeriesHarness.schema(
            "acceleration",
            [
                VariableDefinition(name: "x", dataType: .double)
            ]))

    private func batch(_ times: [Int64]) -> RecordBatch {
        var column = Column(storage: .double)
        for time in times {
            column.doubles.append(Double(time) + 0.5)
            column.present.append(true)
        }
        return RecordBatch(times: times, columns: [column])
    }

    @Test func merge_batchesInAnyOrder_keepTimesSortedWithTheirValues() {
        var storage = SeriesStorage()
        storage.conform(to: layout)
        for times in [[10, 20, 30], [40, 50], [31, 32], [5], [33, 39], [20, 25], [1, 60], [45, 44]] as [[Int64]] {
            storage.merge(batch(times))
        }
        let expected: [Int64] = [1, 5, 10, 20, 25, 30, 31, 32, 33, 39, 40, 44, 45, 50, 60]
        let slice = storage.slice(0..<storage.count, fields: [0])
        #expect(slice.times == expected)
        #expect(slice.columns[0].doubles == expected.map { Double($0) + 0.5 })
        #expect(slice.columns[0].present == expected.map { _ in true })
    }

    @Test func merge_batchInAGapOfAWiderLayout_fillsTheMissingColumnAsAbsent() {
        let wider = SeriesLayout(
            schema: TimeSeriesHarness.schema(
                "acceleration",
                [
                    VariableDefinition(name: "x", dataType: .double), VariableDefinition(name: "y", dataType: .double),
                ]), previous: layout)
        var storage = SeriesStorage()
        storage.conform(to: wider)
        storage.merge(batch([10, 30]))
        storage.merge(batch([20]))
        let slice = storage.slice(0..<storage.count, fields: [0, 1])
        #expect(slice.times == [10, 20, 30])
        #expect(slice.columns[1].present == [false, false, false])
        #expect(slice.columns[0].doubles == [10.5, 20.5, 30.5])
    }
}
