import HTTPTypes
import Testing

@testable import MindSphereFake

/// Assumption `ts.static-aspect`: GET on a static aspect answers 200 [] under `empty` (the default), 400 under `refuse`;
/// PUT is a 400 under both.
@Suite struct TimeSeriesStaticAspectTests {
    private func harness(_ alternative: String) throws -> TimeSeriesHarness {
        let harness = TimeSeriesHarness(choices: try AssumptionChoices(["ts.static-aspect": alternative]))
        harness.schemas.add(TimeSeriesHarness.schema("info", [VariableDefinition(name: "s", dataType: .string)], category: .static))
        return harness
    }

    @Test func empty_answersAnEmptyList() throws {
        let harness = try harness("empty")
        let response = harness.get("info")
        #expect(response.status == .ok)
        #expect(response.bodyJSON == .array([]))
        #expect(harness.put("info", #"[{"_time":"2023-02-20T02:01:01Z","s":"x"}]"#).status == .badRequest)
    }

    @Test func refuse_answers400NamingTheRule() throws {
        let harness = try harness("refuse")
        let response = harness.get("info")
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("static"))
        #expect(harness.put("info", #"[{"_time":"2023-02-20T02:01:01Z","s":"x"}]"#).status == .badRequest)
    }
}
