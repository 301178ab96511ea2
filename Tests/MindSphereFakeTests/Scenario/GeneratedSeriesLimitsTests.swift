import Testing

@testable import MindSphereFake

/// Found with the scenario fuzz target's harness: numbers in `generate:` that overflowed Int64 arithmetic or a
/// Double-to-integer conversion trapped the process (a posted scenario could stop the server). Each must be refused
/// with file, line and reason instead.
@Suite struct GeneratedSeriesLimitsTests {
    /// A scenario whose one series is generated with `settings` (lines of the `generate:` mapping) and `variable`.
    private static func scenario(
        _ settings: String, variable: String = "n: {kind: counter, start: 0, step: 1}",
        start: String = "2026-01-05T00:00:00.000Z", count: Int = 3
    ) -> String {
        """
        tenants:
          - name: acme
            aspectTypes:
              - {name: temps, category: dynamic, variables: [{name: n, dataType: LONG}, {name: label, dataType: STRING, length: 20}]}
            assetTypes:
              - {name: oven, parentTypeId: core.basicasset, aspects: [{name: temps, aspectTypeId: acme.temps}]}
            assets:
              - name: oven1
                typeId: acme.oven
                timeSeries:
                  temps:
                    generate:
                      start: \(start)
                      count: \(count)
        \(settings.split(separator: "\n").map { "              " + $0 }.joined(separator: "\n"))
                      variables:
                        \(variable)
        """
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try ScenarioLoader().load(text: text, file: "generated.yaml")
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        "intervalSeconds: 9223372036854775807",
        "intervalSeconds: 9300000000000000",
        "intervalMilliseconds: 9223372036854775807",
        "intervalMilliseconds: 4611686018427387904",
        "intervalSeconds: 100000000",
    ])
    func hugeInterval_isRefused(setting: String) {
        let message = failure(Self.scenario(setting))
        #expect(message.hasPrefix("generated.yaml:"), "\(message)")
        #expect(message.contains("interval"), "\(message)")
    }

    @Test(arguments: [
        "n: {kind: counter, start: 9223372036854775807, step: 1}",
        "n: {kind: counter, start: 0, step: 9223372036854775807}",
        "n: {kind: counter, start: 9300000000000000000, step: 1}",
        "n: {kind: counter, start: -1e19, step: 1}",
        "n: {kind: counter, start: 0, step: 5000000000000000000}",
        "n: {kind: counter, start: -9223372036854775808, step: -1}",
    ])
    func counterOutsideInt64_isRefused(variable: String) {
        let message = failure(Self.scenario("intervalSeconds: 1", variable: variable))
        #expect(message.hasPrefix("generated.yaml:"), "\(message)")
        #expect(message.contains("counter"), "\(message)")
    }

    @Test(arguments: ["1e400", "-1e400", "1e19"])
    func cycleEveryRecordsOutOfRange_isRefused(every: String) {
        let message = failure(Self.scenario("intervalSeconds: 1", variable: "label: {kind: cycle, values: [a, b], everyRecords: \(every)}"))
        #expect(message.hasPrefix("generated.yaml:"), "\(message)")
        #expect(message.contains("everyRecords"), "\(message)")
    }

    @Test func ordinaryGeneration_stillLoads() throws {
        let text = Self.scenario("intervalMilliseconds: 500", variable: "n: {kind: counter, start: -5, step: 2}")
        let scenario = try ScenarioLoader().load(text: text, file: "generated.yaml")
        let records = scenario.timeSeries.first?.records ?? []
        #expect(records.map { $0["n"] } == [.number(.integer(-5)), .number(.integer(-3)), .number(.integer(-1))])
        #expect(records.last?["_time"] == .string("2026-01-05T00:00:01.000Z"))
    }

    @Test func counterWithFractions_isStillCut() throws {
        let text = Self.scenario("intervalSeconds: 1", variable: "n: {kind: counter, start: 1.9, step: -2.5}")
        let records = try ScenarioLoader().load(text: text, file: "generated.yaml").timeSeries.first?.records ?? []
        #expect(records.map { $0["n"] } == [.number(.integer(1)), .number(.integer(-1)), .number(.integer(-3))])
    }

    @Test func timesBeyondYear9999_areRefused() {
        let message = failure(Self.scenario("intervalMilliseconds: 31536000000", start: "9999-06-01T00:00:00.000Z", count: 2))
        #expect(message.contains("9999-12-31"), "\(message)")
    }

    @Test func cycleWithZeroOrFractionalEveryRecords_keepsItsOldMeaning() throws {
        for every in ["0", "-3", "1.7"] {
            let text = Self.scenario("intervalSeconds: 1", variable: "label: {kind: cycle, values: [a, b], everyRecords: \(every)}")
            let records = try ScenarioLoader().load(text: text, file: "generated.yaml").timeSeries.first?.records ?? []
            #expect(records.map { $0["label"] } == [.string("a"), .string("b"), .string("a")], "everyRecords: \(every)")
        }
    }
}
