import HTTPTypes
import Testing

@testable import MindSphereFake

/// Far-off dates, huge counts and values answer 200 or a 400, never a trap or a hang.
@Suite struct AggregateExtremeInputTests {
    typealias H = AggregatesHarness

    @Test(arguments: [
        "from=0000-01-01Z&to=0000-01-02Z&intervalUnit=day&intervalValue=1",
        "from=9999-12-30Z&to=9999-12-31T23:59:59.999Z",
        "from=9999-10-01Z&intervalUnit=month&intervalValue=3&count=100000",
        "to=0000-01-01Z&intervalUnit=month&intervalValue=3&count=100000",
        "from=0000-01-01T00:00Z&to=9999-12-31T23:59Z&count=100000",
        "from=2023-01-01T00:00+18:00&to=2023-01-01T00:00-18:00",
        "intervalUnit=week&intervalValue=12&count=100000",
    ])
    func v4_extremes(query: String) {
        let status = H(timezone: "Pacific/Kiritimati").v4(query).status
        #expect(status == .ok || status == .badRequest, "\(query): \(status)")
    }

    @Test(arguments: [
        "from=0000-01-01Z&to=9999-12-31Z&intervalUnit=day&intervalValue=1",
        "from=0000-01-01Z&to=9999-12-01Z&intervalUnit=month&intervalValue=1000000",
        "from=0000-01-03Z&to=9999-12-27Z&intervalUnit=week&intervalValue=1",
        "from=1970-01-01Z&to=9999-12-31Z&intervalUnit=millisecond&intervalValue=1",
        "from=1970-01-01Z&to=9999-12-31Z&intervalUnit=hour&intervalValue=1000000",
    ])
    func v3_extremes(query: String) throws {
        let fake = H(timezone: "America/Sao_Paulo")
        try fake.put(H.record("2023-01-10T00:00:01Z", temperature: 1))
        let status = fake.v3(query).status
        #expect(status == .ok || status == .badRequest, "\(query): \(status)")
    }
}
