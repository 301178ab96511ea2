import HTTPTypes
import MindSphereFake

/// Checks of what the default scenario's seed data takes for granted about a tenant's built-in types.
public enum ScenarioAssumptionChecks {
    /// All checks of this group.
    public static var all: [ContractCheck] {
        [
            ContractCheck(
                "scenario.assumption.rpi-agent-type", tier: .strict, verifies: ["scenario.rpi-agent-type"],
                "core.starteragentrpiassettype exists, derives from core.basicagent and has connectivityStatus"
            ) { context in
                let response = try await context.send(
                    "read core.starteragentrpiassettype", .get,
                    AssetManagementChecks.base + "/assettypes/core.starteragentrpiassettype?exploded=true")
                try context.expectStatus(response, 200, step: "core.starteragentrpiassettype")
                let type = try context.json(response, step: "core.starteragentrpiassettype")
                try context.ensure(
                    type["parentTypeId"]?.stringValue == "core.basicagent",
                    "parentTypeId is \(type["parentTypeId"].map { "\($0)" } ?? "missing"), not core.basicagent")
                let aspects = type["aspects"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                try context.ensure(aspects.contains("connectivityStatus"), "no connectivityStatus aspect among \(aspects)")
            }
        ]
    }
}
