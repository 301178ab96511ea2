import Foundation
import HTTPTypes
public import MindSphereFake

/// The fake's core called directly: no socket, no HTTP parsing. The fastest target; it can move the fake's clock.
public struct InProcessTarget: ContractTarget {
    /// The fake being driven.
    public let gateway: FakeGateway
    /// The credentials the kit uses (the built-in scenario's by default).
    public let credentials: ContractCredentials
    /// The host name put into requests that carry none, so absolute links have a stable base.
    public let host: String
    /// The target can move the clock, and dump state when the fake has the control plane.
    public let capabilities: TargetCapabilities

    /// A target over `gateway`.
    public init(gateway: FakeGateway, credentials: ContractCredentials = .fakeDefault, host: String = "localhost") {
        self.gateway = gateway
        self.credentials = credentials
        self.host = host
        var capabilities: TargetCapabilities = [.writes, .controlsClock, .disposable]
        if gateway.handle(FakeRequest(method: .get, target: "/_fake/state", headerFields: [Self.hostField: host])).status == .ok {
            capabilities.insert(.controlPlane)
        }
        self.capabilities = capabilities
    }

    private static let hostField = HTTPField.Name("Host")!

    /// `in-process`.
    public var name: String { "in-process" }

    /// Hands the request to the core.
    public func send(_ request: FakeRequest) async throws -> FakeResponse {
        var request = request
        if request.headerFields[Self.hostField] == nil { request.headerFields[Self.hostField] = host }
        return gateway.handle(request)
    }

    /// Moves or reads the core's clock directly; reads state through `GET /_fake/state`.
    public func control(_ operation: TargetControl) async throws -> TargetControlResult {
        switch operation {
        case .readClock:
            return .clock(ClockReading(milliseconds: gateway.clock.nowMilliseconds(), frozen: gateway.clock.isFrozen))
        case .advanceClock(let seconds):
            gateway.clock.advance(milliseconds: seconds * 1000)
            return .done
        case .restoreClock(let reading):
            gateway.clock.set(milliseconds: reading.milliseconds)
            gateway.clock.freeze(reading.frozen)
            return .done
        case .readState:
            let response = gateway.handle(FakeRequest(method: .get, target: "/_fake/state", headerFields: [Self.hostField: host]))
            guard response.status == .ok, let state = response.bodyJSON else {
                throw ContractTransportError("the fake has no state dump (GET /_fake/state answered \(response.status.code))")
            }
            return .state(state)
        }
    }
}
