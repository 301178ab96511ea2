import Foundation
import HTTPTypes
import MindSphereFake

/// Runs contract checks against a target: selects them, runs them one after another, removes everything the run
/// created (also after a failure or cancellation), and compares the fake's state before and after.
///
/// ```swift
/// let report = await ContractRunner().run(on: InProcessTarget(gateway: try FakeGateway()))
/// print(SummaryTable.render(report))
/// ```
public struct ContractRunner: Sendable {
    /// Progress of a run, for a progress line.
    public enum Progress: Sendable {
        /// A check is starting (1-based position of `total`).
        case started(check: String, position: Int, total: Int)
        /// A check finished.
        case finished(CheckResult, position: Int, total: Int)
        /// Cleanup is starting with this many undo actions.
        case cleaningUp(pending: Int)
    }

    /// The checks this runner knows.
    public let checks: [ContractCheck]

    /// A runner over `checks` (the whole catalogue by default).
    public init(checks: [ContractCheck] = ContractCatalog.all) {
        self.checks = checks
    }

    /// The checks `options` select, in catalogue order.
    public func selected(_ options: RunOptions) -> [ContractCheck] {
        checks.filter(options.selects)
    }

    /// Runs the selected checks on `target`. Cancelling the calling task stops after the current check; cleanup
    /// still runs.
    public func run(
        on target: any ContractTarget, options: RunOptions = RunOptions(),
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async -> RunReport {
        // A constant: the detached state read below captures it, and capturing a `var` there does not compile
        // with `-sanitize=thread` ("sending value of non-Sendable type risks causing data races").
        let capabilities = options.readOnly ? target.capabilities.subtracting([.writes, .disposable]) : target.capabilities
        let session = RunSession(target: target, capabilities: capabilities, prefix: options.prefix)
        let before = await Self.state(of: target, capabilities)
        let selection = selected(options)
        var results: [CheckResult] = []
        var interrupted = false
        for (index, check) in selection.enumerated() {
            if Task.isCancelled {
                interrupted = true
                break
            }
            progress(.started(check: check.id, position: index + 1, total: selection.count))
            let result = await run(check, session: session)
            results.append(result)
            progress(.finished(result, position: index + 1, total: selection.count))
        }
        progress(.cleaningUp(pending: await session.cleanup.count))
        let cleanupFailures = await Task.detached { await session.cleanup.runAll() }.value
        let stateCheck: RunReport.StateCheck
        if let before {
            let after = await Task.detached { await Self.state(of: target, capabilities) }.value
            if let after {
                let comparison = StateComparison(prefix: options.prefix, ownedIDs: session.safety.ownedIDs)
                let (old, new) = (comparison.comparable(before), comparison.comparable(after))
                stateCheck = old == new ? .restored : .changed(JSONDifference.paths(old, new))
            } else {
                stateCheck = .unavailable
            }
        } else {
            stateCheck = .unavailable
        }
        let redactor = Redactor(secrets: target.credentials.secrets + (await session.tokens.issued))
        results = results.map { result in
            var result = result
            if case .failed(let message) = result.outcome { result.outcome = .failed(redactor.redact(message)) }
            return result
        }
        return RunReport(
            targetName: target.name, capabilities: capabilities, prefix: options.prefix, results: results,
            cleanupFailures: cleanupFailures.map(redactor.redact), stateCheck: stateCheck, interrupted: interrupted
        )
    }

    private func run(_ check: ContractCheck, session: RunSession) async -> CheckResult {
        let missing = check.requires.subtracting(session.capabilities)
        func result(_ outcome: CheckResult.Outcome, _ seconds: Double, _ exchanges: [Exchange]) -> CheckResult {
            CheckResult(
                id: check.id, tier: check.tier, summary: check.summary, verifies: check.verifies,
                outcome: outcome, durationSeconds: seconds, exchanges: exchanges)
        }
        if !missing.isEmpty {
            let reason = missing == .writes ? "writes (read-only run)" : "needs \(missing)"
            return result(.skipped(reason), 0, [])
        }
        let context = CheckContext(session: session)
        let start = Date()
        let outcome: CheckResult.Outcome
        do {
            try await check.body(context)
            outcome = .passed
        } catch let failure as CheckFailure {
            outcome = .failed(failure.message)
        } catch {
            outcome = .failed("\(error)")
        }
        var finished = result(outcome, Date().timeIntervalSince(start), context.exchanges)
        finished.observedAlternatives = context.observedAlternatives
        return finished
    }

    private static func state(of target: any ContractTarget, _ capabilities: TargetCapabilities) async -> JSONValue? {
        guard capabilities.contains(.controlPlane),
            case .state(let state)? = try? await target.control(.readState)
        else { return nil }
        return state
    }
}
