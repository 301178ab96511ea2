import HTTPTypes
import Testing

@testable import MindSphereFake

/// Every refusal of v4 (platform errors) and v3 (`{id, message}`) names the rule it enforces.
@Suite struct AggregateRefusalTests {
    typealias H = AggregatesHarness

    @Test(arguments: [
        ("intervalUnit=minute&intervalValue=3&from=2023-01-10T00:00Z&to=2023-01-10T01:00Z", "even number from 2 to 60"),
        ("intervalUnit=hour&intervalValue=25&from=2023-01-10T00:00Z&to=2023-01-10T01:00Z", "from 1 to 24"),
        ("intervalUnit=day&intervalValue=91&from=2023-01-10Z&to=2023-01-11Z", "from 1 to 90"),
        ("intervalUnit=week&intervalValue=13&from=2023-01-10Z&to=2023-01-11Z", "from 1 to 12"),
        ("intervalUnit=month&intervalValue=4&from=2023-01-10Z&to=2023-01-11Z", "from 1 to 3"),
        ("intervalUnit=second&intervalValue=1&from=2023-01-10Z&to=2023-01-11Z", "minute, hour, day, week or month"),
        ("intervalUnit=hour&intervalValue=x", "must be an integer"),
        ("intervalUnit=hour", "needs 'intervalValue'"),
        ("intervalValue=2", "needs 'intervalUnit'"),
        ("intervalUnit=minute&intervalValue=2&from=2023-01-10T00:00Z&to=2023-01-11T00:02Z", "longer than 24 hours"),
        ("intervalUnit=hour&intervalValue=1&from=2023-01-01Z&to=2023-01-08T01:00Z", "longer than 7 days"),
        ("intervalUnit=day&intervalValue=1&from=2023-01-01Z&to=2023-04-02Z", "longer than 90 days"),
        ("from=2023-01-10T02:00Z&to=2023-01-10T01:00Z", "must be before 'to'"),
        ("from=2023-13-10", "is not a valid time"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T05:00Z&count=7", "not an allowed interval length"),
        ("from=2023-01-10T00:00Z&count=2", "needs both 'from' and 'to'"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T05:00Z&intervalUnit=hour&intervalValue=1&count=4", "does not match the 5 intervals"),
        ("count=0", "'count' must be an integer"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&select=label", "not numeric"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&select=pressure", "not a variable of this aspect"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&select=temperature.median", "not an aggregate field"),
    ])
    func v4_refusesWithA400NamingTheRule(query: String, expected: String) {
        let fake = H()
        let response = fake.v4(query)
        #expect(response.status == .badRequest, "\(query): \(response.bodyText)")
        #expect(response.bodyJSON?["errors"]?.arrayValue?.first?["code"] == .string("mdsp.core.generic.invalidParameter"))
        #expect(fake.platformMessage(response).contains(expected), "\(query): \(fake.platformMessage(response))")
    }

    @Test func v4_missingAssetId_unknownAsset_andSimulationAssets() {
        let fake = H()
        let missing = fake.send(.get, H.v4 + "?aspectName=line")
        #expect(missing.status == .badRequest)
        #expect(missing.bodyJSON?["errors"]?.arrayValue?.first?["code"] == .string("mdsp.core.generic.missingParameter"))
        let unknown = fake.send(.get, H.v4 + "?assetId=ffffffffffffffffffffffffffffffff&aspectName=line")
        #expect(unknown.status == .notFound)
        #expect(unknown.bodyJSON?["errors"]?.arrayValue?.first?["code"] == .string("mdsp.core.generic.notFound"))
        let simulation = H(twinType: "simulation")
        #expect(simulation.platformMessage(simulation.v4("")).contains("performance assets only"))
    }

    @Test(arguments: [
        ("to=2023-01-10T01:00Z&intervalUnit=hour&intervalValue=1", "'from' is required"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalValue=1", "'intervalUnit' is required"),
        ("from=2023-01-10T00:30Z&to=2023-01-10T02:30Z&intervalUnit=hour&intervalValue=1", "on the hour"),
        ("from=2023-01-10T00:00:30Z&to=2023-01-10T02:00Z&intervalUnit=minute&intervalValue=1", "whole minute"),
        ("from=2023-01-10Z&to=2023-01-24Z&intervalUnit=week&intervalValue=1", "Monday"),
        ("from=2023-01-10T01:00Z&to=2023-01-10T03:00Z&intervalUnit=day&intervalValue=1", "midnight"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T00:25Z&intervalUnit=minute&intervalValue=10", "not a whole multiple of the interval 10 minute"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalUnit=fortnight&intervalValue=1", "must be one of"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalUnit=minute&intervalValue=0", "from 1 to 1000000"),
        ("from=2023-01-10T01:00Z&to=2023-01-10T00:00Z&intervalUnit=minute&intervalValue=1", "must be before 'to'"),
        ("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalUnit=minute&intervalValue=1&select=temperature.sd", "not an aggregate field"),
    ])
    func v3_refusesWithA400NamingTheRule(query: String, expected: String) {
        let fake = H()
        let response = fake.v3(query)
        #expect(response.status == .badRequest, "\(query): \(response.bodyText)")
        let message = response.bodyJSON?["message"]?.stringValue ?? ""
        #expect(response.bodyJSON?["id"]?.stringValue != nil)
        #expect(message.contains(expected), "\(query): \(message)")
    }

    @Test func v3_unknownAsset_andSimulationIntervals() {
        let fake = H()
        let unknown = fake.send(
            .get,
            "/api/iottsaggregates/v3/aggregates/ffffffffffffffffffffffffffffffff/line?from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalUnit=minute&intervalValue=1"
        )
        #expect(unknown.status == .notFound)
        #expect(unknown.bodyJSON?["message"]?.stringValue?.contains("does not exist") == true)
        let simulation = H(twinType: "simulation")
        let refused = simulation.v3("from=2023-01-10T00:00Z&to=2023-01-10T01:00Z&intervalUnit=minute&intervalValue=1")
        #expect(refused.status == .badRequest)
        #expect(simulation.v3("from=2023-01-10T00:00Z&to=2023-01-10T00:00:01Z&intervalUnit=millisecond&intervalValue=10").status == .ok)
    }
}
