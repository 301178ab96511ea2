import Foundation
import HTTPTypes
public import MindSphereFake

/// A fake served over HTTP(S), e.g. `mindsphere-fake serve`, driven through its URL like a real gateway, with the
/// `/_fake/` control plane for the clock and the state dump when the fake offers them.
public struct FakeURLTarget: ContractTarget {
    /// The transport to the fake.
    public let transport: HTTPTransport
    /// The credentials the kit uses.
    public let credentials: ContractCredentials
    /// What the probe found: writes and disposable always; control plane and clock when the fake answers them.
    public let capabilities: TargetCapabilities

    /// Connects to the fake at `baseURL` and probes its control plane.
    /// - Throws: `ContractTransportError` when the URL is unusable or the fake does not answer `/_fake/health`.
    public static func connect(
        baseURL: String, credentials: ContractCredentials = .fakeDefault, trust: TLSTrust = .system, controlToken: String? = nil
    ) async throws -> FakeURLTarget {
        let transport = try HTTPTransport(baseURL: baseURL, trust: trust, timeoutSeconds: 30, controlToken: controlToken)
        let health = try await transport.send(FakeRequest(method: .get, target: "/_fake/health"))
        guard health.status == .ok else {
            throw ContractTransportError("\(baseURL) is not a mindsphere-fake (GET /_fake/health answered \(health.status.code))")
        }
        var capabilities: TargetCapabilities = [.writes, .disposable, .transport]
        if try await transport.send(FakeRequest(method: .get, target: "/_fake/state")).status == .ok {
            capabilities.insert(.controlPlane)
        }
        if let clock = try await transport.send(FakeRequest(method: .get, target: "/_fake/clock")).bodyJSON,
            ClockJSON.reading(from: clock) != nil
        {
            capabilities.insert(.controlsClock)
        }
        return FakeURLTarget(transport: transport, credentials: credentials, capabilities: capabilities)
    }

    /// Whether `baseURL` answers like a mindsphere-fake (`GET /_fake/health` → 200).
    public static func isFake(baseURL: String, trust: TLSTrust = .system) async -> Bool {
        (try? await probe(baseURL: baseURL, trust: trust)) == true
    }

    /// Whether `baseURL` answers like a mindsphere-fake (`GET /_fake/health` → 200 `{"status":"ok"}`).
    /// - Throws: `ContractTransportError` when nothing usable answers at all (unreachable, TLS refused, bad URL),
    ///   so a caller can tell "not a fake" from "not reachable".
    public static func probe(baseURL: String, trust: TLSTrust = .system) async throws -> Bool {
        let transport = try HTTPTransport(baseURL: baseURL, trust: trust, timeoutSeconds: 10)
        let health = try await transport.send(FakeRequest(method: .get, target: "/_fake/health"))
        return health.status == .ok && health.bodyJSON?["status"]?.stringValue == "ok"
    }

    /// The base URL.
    public var name: String { transport.baseURL }

    /// Sends the request over HTTP.
    public func send(_ request: FakeRequest) async throws -> FakeResponse {
        try await transport.send(request)
    }

    /// Uses `GET/POST /_fake/clock` and `GET /_fake/state`.
    public func control(_ operation: TargetControl) async throws -> TargetControlResult {
        switch operation {
        case .readClock:
            let response = try await transport.send(FakeRequest(method: .get, target: "/_fake/clock"))
            guard let json = response.bodyJSON, let reading = ClockJSON.reading(from: json) else {
                throw ContractTransportError("GET /_fake/clock answered \(response.status.code) without a clock reading")
            }
            return .clock(reading)
        case .advanceClock(let seconds):
            try await postClock(.object(["advanceSeconds": .number(.integer(seconds))]))
            return .done
        case .restoreClock(let reading):
            try await postClock(.object(["set": .string(Timestamp.format(milliseconds: reading.milliseconds))]))
            try await postClock(.object(["frozen": .bool(reading.frozen)]))
            return .done
        case .readState:
            let response = try await transport.send(FakeRequest(method: .get, target: "/_fake/state"))
            guard response.status == .ok, let state = response.bodyJSON else {
                throw ContractTransportError("GET /_fake/state answered \(response.status.code)")
            }
            return .state(state)
        }
    }

    private func postClock(_ body: JSONValue) async throws {
        let response = try await transport.send(
            FakeRequest(
                method: .post, target: "/_fake/clock", headerFields: [.contentType: "application/json"], body: JSONWriter.bytes(body)))
        guard (200..<300).contains(response.status.code) else {
            throw ContractTransportError("POST /_fake/clock answered \(response.status.code): \(response.bodyText.prefix(200))")
        }
    }
}

/// Reads a clock reading out of the control plane's clock JSON, whichever of the usual field names it uses.
enum ClockJSON {
    static func reading(from json: JSONValue) -> ClockReading? {
        guard let object = json.objectValue else { return nil }
        var milliseconds: Int64?
        for key in ["nowMilliseconds", "epochMilliseconds", "milliseconds", "nowMillis"] {
            if case .number(.integer(let value))? = object[key] {
                milliseconds = value
                break
            }
        }
        if milliseconds == nil {
            for key in ["now", "time", "iso", "current"] {
                if let text = object[key]?.stringValue, let value = Timestamp.parseMilliseconds(text) {
                    milliseconds = value
                    break
                }
            }
        }
        guard let milliseconds else { return nil }
        return ClockReading(milliseconds: milliseconds, frozen: object["frozen"]?.boolValue ?? false)
    }
}
