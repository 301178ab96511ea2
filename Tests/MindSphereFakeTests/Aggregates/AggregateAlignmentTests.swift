import HTTPTypes
import Testing

@testable import MindSphereFake

/// Intervals follow the asset's time zone: local midnights, Mondays, first days of months, daylight saving.
@Suite struct AggregateAlignmentTests {
    typealias H = AggregatesHarness

    @Test func springForwardDay_inBerlin_isTwentyThreeHoursLong() throws {
        let fake = H(timezone: "Europe/Berlin")
        // 2023-03-26 starts at 2023-03-25T23:00Z (CET) and ends at 2023-03-26T22:00Z (CEST).
        try fake.put(
            H.record("2023-03-25T23:00:00Z", temperature: 100), H.record("2023-03-26T22:00:00Z", temperature: 1),
            H.record("2023-03-26T22:00:00.001Z", temperature: 2))
        let items = fake.items(fake.v4("from=2023-03-25T23:00:00Z&to=2023-03-27T22:00:00Z&intervalUnit=day&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-03-25T23:00:00.000Z"), .string("2023-03-26T22:00:00.000Z")])
        #expect(items.map { $0["endtime"] } == [.string("2023-03-26T22:00:00.000Z"), .string("2023-03-27T22:00:00.000Z")])
        #expect(items.map { $0["temperature"]?["sum"] } == [.double(1), .double(2)])
    }

    @Test func fallBackDay_inBerlin_isTwentyFiveHoursLong() throws {
        let fake = H(timezone: "Europe/Berlin")
        try fake.put(H.record("2023-10-29T12:00:00Z", temperature: 1))
        let items = fake.items(fake.v4("from=2023-10-29T01:30:00Z&to=2023-10-29T20:00:00Z&intervalUnit=day&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-10-28T22:00:00.000Z")])
        #expect(items.map { $0["endtime"] } == [.string("2023-10-29T23:00:00.000Z")])
    }

    @Test func hours_inAHalfHourZone_startAtLocalFullHours() throws {
        let fake = H(timezone: "Asia/Kolkata")
        try fake.put(H.record("2023-02-20T10:10:00Z", temperature: 1))
        let items = fake.items(fake.v4("from=2023-02-20T10:10Z&to=2023-02-20T10:20Z&intervalUnit=hour&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-02-20T09:30:00.000Z")])
    }

    @Test func weeks_startOnMonday_andWidenToIt() throws {
        let fake = H()
        try fake.put(H.record("2023-02-15T12:00:00Z", temperature: 1), H.record("2023-02-20T00:00:00.001Z", temperature: 2))
        // 2023-02-15 is a Wednesday; its week starts on Monday 2023-02-13.
        let items = fake.items(fake.v4("from=2023-02-15Z&to=2023-02-21Z&intervalUnit=week&intervalValue=1"))
        #expect(items.map { $0["starttime"] } == [.string("2023-02-13T00:00:00.000Z"), .string("2023-02-20T00:00:00.000Z")])
        #expect(items.map { $0["endtime"] } == [.string("2023-02-20T00:00:00.000Z"), .string("2023-02-27T00:00:00.000Z")])
    }

    @Test func months_followTheCalendar() throws {
        let fake = H(timezone: "Europe/Berlin")
        try fake.put(
            H.record("2023-02-10T00:00:00Z", counter: 1), H.record("2023-03-31T21:59:59Z", counter: 2),
            H.record("2023-03-31T22:00:01Z", counter: 4))
        let items = fake.items(fake.v4("from=2023-02-01Z&to=2023-04-10Z&intervalUnit=month&intervalValue=1"))
        #expect(
            items.map { $0["starttime"] } == [
                .string("2023-01-31T23:00:00.000Z"), .string("2023-02-28T23:00:00.000Z"),
                .string("2023-03-31T22:00:00.000Z"),
            ])
        #expect(items.map { $0["counter"]?["sum"] } == [.int(1), .int(2), .int(4)])
    }

    @Test func calendar_floorsAndAdvancesAcrossDaylightSaving() {
        let calendar = AggregateCalendar(timeZoneIdentifier: "Europe/Berlin")
        let noon = Int64(1_679_832_000) * 1_000_000  // 2023-03-26T12:00Z
        let midnight = calendar.floor(noon, to: .day)
        #expect(midnight == Int64(1_679_785_200) * 1_000_000)  // 2023-03-25T23:00Z
        #expect(calendar.advance(midnight, by: 1, .day) - midnight == 23 * 3_600_000_000)
        #expect(calendar.units(from: midnight, to: calendar.advance(midnight, by: 3, .day), .day) == 3)
    }
}
