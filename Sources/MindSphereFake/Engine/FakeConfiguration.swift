/// How a fake behaves, apart from the data it holds; every field has a default.
public struct FakeConfiguration: Sendable {
    /// The scenario loaded at start and restored by reset.
    public var scenario: Scenario
    /// The key that signs tokens; by default one generated per process.
    public var signingKey: SigningKey
    /// Seed for generated ids, so runs can repeat; `nil` seeds from the system's random source.
    public var seed: UInt64?

    /// A configuration.
    public init(scenario: Scenario = .minimal, signingKey: SigningKey = .processDefault, seed: UInt64? = nil) {
        self.scenario = scenario
        self.signingKey = signingKey
        self.seed = seed
    }
}
