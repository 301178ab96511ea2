import HTTPTypes
import Testing

@testable import MindSphereFake

/// v3 answers a bare array of the same items without `sd`, under its stricter rules.
@Suite struct AggregatesV3Tests {
    typealias H = AggregatesHarness

    @Test func v3_answersAnArrayWithoutStandardDeviation() throws {
        let fake = H()
        try fake.put(
            H.record("2023-01-10T00:00:30Z", temperature: 1, counter: 2), H.record("2023-01-10T00:01:00Z", temperature: 3),
            H.record("2023-01-10T00:09:00Z", temperature: 5))
        let response = fake.v3("from=2023-01-10T00:00:00Z&to=2023-01-10T00:10:00Z&intervalUnit=minute&intervalValue=5")
        #expect(response.status == .ok)
        let items = response.bodyJSON?.arrayValue ?? []
        #expect(items.map { $0["starttime"] } == [.string("2023-01-10T00:00:00.000Z"), .string("2023-01-10T00:05:00.000Z")])
        #expect(items.first?["temperature"]?["average"] == .double(2))
        #expect(items.first?["temperature"]?["sd"] == nil)
        #expect(items.first?["temperature"]?.objectValue?.keys.count == 13)
        #expect(items.first?["counter"]?["sum"] == .int(2))
        #expect(items.last?["counter"] == nil)
    }

    @Test func sixtyMinutes_mayStartAtHalfPast_whileOneHourMayNot() throws {
        let fake = H()
        try fake.put(H.record("2023-01-10T05:45:00Z", temperature: 1), H.record("2023-01-10T06:45:00Z", temperature: 2))
        let minutes = fake.v3("from=2023-01-10T05:30Z&to=2023-01-10T07:30Z&intervalUnit=minute&intervalValue=60")
        #expect(minutes.bodyJSON?.arrayValue?.map { $0["starttime"] } == [.string("2023-01-10T05:30:00.000Z"), .string("2023-01-10T06:30:00.000Z")])
        #expect(fake.v3("from=2023-01-10T05:30Z&to=2023-01-10T07:30Z&intervalUnit=hour&intervalValue=1").status == .badRequest)
    }

    @Test func weeks_inBerlin_startOnMondayMidnightLocalTime() throws {
        let fake = H(timezone: "Europe/Berlin")
        try fake.put(H.record("2023-01-15T23:00:00Z", temperature: 1), H.record("2023-01-15T23:00:00.001Z", temperature: 2))
        // Monday 2023-01-16 00:00 in Berlin is 2023-01-15T23:00Z.
        let response = fake.v3("from=2023-01-08T23:00:00Z&to=2023-01-22T23:00:00Z&intervalUnit=week&intervalValue=1")
        #expect(response.status == .ok, "\(response.bodyText)")
        let items = response.bodyJSON?.arrayValue ?? []
        #expect(items.map { $0["temperature"]?["sum"] } == [.double(1), .double(2)])
        #expect(fake.v3("from=2023-01-09T00:00:00Z&to=2023-01-23T00:00:00Z&intervalUnit=week&intervalValue=1").status == .badRequest)
    }

    @Test func seconds_andDaysAcrossDaylightSaving_areWholeMultiples() throws {
        let fake = H(timezone: "Europe/Berlin")
        try fake.put(H.record("2023-03-26T10:00:00Z", temperature: 4))
        let days = fake.v3("from=2023-03-25T23:00:00Z&to=2023-03-27T22:00:00Z&intervalUnit=day&intervalValue=2")
        #expect(days.status == .ok)
        #expect(days.bodyJSON?.arrayValue?.first?["endtime"] == .string("2023-03-27T22:00:00.000Z"))
        let seconds = fake.v3("from=2023-03-26T09:59:50Z&to=2023-03-26T10:00:10Z&intervalUnit=second&intervalValue=10")
        #expect(seconds.bodyJSON?.arrayValue?.map { $0["endtime"] } == [.string("2023-03-26T10:00:00.000Z")])
    }
}
