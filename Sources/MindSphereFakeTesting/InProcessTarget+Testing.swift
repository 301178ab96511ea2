public import MindSphereContract
public import MindSphereFake

extension InProcessTarget {
    /// The contract kit's in-process target over a new fake with `configuration` (the minimal scenario by
    /// default) on `clock`, driven with the default credential.
    public static func fresh(
        configuration: FakeConfiguration = FakeConfiguration(), clock: FakeClock = .system()
    ) throws(ScenarioError)
        -> InProcessTarget
    {
        InProcessTarget(gateway: try FakeGateway(configuration: configuration, clock: clock))
    }
}
