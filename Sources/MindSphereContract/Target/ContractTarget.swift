import Foundation
import HTTPTypes
public import MindSphereFake

/// Something the contract checks can send requests to: the in-process core, a fake by URL, or a real gateway.
///
/// Checks never ask which target they run on; they read `capabilities` (for example `.controlsClock`, which only a
/// fake has) and send the same requests everywhere.
public protocol ContractTarget: Sendable {
    /// A short name for reports, e.g. `in-process` or the base URL (never credentials).
    var name: String { get }
    /// What this target can do besides answering API requests.
    var capabilities: TargetCapabilities { get }
    /// The app credentials the kit uses to take tokens from the Technical Token Manager.
    var credentials: ContractCredentials { get }
    /// How long written data may take to become readable (0 for a fake; the real service ingests asynchronously).
    var settleSeconds: Double { get }
    /// Sends one request and returns the response.
    /// - Throws: `ContractTransportError` when no response arrives.
    func send(_ request: FakeRequest) async throws -> FakeResponse
    /// Performs a fake-only control operation (clock, state); only called when `capabilities` allow it.
    /// - Throws: `ContractTransportError` when the operation is not available.
    func control(_ operation: TargetControl) async throws -> TargetControlResult
}

extension ContractTarget {
    /// A fake answers at once.
    public var settleSeconds: Double { 0 }

    /// By default no control operation is available.
    public func control(_ operation: TargetControl) async throws -> TargetControlResult {
        throw ContractTransportError("\(name) does not support \(operation)")
    }
}
