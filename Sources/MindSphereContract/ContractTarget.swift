public import MindSphereFake

/// Something the contract checks can send requests to: the in-process core, a fake by URL, or a real gateway.
public protocol ContractTarget: Sendable {
    /// A short name for reports.
    var name: String { get }
    /// Sends one request and returns the response.
    func send(_ request: FakeRequest) async throws -> FakeResponse
}
