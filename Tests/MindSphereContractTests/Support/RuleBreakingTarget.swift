import HTTPTypes
import MindSphereContract
import MindSphereFake
import Synchronization

/// A target that forwards to another but rewrites the answers a rule picks, to show that the kit notices.
struct RuleBreakingTarget: ContractTarget {
    let base: any ContractTarget
    let rewrite: @Sendable (FakeRequest, FakeResponse) -> FakeResponse?

    var name: String { "rule-breaking \(base.name)" }
    var capabilities: TargetCapabilities { base.capabilities }
    var credentials: ContractCredentials { base.credentials }

    func send(_ request: FakeRequest) async throws -> FakeResponse {
        let response = try await base.send(request)
        return rewrite(request, response) ?? response
    }

    func control(_ operation: TargetControl) async throws -> TargetControlResult {
        try await base.control(operation)
    }
}

/// A target that forwards to another and keeps every request it sent.
struct RecordingTarget: ContractTarget {
    let base: any ContractTarget
    let log = RequestLog()

    /// The requests sent so far.
    var sent: [FakeRequest] { log.requests.withLock { $0 } }

    var name: String { base.name }
    var capabilities: TargetCapabilities { base.capabilities }
    var credentials: ContractCredentials { base.credentials }

    func send(_ request: FakeRequest) async throws -> FakeResponse {
        log.requests.withLock { $0.append(request) }
        return try await base.send(request)
    }

    func control(_ operation: TargetControl) async throws -> TargetControlResult {
        try await base.control(operation)
    }
}

/// Shared helpers of the contract tests.
enum KitFixtures {
    /// A readable list of failed checks for expectation messages.
    static func failures(_ report: RunReport) -> String {
        report.failures.map { "\($0.id): \($0.outcome)" }.joined(separator: "\n")
    }

    /// The package root (two levels above this file's folder).
    static var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }
}

/// The requests a `RecordingTarget` forwarded.
final class RequestLog: Sendable {
    let requests = Mutex<[FakeRequest]>([])
}
