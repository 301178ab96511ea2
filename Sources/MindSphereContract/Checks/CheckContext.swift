import Foundation
public import HTTPTypes
public import MindSphereFake
import Synchronization

/// What a check works with: labelled requests to the target (recorded for drift reports), the run's prefix and
/// fixtures, and expectation helpers that throw `CheckFailure`.
public final class CheckContext: Sendable {
    /// How a request is authorised.
    public enum Authorization: Sendable {
        /// The run's cached Technical Token Manager token.
        case token
        /// No `Authorization` header.
        case none
        /// This exact `Authorization` header value.
        case header(String)
    }

    /// The run this check belongs to.
    public let session: RunSession
    private let log = Mutex<[Exchange]>([])
    private let observations = Mutex<[String: String]>([:])

    /// A context in `session`.
    public init(session: RunSession) {
        self.session = session
    }

    /// The target's capabilities in this run.
    public var capabilities: TargetCapabilities { session.capabilities }
    /// The run's prefix.
    public var prefix: RunPrefix { session.prefix }
    /// The tenant the run works in.
    public var tenant: String { session.tenant }
    /// The target's credentials (for token checks; never print them).
    public var credentials: ContractCredentials { session.target.credentials }
    /// The exchanges recorded so far, in order.
    public var exchanges: [Exchange] { log.withLock { $0 } }
    /// The alternative of each switchable assumption the target was seen to show, by assumption id.
    public var observedAlternatives: [String: String] { observations.withLock { $0 } }

    /// Records that the target shows `alternative` of the switchable assumption `id`, and fails unless that is the
    /// one expected (in force on a fake, the default for a real tenant), saying which alternative to pick to make
    /// the fake behave like the target.
    /// - Throws: `CheckFailure` when the target shows another alternative.
    public func expectAlternative(_ id: String, observed alternative: String) async throws {
        observations.withLock { $0[id] = alternative }
        let expected = await session.alternativeInForce(id) ?? ""
        guard alternative == expected else {
            throw CheckFailure(
                "the target shows \(id)=\(alternative), the fake runs with \(expected); pick it with assumptions: {\(id): \(alternative)}")
        }
    }

    /// Sends a request and records it under `label`.
    /// - Parameters:
    ///   - label: the step's name, unique within the check (compare matches recordings by it).
    ///   - method: the method.
    ///   - target: path and query, e.g. `/api/assetmanagement/v3/assets?size=1`.
    ///   - json: a JSON body (sets `Content-Type: application/json`).
    ///   - body: raw body bytes instead of `json`.
    ///   - headers: extra headers.
    ///   - authorization: how to authorise.
    ///   - record: whether the exchange is part of the check's recording.
    /// - Throws: `SafetyViolation`, `ContractTransportError`, or `CheckFailure` when no token can be taken.
    @discardableResult
    public func send(
        _ label: String, _ method: HTTPRequest.Method, _ target: String, json: JSONValue? = nil, body: [UInt8]? = nil,
        headers: [String: String] = [:], authorization: Authorization = .token, record: Bool = true
    ) async throws -> FakeResponse {
        var fields = HTTPFields()
        if json != nil { fields[.contentType] = "application/json" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        if case .header(let value) = authorization { fields[.authorization] = value }
        let request = FakeRequest(method: method, target: target, headerFields: fields, body: body ?? json.map(JSONWriter.bytes) ?? [])
        let response: FakeResponse
        if case .token = authorization {
            response = try await session.sendAuthorized(request)
        } else {
            try session.safety.check(request)
            response = try await session.target.send(request)
        }
        if record {
            log.withLock { log in
                var unique = label
                var counter = 2
                while log.contains(where: { $0.label == unique }) {
                    unique = "\(label) #\(counter)"
                    counter += 1
                }
                log.append(Exchange(label: unique, request: request, response: response))
            }
        }
        return response
    }

    /// A 32-hex id that names nothing, owned by the run so writes to it pass the safety guard.
    public func unknownID() -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in
            let hex = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
        session.safety.own(id)
        return id
    }

    /// Repeats `attempt` until it returns a value or the target's settle time has passed (a fake answers at once;
    /// the real service ingests asynchronously).
    /// - Throws: the last `CheckFailure` from `attempt`.
    public func eventually<T: Sendable>(_ attempt: @Sendable () async throws -> T) async throws -> T {
        let deadline = Date().addingTimeInterval(session.target.settleSeconds)
        while true {
            do {
                return try await attempt()
            } catch let failure as CheckFailure {
                if Date() >= deadline { throw failure }
                try await Task.sleep(for: .seconds(2))
            }
        }
    }

    /// Runs `body` and afterwards puts the target's clock back where it was, also when `body` fails.
    public func preservingClock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard case .clock(let reading) = try await session.target.control(.readClock) else {
            throw CheckFailure("the target did not report its clock")
        }
        do {
            let result = try await body()
            _ = try await session.target.control(.restoreClock(reading))
            return result
        } catch {
            _ = try? await session.target.control(.restoreClock(reading))
            throw error
        }
    }

    /// Moves the target's clock forward.
    public func advanceClock(seconds: Int64) async throws {
        _ = try await session.target.control(.advanceClock(seconds: seconds))
    }
}
