import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesStoreTests {
    private func scenario(_ records: [JSONObject]) -> Scenario {
        var scenario = Scenario.minimal
        scenario.timeSeries = [
            ScenarioTimeSeries(
                tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset, aspectName: "acceleration",
                records: records, origin: SourceLocation(file: "scenarios/demo.yaml", line: 12))
        ]
        return scenario
    }

    @Test func load_replacesAllSeriesWithScenarioRecords() throws {
        let harness = TimeSeriesHarness()
        harness.put("mixed", #"[{"_time":"2023-01-01T00:00:00Z","count":1}]"#)
        try harness.store.load(scenario([["_time": .string("2023-01-01T00:00:00Z"), "x": .double(1.5)]]))
        #expect(harness.store.recordCount() == 1)
        #expect(harness.get("mixed").bodyText == "[]")
        #expect(harness.records(harness.get("acceleration")).first?["x"] == .double(1.5))
    }

    @Test func load_invalidRecord_throwsNamingOriginAndField() {
        let harness = TimeSeriesHarness()
        do {
            try harness.store.load(scenario([["_time": .string("2023-01-01T00:00:00Z"), "x": .string("one")]]))
            Issue.record("load accepted a non-numeric string for a DOUBLE")
        } catch {
            #expect(error.location == SourceLocation(file: "scenarios/demo.yaml", line: 12))
            #expect(error.description.contains("field 'x'"))
        }
    }

    @Test func load_unknownAsset_throws() {
        var bad = Scenario.minimal
        bad.timeSeries = [ScenarioTimeSeries(tenant: TimeSeriesHarness.tenant, assetID: "nope", aspectName: "acceleration", records: [])]
        #expect(throws: ScenarioError.self) { try TimeSeriesHarness().store.load(bad) }
    }

    @Test func snapshotAndRemoveAll_dumpThenClearEverySeries() {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 2))
        let snapshot = harness.store.snapshot().arrayValue ?? []
        #expect(snapshot.count == 1)
        #expect(snapshot.first?["entityId"] == .string(TimeSeriesHarness.asset))
        #expect(snapshot.first?["propertySetName"] == .string("acceleration"))
        #expect(snapshot.first?["records"]?.arrayValue?.count == 2)
        harness.store.removeAll()
        #expect(harness.store.recordCount() == 0)
        #expect(harness.store.snapshot() == .array([]))
    }

    @Test func put_outOfOrderAndInterleavedBatches_readBackSorted() {
        let harness = TimeSeriesHarness()
        let times = [5, 1, 9, 3, 7, 2, 8, 0, 6, 4]
        for chunk in stride(from: 0, to: times.count, by: 3) {
            let records = times[chunk..<min(chunk + 3, times.count)].map {
                #"{"_time":"\#(Timestamp.format(milliseconds: Int64($0) * 1000))","x":\#($0)}"#
            }
            #expect(harness.put("acceleration", "[" + records.joined(separator: ",") + "]").status == .noContent)
        }
        let read = harness.records(harness.get("acceleration", "from=1969-12-31T00:00:00Z"))
        #expect(read.map { $0["x"] } == (0..<10).map { JSONValue.double(Double($0)) })
    }

    @Test func put_afterAspectGainsVariable_keepsOldDataAndAcceptsTheNewVariable() {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", #"[{"_time":"2023-01-01T00:00:00Z","x":1}]"#)
        harness.schemas.add(
            TimeSeriesHarness.schema(
                "acceleration",
                [
                    VariableDefinition(name: "x", dataType: .double), VariableDefinition(name: "y", dataType: .double),
                    VariableDefinition(name: "z", dataType: .double), VariableDefinition(name: "w", dataType: .int),
                ]))
        #expect(harness.put("acceleration", #"[{"_time":"2023-01-01T00:00:01Z","w":4}]"#).status == .noContent)
        let read = harness.records(harness.get("acceleration", "from=2022-01-01T00:00:00Z"))
        #expect(read.map(\.keys) == [["_time", "x"], ["_time", "w"]])
    }

    @Test func put_tenantsAreSeparate() {
        let harness = TimeSeriesHarness()
        harness.schemas.add(tenant: "other", TimeSeriesHarness.schema("acceleration", [VariableDefinition(name: "x", dataType: .double)]))
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 2))
        let other = harness.send(.get, "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/acceleration", tenant: "other")
        #expect(other.bodyText == "[]")
        #expect(harness.send(.get, "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/mixed", tenant: "other").status == .notFound)
    }

    @Test func put_eightConcurrentWritersIntoOneSeries_loseNoRecord() async {
        let harness = TimeSeriesHarness()
        await withTaskGroup(of: Int.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var accepted = 0
                    for batch in 0..<25 {
                        let start = 1_600_000_000_000 + Int64(batch * 8 + writer) * 100_000
                        let body = TimeSeriesHarness.accelerationBody(count: 100, startMilliseconds: start, stepMilliseconds: 1000)
                        if harness.put("acceleration", body).status == .noContent { accepted += 100 }
                    }
                    return accepted
                }
            }
            var total = 0
            for await accepted in group { total += accepted }
            #expect(total == 8 * 25 * 100)
        }
        #expect(harness.store.recordCount() == 8 * 25 * 100)
    }
}
