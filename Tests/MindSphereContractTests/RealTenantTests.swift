import MindSphereContract
import Testing

/// The kit against a real tenant; runs only when MDSP_GATEWAY_URL and the app credentials are set.
@Suite(.enabled(if: ContractConfiguration.fromEnvironment().hasRealTenant, "no real tenant configured"))
struct RealTenantTests {
    @Test func kit_realTenant_tiersOneAndTwoPassAndCleanUp() async throws {
        let configuration = ContractConfiguration.fromEnvironment()
        let target = try GatewayTarget(
            baseURL: configuration.gatewayURL!, credentials: try configuration.credentials(),
            trust: configuration.trust)
        let report = await ContractRunner().run(on: target, options: RunOptions(tiers: [.happyPath, .behaviour]))
        #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
        #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
    }
}
