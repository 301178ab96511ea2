import Foundation
import HTTPTypes
import MindSphereContract
import MindSphereFake
import MindSphereFakeTesting
import Synchronization
import Testing

/// Safety on a real tenant, secrets in reports, JUnit output, pacing.
@Suite struct SafetyAndReportTests {
    @Test func safetyGuard_refusesWritesToThingsTheRunDidNotCreate() throws {
        let guardian = SafetyGuard(prefix: RunPrefix("mdspctaaaa"))
        let foreign = FakeRequest(method: .delete, target: "/api/assetmanagement/v3/assets/0123456789abcdef0123456789abcdef")
        #expect(throws: SafetyViolation.self) { try guardian.check(foreign) }
        #expect(throws: SafetyViolation.self) {
            try guardian.check(FakeRequest(method: .post, target: "/api/assetmanagement/v3/assets", body: Array(#"{"name":"x"}"#.utf8)))
        }
        try guardian.check(FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets"))
        try guardian.check(FakeRequest(method: .put, target: "/api/assetmanagement/v3/aspecttypes/t.mdspctaaaa_x"))
        guardian.own("0123456789abcdef0123456789abcdef")
        try guardian.check(foreign)
    }

    @Test func cleanup_runsAfterAFailingCheck() async throws {
        let inProcess = try InProcessTarget.fresh()
        let failing = ContractCheck("test.fails-after-create", tier: .happyPath, requires: .writes, "creates, then fails") { context in
            _ = try await context.session.fixtures.ids(context.session)
            throw CheckFailure("deliberate")
        }
        let report = await ContractRunner(checks: [failing]).run(on: inProcess)
        #expect(report.failures.map(\.id) == ["test.fails-after-create"])
        #expect(report.cleanupFailures.isEmpty, "\(report.cleanupFailures)")
        let after = await ContractRunner(checks: [
            ContractCheck("test.count", tier: .happyPath, "no run assets left") { context in
                let filter = PercentDecoding.encode(#"{"name":{"startsWith":"\#(report.prefix.value)"},"deleted":null}"#)
                let body = try context.json(try await context.send("list", .get, "/api/assetmanagement/v3/assets?filter=" + filter), step: "list")
                try context.ensure(try context.integer(body, "page.totalElements", step: "list") == 0, "run assets remain")
            }
        ]).run(on: inProcess)
        #expect(after.failures.isEmpty, "\(KitFixtures.failures(after))")
    }

    @Test func cancelledRun_stopsAndStillCleansUp() async throws {
        let target = try InProcessTarget.fresh()
        let task = Task { await ContractRunner().run(on: target) }
        task.cancel()
        let report = await task.value
        #expect(report.interrupted || report.results.count == ContractCatalog.all.count)
        #expect(report.cleanupFailures.isEmpty)
    }

    @Test func reports_neverContainTheSecret() async throws {
        let secret = ContractCredentials.fakeDefault.clientSecret
        let leaking = RuleBreakingTarget(base: try InProcessTarget.fresh()) { request, response in
            guard request.path == TokenCache.tokenPath, response.status == .unauthorized else { return nil }
            return .json(.object(["echo": .string("secret \(secret) key \(ContractCredentials.fakeDefault.spaceAuthKey)")]), status: .ok)
        }
        let report = await ContractRunner().run(on: leaking, options: RunOptions(only: ["ttm."]))
        #expect(!report.failures.isEmpty)
        let text = SummaryTable.render(report) + JUnitWriter.xml(report)
        #expect(!text.contains(secret))
        #expect(!ContractCredentials.fakeDefault.description.contains(secret))
        #expect(Redactor(secrets: [secret]).redact("a \(secret) eyJa.eyJb.c b") == "a <redacted> <token> b")
    }

    @Test func junit_countsAndEscapes() {
        let results = [
            CheckResult(id: "a.pass", tier: .happyPath, summary: "", verifies: [], outcome: .passed, durationSeconds: 0.01, exchanges: []),
            CheckResult(
                id: "a.fail", tier: .strict, summary: "", verifies: [], outcome: .failed("status <1> & \"x\""),
                durationSeconds: 0.2, exchanges: []),
            CheckResult(
                id: "a.skip", tier: .strict, summary: "", verifies: [], outcome: .skipped("needs controlsClock"),
                durationSeconds: 0, exchanges: []),
        ]
        let report = RunReport(
            targetName: "t", capabilities: [], prefix: RunPrefix("p"), results: results, cleanupFailures: [],
            stateCheck: .unavailable, interrupted: false)
        let xml = JUnitWriter.xml(report)
        #expect(xml.contains(#"<testsuites name="mindsphere-contract" tests="3" failures="1">"#))
        #expect(xml.contains("status &lt;1&gt; &amp; &quot;x&quot;"))
        #expect(xml.contains(#"<skipped message="needs controlsClock"/>"#))
        #expect(SummaryTable.render(report).contains("RESULT: FAIL"))
    }

    @Test func pacer_retriesThrottledRequestsHonouringRetryAfter() async throws {
        let pacer = RequestPacer(
            policy: .init(
                minimumIntervalMilliseconds: 0, maximumRetries: 3, initialBackoffMilliseconds: 1,
                maximumBackoffMilliseconds: 5))
        let counter = Counter()
        let response = try await pacer.perform {
            if counter.next() <= 2 {
                var throttled = FakeResponse.empty(.tooManyRequests)
                throttled.headerFields[.retryAfter] = "0"
                return throttled
            }
            return .empty(.ok)
        }
        #expect(response.status == .ok)
        #expect(await pacer.retriedCount == 2)
        #expect(pacer.backoffMilliseconds(attempt: 0, retryAfter: "2") == 5)
        #expect(pacer.backoffMilliseconds(attempt: 2, retryAfter: nil) == 4)
    }

    @Test func configuration_readsTheAppEnvironmentWithoutShowingTheSecret() throws {
        let configuration = ContractConfiguration.fromEnvironment([
            "MDSP_GATEWAY_URL": "https://gateway.eu1.mindsphere.io", "MDSP_KEY_STORE_CLIENT_ID": "t-app-v1",
            "MDSP_KEY_STORE_CLIENT_SECRET": "s3cr3t-value", "MDSP_OS_VM_APP_NAME": "app", "MDSP_OS_VM_APP_VERSION": "v1",
            "MDSP_HOST_TENANT": "t",
        ])
        #expect(configuration.hasRealTenant)
        let credentials = try configuration.credentials()
        #expect(credentials.userTenant == "t")
        #expect(!configuration.description.contains("s3cr3t-value"))
        #expect(!credentials.description.contains("s3cr3t-value"))
        #expect(throws: CheckFailure.self) { try ContractConfiguration.fromEnvironment([:]).credentials() }
    }
}

/// A thread-safe counter for closures.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
