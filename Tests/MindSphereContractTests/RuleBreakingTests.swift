import Foundation
import HTTPTypes
import MindSphereContract
import MindSphereFake
import MindSphereFakeTesting
import Testing

/// A target that breaks one rule fails exactly the checks of that rule, and compare names the difference.
@Suite struct RuleBreakingTests {
    /// Accepts a wrong client secret with 200 where the gateway answers 401.
    static func acceptingWrongSecret(_ base: any ContractTarget) -> RuleBreakingTarget {
        RuleBreakingTarget(base: base) { request, response in
            guard request.path == TokenCache.tokenPath, response.status == .unauthorized else { return nil }
            return .json(.object(["access_token": .string("x.y.z"), "token_type": .string("bearer")]))
        }
    }

    @Test func brokenRule_failsExactlyItsChecks() async throws {
        let target = Self.acceptingWrongSecret(try InProcessTarget.fresh())
        let report = await ContractRunner().run(on: target, options: RunOptions(only: ["ttm."]))
        let failed = Set(report.failures.map(\.id))
        #expect(
            failed == ["ttm.credentials.bad-secret", "ttm.credentials.unknown-client", "ttm.header.missing"],
            "\(KitFixtures.failures(report))")
    }

    @Test func conflictAnsweredWithOK_failsTheConflictCheck() async throws {
        let target = RuleBreakingTarget(base: try InProcessTarget.fresh()) { request, response in
            guard request.method == .delete, request.path.contains("/aspecttypes/"), response.status == .conflict else { return nil }
            return .empty(.noContent)
        }
        let report = await ContractRunner().run(on: target, options: RunOptions(only: ["am."]))
        #expect(report.failures.map(\.id) == ["am.aspecttype.delete-in-use"], "\(KitFixtures.failures(report))")
    }

    @Test func downloadThatDropsBytes_failsTheRoundtripCheck() async throws {
        let target = RuleBreakingTarget(base: try InProcessTarget.fresh()) { request, response in
            guard request.method == .get, request.path.hasSuffix("/file"), response.status == .ok, !response.body.isEmpty else { return nil }
            var cut = response
            cut.body.removeLast()
            return cut
        }
        let report = await ContractRunner().run(on: target, options: RunOptions(only: ["am.files."]))
        #expect(report.failures.map(\.id) == ["am.files.roundtrip"], "\(KitFixtures.failures(report))")
    }

    @Test func compare_namesTheStatusDifference() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = RunOptions(only: ["ttm.credentials.bad-secret", "ttm.token.issue"])
        let honest = try InProcessTarget.fresh()
        let recorded = await ContractRunner().run(on: honest, options: options)
        try Recording.write(recorded, tenant: honest.credentials.userTenant, to: directory)

        let same = await ContractRunner().run(on: try InProcessTarget.fresh(), options: options)
        let noDrift = try DriftComparer.compare(same, tenant: "iiotuxpc", recordingDirectory: directory)
        #expect(noDrift.allSatisfy { $0.1.isEmpty }, "\(noDrift)")

        let broken = await ContractRunner().run(on: Self.acceptingWrongSecret(try InProcessTarget.fresh()), options: options)
        let drift = try DriftComparer.compare(broken, tenant: "iiotuxpc", recordingDirectory: directory)
        let findings = drift.flatMap(\.1)
        #expect(
            findings.contains { $0.check == "ttm.credentials.bad-secret" && $0.difference.contains("status 200, recorded 401") },
            "\(findings)")
        #expect(findings.allSatisfy { $0.check == "ttm.credentials.bad-secret" }, "\(findings)")
    }
}
