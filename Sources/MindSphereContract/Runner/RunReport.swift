import Foundation
import HTTPTypes
import MindSphereFake

/// Everything a run found: per-check results, cleanup problems, whether the fake's state was left as found.
public struct RunReport: Sendable {
    /// Whether the fake's state after the run equals the state before.
    public enum StateCheck: Sendable, Equatable {
        /// The target has no state dump (a real tenant, or a fake without the control plane).
        case unavailable
        /// Equal before and after.
        case restored
        /// Different; the first differing JSON paths.
        case changed([String])
    }

    /// The target's name.
    public var targetName: String
    /// The capabilities the run used.
    public var capabilities: TargetCapabilities
    /// The run's prefix.
    public var prefix: RunPrefix
    /// One result per selected check, in run order.
    public var results: [CheckResult]
    /// Undo actions that failed (something of the run may be left on the tenant).
    public var cleanupFailures: [String]
    /// The state comparison.
    public var stateCheck: StateCheck
    /// Whether the run was interrupted before all checks ran.
    public var interrupted: Bool

    /// A report.
    public init(
        targetName: String, capabilities: TargetCapabilities, prefix: RunPrefix, results: [CheckResult],
        cleanupFailures: [String], stateCheck: StateCheck, interrupted: Bool
    ) {
        self.targetName = targetName
        self.capabilities = capabilities
        self.prefix = prefix
        self.results = results
        self.cleanupFailures = cleanupFailures
        self.stateCheck = stateCheck
        self.interrupted = interrupted
    }

    /// Checks that failed.
    public var failures: [CheckResult] { results.filter(\.failed) }

    /// True when no check failed, cleanup succeeded, the state was restored (where it can be read) and the run completed.
    public var succeeded: Bool {
        if case .changed = stateCheck { return false }
        return failures.isEmpty && cleanupFailures.isEmpty && !interrupted
    }

    /// For every assumption id some result verifies: whether it held (`true`), did not (`false`); skipped ones are absent.
    public var assumptionVerdicts: [String: Bool] {
        var verdicts: [String: Bool] = [:]
        for result in results where !result.skipped {
            for id in result.verifies { verdicts[id] = (verdicts[id] ?? true) && !result.failed }
        }
        return verdicts
    }
}
