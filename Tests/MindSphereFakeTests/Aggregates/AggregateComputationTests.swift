import HTTPTypes
import Testing

@testable import MindSphereFake

/// The values of v4 aggregates, computed by hand from the records written.
@Suite struct AggregateComputationTests {
    typealias H = AggregatesHarness

    @Test func intervals_holdRecordsAfterTheirStartUpToAndIncludingTheirEnd() throws {
        let fake = H()
        try fake.put(
            H.record("2023-02-20T10:00:00.000Z", temperature: 100), H.record("2023-02-20T10:00:00.001Z", temperature: 1),
            H.record("2023-02-20T10:02:00.000Z", temperature: 3), H.record("2023-02-20T10:02:00.001Z", temperature: 5),
            H.record("2023-02-20T10:06:00.000Z", temperature: 7), H.record("2023-02-20T10:06:00.001Z", temperature: 100))
        let response = fake.v4("from=2023-02-20T10:00:00Z&to=2023-02-20T10:06:00Z&intervalUnit=minute&intervalValue=2&select=temperature")
        #expect(response.status == .ok)
        let items = fake.items(response)
        #expect(
            items.map { $0["starttime"] } == [
                .string("2023-02-20T10:00:00.000Z"), .string("2023-02-20T10:02:00.000Z"),
                .string("2023-02-20T10:04:00.000Z"),
            ])
        #expect(
            items.map { $0["endtime"] } == [
                .string("2023-02-20T10:02:00.000Z"), .string("2023-02-20T10:04:00.000Z"),
                .string("2023-02-20T10:06:00.000Z"),
            ])
        let first = try #require(items.first?["temperature"])
        #expect(
            first
                == .object([
                    "countgood": .int(2), "countuncertain": .int(0), "countbad": .int(0), "sum": .double(4), "average": .double(2),
                    "minvalue": .double(1), "mintime": .string("2023-02-20T10:00:00.001Z"),
                    "maxvalue": .double(3), "maxtime": .string("2023-02-20T10:02:00.000Z"),
                    "firstvalue": .double(1), "firsttime": .string("2023-02-20T10:00:00.001Z"),
                    "lastvalue": .double(3), "lasttime": .string("2023-02-20T10:02:00.000Z"), "sd": .double(1),
                ]))
        #expect(items[1]["temperature"]?["sum"] == .double(5))
        #expect(items[1]["temperature"]?["sd"] == .double(0))
        #expect(items[2]["temperature"]?["sum"] == .double(7))
    }

    @Test func emptyIntervals_areLeftOut() throws {
        let fake = H()
        try fake.put(H.record("2023-02-20T10:01:00Z", temperature: 1), H.record("2023-02-20T10:07:00Z", temperature: 2))
        let items = fake.items(fake.v4("from=2023-02-20T10:00Z&to=2023-02-20T10:10Z&intervalUnit=minute&intervalValue=2"))
        #expect(items.map { $0["starttime"] } == [.string("2023-02-20T10:00:00.000Z"), .string("2023-02-20T10:06:00.000Z")])
    }

    @Test func qualityCodes_areClassifiedBySeverityBits_andAllValuesEnterTheStatistics() throws {
        let fake = H()
        try fake.put(
            H.record("2023-02-20T10:00:10Z", temperature: 1, qc: 0), H.record("2023-02-20T10:00:20Z", temperature: 2, qc: 0x4000_0000),
            H.record("2023-02-20T10:00:30Z", temperature: 4, qc: 0x8000_0000), H.record("2023-02-20T10:00:40Z", temperature: 8, qc: 0xC000_0001),
            H.record("2023-02-20T10:00:50Z", temperature: 16))
        let aggregate = try #require(
            fake.items(fake.v4("from=2023-02-20T10:00Z&to=2023-02-20T10:02Z&intervalUnit=minute&intervalValue=2")).first?["temperature"])
        #expect(aggregate["countgood"] == .int(2))
        #expect(aggregate["countuncertain"] == .int(1))
        #expect(aggregate["countbad"] == .int(2))
        #expect(aggregate["sum"] == .double(31))
        #expect(aggregate["average"] == .double(6.2))
        #expect(aggregate["maxvalue"] == .double(16))
    }

    @Test func goodOnlyAlternative_keepsUncertainAndBadValuesOutOfTheStatistics() throws {
        let fake = H(choices: try AssumptionChoices(["agg.quality-values": "good"]))
        try fake.put(
            H.record("2023-02-20T10:00:10Z", temperature: 1, qc: 0), H.record("2023-02-20T10:00:20Z", temperature: 2, qc: 0x4000_0000),
            H.record("2023-02-20T10:00:30Z", temperature: 4, qc: 0x8000_0000), H.record("2023-02-20T10:00:50Z", temperature: 16),
            H.record("2023-02-20T10:02:30Z", temperature: 9, qc: 0x8000_0000))
        let items = fake.items(fake.v4("from=2023-02-20T10:00Z&to=2023-02-20T10:04Z&intervalUnit=minute&intervalValue=2"))
        let first = try #require(items.first?["temperature"])
        #expect(first["sum"] == .double(17))
        #expect(first["average"] == .double(8.5))
        #expect(first["minvalue"] == .double(1))
        #expect(first["countuncertain"] == .int(1))
        #expect(items.last?["temperature"] == .object(["countgood": .int(0), "countuncertain": .int(0), "countbad": .int(1)]))
    }

    @Test func integerVariables_haveIntegerSumsAndExtremes_andDoubleAverages() throws {
        let fake = H()
        try fake.put(
            H.record("2023-02-20T10:00:10Z", counter: 1, total: 9_000_000_000), H.record("2023-02-20T10:00:20Z", counter: 2),
            H.record("2023-02-20T10:00:30Z", counter: 4, total: 1))
        let item = try #require(fake.items(fake.v4("from=2023-02-20T10:00Z&to=2023-02-20T10:02Z&intervalUnit=minute&intervalValue=2")).first)
        #expect(item["counter"]?["sum"] == .int(7))
        #expect(item["counter"]?["minvalue"] == .int(1))
        #expect(item["counter"]?["maxvalue"] == .int(4))
        #expect(item["counter"]?["lastvalue"] == .int(4))
        #expect(item["counter"]?["average"] == .double(7.0 / 3.0))
        #expect(item["total"]?["sum"] == .int(9_000_000_001))
        #expect(item["total"]?["countgood"] == .int(2))
        #expect(item["temperature"] == nil, "a variable without values in the interval is left out")
        #expect(item["label"] == nil)
    }

    @Test func standardDeviation_isThePopulationOne_orTheSampleOneWhenPicked() throws {
        let records = [
            H.record("2023-02-20T10:00:10Z", temperature: 2), H.record("2023-02-20T10:00:20Z", temperature: 4),
            H.record("2023-02-20T10:00:30Z", temperature: 4), H.record("2023-02-20T10:00:40Z", temperature: 4),
            H.record("2023-02-20T10:00:50Z", temperature: 5), H.record("2023-02-20T10:01:00Z", temperature: 5),
            H.record("2023-02-20T10:01:10Z", temperature: 7), H.record("2023-02-20T10:01:20Z", temperature: 9),
            H.record("2023-02-20T10:03:00Z", temperature: 1),
        ]
        let query = "from=2023-02-20T10:00Z&to=2023-02-20T10:04Z&intervalUnit=minute&intervalValue=2&select=temperature.sd"
        let population = H()
        for record in records { try population.put(record) }
        #expect(population.items(population.v4(query)).map { $0["temperature"] } == [.object(["sd": .double(2)]), .object(["sd": .double(0)])])
        let sample = H(choices: try AssumptionChoices(["agg.sd": "sample"]))
        for record in records { try sample.put(record) }
        #expect(
            sample.items(sample.v4(query)).map { $0["temperature"] } == [.object(["sd": .double((32.0 / 7).squareRoot())]), .object(["sd": .null])])
    }

    @Test func select_takesVariablesAndFields() throws {
        let fake = H()
        try fake.put(H.record("2023-02-20T10:00:10Z", temperature: 1.5, counter: 3, label: "x"))
        let item = try #require(
            fake.items(
                fake.v4(
                    "from=2023-02-20T10:00Z&to=2023-02-20T10:02Z&intervalUnit=minute&intervalValue=2&select=temperature.sum,temperature.maxtime,counter"
                )
            ).first)
        #expect(item["temperature"] == .object(["sum": .double(1.5), "maxtime": .string("2023-02-20T10:00:10.000Z")]))
        #expect(item["counter"]?.objectValue?.keys.count == 14)
        #expect(item.objectValue?.keys == ["starttime", "endtime", "temperature", "counter"])
    }

    @Test func ingestionDelay_hidesRecordsUntilTheyAreVisible() throws {
        let fake = H(now: 1_676_887_200_000)
        fake.store.ingestionDelayMilliseconds = 60_000
        try fake.put(H.record("2023-02-20T10:00:10Z", temperature: 1))
        let query = "from=2023-02-20T10:00Z&to=2023-02-20T10:02Z&intervalUnit=minute&intervalValue=2"
        #expect(fake.items(fake.v4(query)).isEmpty)
        fake.clock.advance(milliseconds: 60_000)
        #expect(fake.items(fake.v4(query)).count == 1)
    }

    @Test func anotherTenant_doesNotSeeTheAsset() throws {
        let fake = H()
        try fake.put(H.record("2023-02-20T10:00:10Z", temperature: 1))
        let response = fake.send(
            .get, H.v4 + "?assetId=\(H.asset)&aspectName=line&from=2023-02-20T10:00Z&to=2023-02-20T10:02Z",
            tenant: "othertenant")
        #expect(response.status == .notFound)
    }

    @Test func staticAspect_hasNoAggregates() {
        let fake = H()
        let response = fake.v4("from=2023-02-20T10:00Z&to=2023-02-20T10:02Z", aspect: "info")
        #expect(response.status == .ok)
        #expect(response.bodyText == #"{"aggregates":[]}"#)
    }
}
