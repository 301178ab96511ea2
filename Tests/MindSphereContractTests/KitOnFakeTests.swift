import Foundation
import HTTPTypes
import MindSphereContract
import MindSphereFake
import MindSphereFakeTesting
import Testing

/// The whole kit against the fake: in-process and over loopback HTTP.
@Suite struct ContractKitOnFakeTests {
    @Test func kit_inProcessFake_passesEveryCheck() async throws {
        let report = await ContractRunner().run(on: try InProcessTarget.fresh())
        #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
        #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
        #expect(report.results.count == ContractCatalog.all.count)
        #expect(!report.interrupted)
    }

    @Test func urlTarget_sendsTheControlToken_ofAFakeThatWantsOne() async throws {
        try await withRunningFake(gateway: try FakeGateway(configuration: FakeConfiguration(controlToken: "kit-token"))) { baseURL in
            let withToken = try await FakeURLTarget.connect(baseURL: baseURL, controlToken: "kit-token")
            #expect(withToken.capabilities.contains(.controlPlane))
            #expect(withToken.capabilities.contains(.controlsClock))
            let without = try await FakeURLTarget.probe(baseURL: baseURL)
            #expect(!without, "a fake that wants a token answers /_fake/health only to its holder")
        }
    }

    @Test func kit_loopbackFake_passesEveryCheckAndLeavesStateAsFound() async throws {
        try await withRunningFake(gateway: try FakeGateway()) { baseURL in
            let target = try await FakeURLTarget.connect(baseURL: baseURL)
            let report = await ContractRunner().run(on: target)
            #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
            #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
            if target.capabilities.contains(.controlPlane) {
                #expect(report.stateCheck == .restored)
            }
            #expect(report.succeeded || !report.failures.isEmpty)
        }
    }

    @Test func kit_gatewayTargetOnLoopbackFake_passesWithoutFakeOnlyChecks() async throws {
        try await withRunningFake(gateway: try FakeGateway()) { baseURL in
            let target = try GatewayTarget(
                baseURL: baseURL, credentials: .fakeDefault,
                pacing: .init(minimumIntervalMilliseconds: 0), settleSeconds: 0)
            let report = await ContractRunner().run(on: target)
            #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
            #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
            let fakeOnly = Set(ContractCatalog.all.filter { !$0.requires.isSubset(of: [.writes, .transport]) }.map(\.id))
            #expect(Set(report.results.filter(\.skipped).map(\.id)) == fakeOnly)
            #expect(report.stateCheck == .unavailable)
        }
    }

    @Test func kit_readOnlyRun_sendsNoWrites() async throws {
        let target = RecordingTarget(base: try InProcessTarget.fresh())
        let report = await ContractRunner().run(on: target, options: RunOptions(readOnly: true))
        let writes = target.sent.filter { request in
            request.method != .get && request.method != .head
                && request.path != TokenCache.tokenPath && request.path != "/oauth/token"
        }
        #expect(writes.isEmpty, "\(writes.map { "\($0.method) \($0.target)" })")
        #expect(report.results.contains { $0.skipped })
        let writing = Set(ContractCatalog.all.filter(\.writes).map(\.id))
        #expect(report.results.filter { !$0.skipped }.allSatisfy { !writing.contains($0.id) })
    }

    @Test func runner_tierAndOnly_selectMatchingChecks() {
        let runner = ContractRunner()
        let tierOne = runner.selected(RunOptions(tiers: [.happyPath]))
        #expect(!tierOne.isEmpty && tierOne.allSatisfy { $0.tier == .happyPath })
        let tokens = runner.selected(RunOptions(only: ["ttm."]))
        #expect(!tokens.isEmpty && tokens.allSatisfy { $0.id.hasPrefix("ttm.") })
        #expect(runner.selected(RunOptions(only: ["ttm.token.issue"])).map(\.id) == ["ttm.token.issue"])
    }

    @Test func checkIDs_areUnique() {
        let ids = ContractCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}

/// The kit against a fake that runs with the other alternative of every switchable assumption: the checks expect the
/// alternative in force, so a fake started with a non-default scenario passes too.
@Suite struct KitOnSwitchedFakeTests {
    @Test func kit_fakeWithOtherAlternatives_passesTheAlternativeChecks() async throws {
        let gateway = try FakeGateway()
        let switched =
            #"{"ts.strict-types":"strict","ts.time-formats":"lenient","api.body-binding":"strict","ts.static-aspect":"refuse","agg.sd":"sample","agg.quality-values":"good"}"#
        let answer = gateway.handle(
            FakeRequest(
                method: .post, target: "/_fake/assumptions",
                headerFields: [.contentType: "application/json"], body: Array(switched.utf8)))
        #expect(answer.status == .ok, "\(answer.bodyText)")
        let report = await ContractRunner().run(on: InProcessTarget(gateway: gateway))
        #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
    }
}
