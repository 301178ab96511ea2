import HTTPTypes
import Testing

@testable import MindSphereFake

/// The v4 parameter auto-completion rules, on a clock frozen at 2023-11-14T22:13:20Z.
@Suite struct AggregateAutoCompletionTests {
    typealias H = AggregatesHarness

    @Test func noParameters_giveDailyIntervalsOverTheLastSevenDays() throws {
        let fake = H()
        try fake.put(
            H.record("2023-11-07T00:00:00Z", temperature: 100), H.record("2023-11-07T12:00:00Z", temperature: 1),
            H.record("2023-11-14T20:00:00Z", temperature: 2))
        let items = fake.items(fake.v4(""))
        #expect(items.map { $0["starttime"] } == [.string("2023-11-07T00:00:00.000Z"), .string("2023-11-14T00:00:00.000Z")])
        #expect(items.map { $0["endtime"] } == [.string("2023-11-08T00:00:00.000Z"), .string("2023-11-15T00:00:00.000Z")])
    }

    @Test func onlyFrom_endsNow_andPicksTheLargestFittingInterval() throws {
        let fake = H()
        try fake.put(H.record("2023-11-13T10:00:00Z", temperature: 1), H.record("2023-11-14T22:00:00Z", temperature: 2))
        let items = fake.items(fake.v4("from=2023-11-13T10:10:00.000Z"))
        #expect(items.map { $0["starttime"] } == [.string("2023-11-13T00:00:00.000Z"), .string("2023-11-14T00:00:00.000Z")])
    }

    @Test func onlyTo_startsNinetyDaysEarlier() throws {
        let fake = H()
        try fake.put(H.record("2023-08-01T12:00:00Z", temperature: 1), H.record("2023-06-30T12:00:00Z", temperature: 2))
        let items = fake.items(fake.v4("to=2023-09-29Z"))
        #expect(items.map { $0["starttime"] } == [.string("2023-08-01T00:00:00.000Z")])
    }

    @Test func onlyToWithHourlyIntervals_coversTheSevenDaysBefore() throws {
        let fake = H()
        try fake.put(H.record("2023-01-03T00:30:00Z", temperature: 1), H.record("2023-01-02T23:30:00Z", temperature: 2))
        let items = fake.items(fake.v4("to=2023-01-10T00:00:00Z&intervalUnit=hour&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-01-03T00:00:00.000Z")])
    }

    @Test func boundsOffTheGrid_areWidenedToIntervalBounds() throws {
        let fake = H()
        try fake.put(H.record("2023-01-10T01:05:00Z", temperature: 1), H.record("2023-01-10T02:55:00Z", temperature: 2))
        let items = fake.items(fake.v4("from=2023-01-10T01:10:00Z&to=2023-01-10T02:50:00Z&intervalUnit=hour&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-01-10T01:00:00.000Z"), .string("2023-01-10T02:00:00.000Z")])
        #expect(items.last?["endtime"] == .string("2023-01-10T03:00:00.000Z"))
    }

    @Test func intervalAndCount_deriveTheMissingEnd() throws {
        let fake = H()
        try fake.put(
            H.record("2023-01-10T01:30:00Z", temperature: 1), H.record("2023-01-10T04:30:00Z", temperature: 2),
            H.record("2023-01-10T05:30:00Z", temperature: 3))
        let fromOnly = fake.items(fake.v4("from=2023-01-10T01:00:00Z&intervalUnit=hour&intervalValue=1&count=4"))
        #expect(fromOnly.map { $0["starttime"] } == [.string("2023-01-10T01:00:00.000Z"), .string("2023-01-10T04:00:00.000Z")])
        let toOnly = fake.items(fake.v4("to=2023-01-10T06:00:00Z&intervalUnit=hour&intervalValue=2&count=1"))
        #expect(toOnly.map { $0["starttime"] } == [.string("2023-01-10T04:00:00.000Z")])
    }

    @Test func fromToAndCount_deriveTheInterval() throws {
        let fake = H()
        try fake.put(H.record("2023-01-10T09:00:00Z", temperature: 1))
        let items = fake.items(fake.v4("from=2023-01-10T00:00:00Z&to=2023-01-11T00:00:00Z&count=3"))
        #expect(items.map { $0["starttime"] } == [.string("2023-01-10T08:00:00.000Z")])
        #expect(items.map { $0["endtime"] } == [.string("2023-01-10T16:00:00.000Z")])
    }

    @Test func shortRangesWithoutInterval_useTwoMinutes() throws {
        let fake = H()
        try fake.put(H.record("2023-01-10T01:11:00Z", temperature: 1))
        let items = fake.items(fake.v4("from=2023-01-10T01:10:00Z&to=2023-01-10T01:20:00Z"))
        #expect(items.map { $0["endtime"] } == [.string("2023-01-10T01:12:00.000Z")])
    }

    @Test func offsetsAndShortForms_areRead() {
        #expect(AggregateTimeParser.microseconds("2020-02-20Z") == 1_582_156_800_000_000)
        #expect(AggregateTimeParser.microseconds("2020-02-20T10Z") == 1_582_192_800_000_000)
        #expect(AggregateTimeParser.microseconds("2020-02-20T10:30-05:00") == 1_582_212_600_000_000)
        #expect(AggregateTimeParser.microseconds("2020-02-20T10:30:00.123456789+0100") == 1_582_191_000_123_456)
        #expect(AggregateTimeParser.microseconds("2020-02-20T10:30:00") == 1_582_194_600_000_000)
        #expect(AggregateTimeParser.microseconds("2020-02-30") == nil)
        #expect(AggregateTimeParser.microseconds("2020-02-20T10:30:00.Z") == nil)
        #expect(AggregateTimeParser.microseconds("yesterday") == nil)
    }
}
