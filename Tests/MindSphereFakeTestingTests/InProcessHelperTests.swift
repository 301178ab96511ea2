import HTTPTypes
import MindSphereContract
import MindSphereFake
import MindSphereFakeTesting
import Testing

/// The helpers that need no socket: credentials, tokens through `FakeGateway.handle`, the contract target.
@Suite struct InProcessHelperTests {
    @Test func defaultCredential_isTheOneTheBuiltInScenariosGrant() throws {
        #expect(AppCredential.fakeDefault.clientID == AppCredentialValues.clientID)
        #expect(Scenario.minimal.appCredentials.map(\.clientID) == [AppCredential.fakeDefault.clientID])
        let standard = try Scenario.defaultScenario()
        #expect(standard.appCredentials.first?.clientID == AppCredential.fakeDefault.clientID)
        #expect(standard.appCredentials.first?.clientSecret == AppCredential.fakeDefault.clientSecret)
        #expect(ContractCredentials.fakeDefault.spaceAuthKey == AppCredential.fakeDefault.spaceAuthKey())
    }

    @Test func token_authenticatesRequests() throws {
        let fake = try FakeGateway()
        let token = try fake.token()
        #expect(fake.handle(.authorized(.get, "/api/assetmanagement/v3/assets", token: token)).status == .ok)
        #expect(fake.handle(.authorized(.get, "/api/assetmanagement/v3/assets", token: token + "x")).status == .unauthorized)
    }

    @Test func token_ofAnUnknownCredential_throws() throws {
        let stranger = AppCredential(hostTenant: "iiotuxpc", appName: "testdm", appVersion: "v1.0.0", clientSecret: "wrong")
        #expect(throws: FakeTestingError.self) { try FakeGateway().token(for: stranger) }
    }

    @Test func tokenForTenant_actsInThatTenant() throws {
        let scenario = Scenario(
            name: "two", tenants: ["iiotuxpc", "othertnt"],
            appCredentials: [
                .fakeDefault, AppCredential(hostTenant: "othertnt", appName: "testdm", appVersion: "v1.0.0", clientSecret: "s"),
            ])
        let fake = try FakeGateway(configuration: FakeConfiguration(scenario: scenario))
        let token = try fake.token(forTenant: "othertnt")
        guard case .success(let principal) = fake.tokens.authenticate(authorization: "Bearer " + token, nowSeconds: fake.clock.nowSeconds())
        else {
            Issue.record("the minted token does not authenticate")
            return
        }
        #expect(principal.tenant == "othertnt")
        #expect(throws: FakeTestingError.self) { try fake.token(forTenant: "nobody") }
    }

    @Test func freshTarget_passesTheTokenChecks() async throws {
        let target = try InProcessTarget.fresh()
        #expect(target.capabilities.contains(.controlPlane))
        let report = await ContractRunner().run(on: target, options: RunOptions(only: ["ttm."]))
        #expect(!report.results.isEmpty)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.id))")
    }
}

/// The default credential's client id and secret as the README documents them: the one place tests spell them, to
/// pin `AppCredential.fakeDefault` to the documentation.
enum AppCredentialValues {
    static let clientID = "iiotuxpc-testdm-v1.0.0"
    static let clientSecret = "fake-secret-for-local-use"
}
