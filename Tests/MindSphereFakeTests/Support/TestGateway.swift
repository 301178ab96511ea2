@testable import MindSphereFake

/// Core-level tests' fake: the minimal scenario on a frozen clock. Credentials, tokens and requests come from
/// MindSphereFakeTesting (`FakeGateway.token()`, `FakeRequest.tokenRequest()`, `FakeRequest.authorized(...)`).
enum TestGateway {
    /// 2023-02-20T00:00:00Z, a fixed "now" for tests.
    static let epoch: Int64 = 1_676_851_200_000

    /// A fake on the minimal scenario with a frozen clock at `epoch`.
    static func make(scenario: Scenario = .minimal) throws -> FakeGateway {
        try FakeGateway(configuration: FakeConfiguration(scenario: scenario, seed: 42), clock: .frozen(at: epoch))
    }
}

/// A failure inside a test helper.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
