import MindSphereContract
import MindSphereFake
import Testing

/// Every assumption the fake makes has a check that tells, on a real tenant, whether it holds.
@Suite struct AssumptionCoverageTests {
    @Test func everyRegisteredAssumption_hasACheck() {
        let verified = ContractCatalog.verifiedAssumptions
        let missing = AssumptionRegistry.all.map(\.id).filter { !verified.contains($0) }
        #expect(missing.isEmpty, "assumptions without a check: \(missing)")
    }

    @Test func everyVerifiedID_isARegisteredAssumption() {
        let registered = Set(AssumptionRegistry.all.map(\.id))
        let unknown = ContractCatalog.verifiedAssumptions.subtracting(registered)
        #expect(unknown.isEmpty, "checks name unregistered assumptions: \(unknown.sorted())")
    }
}
