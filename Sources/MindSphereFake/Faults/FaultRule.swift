/// A staged misbehaviour: requests matching `method` and `pathPattern` get an error status, extra latency or a dropped
/// connection instead of (or on top of) the normal answer. Limited by `times` and/or `probability`.
public struct FaultRule: Sendable, Equatable {
    /// What a matching request gets.
    public enum Action: Sendable, Equatable {
        /// The documented error body of the addressed API with this status (429, 500, 503, ...), answered after
        /// `delayMilliseconds`; 429 carries `Retry-After` when `retryAfterSeconds` is set.
        case status(Int, retryAfterSeconds: Int?, delayMilliseconds: Int)
        /// The normal answer, sent `delayMilliseconds` later.
        case latency(delayMilliseconds: Int)
        /// The connection is closed without an answer.
        case dropConnection
    }

    /// The rule's id (given, or generated when the rule is added).
    public var id: String
    /// The HTTP method it matches (`GET`, `PUT`, ...); `nil` matches every method.
    public var method: String?
    /// The path glob it matches: `*` is any run of characters except `/`, `**` any run including `/`.
    public var pathPattern: String
    /// What matching requests get.
    public var action: Action
    /// How many requests it fires for before it is spent; `nil` is unlimited.
    public var times: Int?
    /// The chance (0...1) that a matching request is hit; `nil` is always.
    public var probability: Double?
    /// Seed of the rule's own random source, so a probability rule hits the same requests on every run.
    public var seed: UInt64

    /// A rule.
    public init(
        id: String = "",
        method: String? = nil,
        pathPattern: String,
        action: Action,
        times: Int? = nil,
        probability: Double? = nil,
        seed: UInt64 = 1
    ) {
        self.id = id
        self.method = method?.uppercased()
        self.pathPattern = pathPattern
        self.action = action
        self.times = times
        self.probability = probability
        self.seed = seed
    }

    /// The methods a rule may name (in any letter case): those the platform's APIs serve. Anything else could never
    /// match a request, so it is refused rather than silently never firing.
    public static let supportedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The statuses a fault may answer with: those the fake can render as a documented error body.
    public static let supportedStatuses: Set<Int> = [400, 401, 403, 404, 409, 412, 413, 415, 429, 500, 503]

    /// The refusal a `status` action answers with.
    static func fakeError(status: Int, retryAfterSeconds: Int?) -> FakeError? {
        let message = "injected fault: status \(status)"
        switch status {
        case 400: return FakeError(.invalidParameter, message)
        case 401: return FakeError(.tokenInvalid, message)
        case 403: return FakeError(.forbidden, message)
        case 404: return FakeError(.notFound, message)
        case 409: return FakeError(.conflict, message)
        case 412: return FakeError(.preconditionFailed, message)
        case 413: return FakeError(.payloadTooLarge, message)
        case 415: return FakeError(.unsupportedMediaType, message)
        case 429: return FakeError(.tooManyRequests(retryAfterSeconds: retryAfterSeconds), "Too many requests")
        case 500: return FakeError(.internalError, "Internal server error")
        case 503: return FakeError(.serviceUnavailable, "Service unavailable")
        default: return nil
        }
    }
}
