extension AssumptionRegistry {
    /// What the seed data of the default scenario takes for granted about the platform.
    public static let scenario: [Assumption] = [
        Assumption(
            "scenario.rpi-agent-type", .inferred,
            "core.starteragentrpiassettype is a built-in asset type of every tenant, derived from core.basicagent, so its assets carry the static aspect connectivityStatus (connected BOOLEAN, lastUpdated TIMESTAMP); the seed's 'RPI Device' asset shows that aspect."
        )
    ]
}
