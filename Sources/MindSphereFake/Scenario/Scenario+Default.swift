extension Scenario {
    /// The default scenario (scenarios/default.yaml): tenant `iiotuxpc`, its app credential
    /// `iiotuxpc-testdm-v1.0.0` / `fake-secret-for-local-use`, and the four assets of the seed notes.
    /// - Throws: `ScenarioError` (only if the carried text were broken; a test guards it).
    public static func defaultScenario() throws(ScenarioError) -> Scenario {
        try ScenarioLoader().load(text: defaultScenarioText, file: "scenarios/default.yaml")
    }
}
