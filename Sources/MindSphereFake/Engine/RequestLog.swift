import HTTPTypes
import Logging

/// Writes one log entry per answered request through swift-log: the request line (secret query values masked, a
/// long query shortened) as the message, and status, duration, response size, the fault rule that hit it and, for
/// a 4xx or 5xx, the error message as metadata. API requests log at `info`; `/_fake/` requests at `debug`, so that a
/// dashboard polling the control plane does not drown the API traffic.
///
/// With the default no-op logger nothing is measured or built: `isEnabled` is checked once per request.
package struct RequestLog: Sendable {
    /// The logger entries go to.
    public let logger: Logger

    /// Query strings longer than this are cut (with `…`) in the message.
    static let maximumQueryCharacters = 80

    /// A log writing to `logger`.
    public init(logger: Logger) {
        self.logger = logger
        self.isEnabled = logger.logLevel <= .info
    }

    /// Whether an entry at the lowest level it uses would be written (so the caller need not time the request).
    /// Read once: the logger is a constant, and asking its handler copies the handler on every request.
    let isEnabled: Bool

    /// Logs one answered request.
    /// - Parameters:
    ///   - method: the method as sent.
    ///   - target: the raw request-target.
    ///   - isControlPlane: whether the request went to `/_fake/`.
    ///   - durationNanoseconds: the time the fake took to answer.
    ///   - faultID: the fault rule that answered or delayed it.
    func record(
        method: String, target: String, isControlPlane: Bool, response: FakeResponse, durationNanoseconds: Int64, faultID: String?
    ) {
        let level: Logger.Level = isControlPlane ? .debug : .info
        guard logger.logLevel <= level else { return }
        let status = response.transport.dropConnection ? 0 : response.status.code
        var metadata: Logger.Metadata = [
            "status": "\(status)",
            "duration_ms": "\(Self.milliseconds(durationNanoseconds))",
            "bytes": "\(response.body.count)",
        ]
        if let faultID { metadata["fault"] = "\(faultID)" }
        if status >= 400, let error = response.refusal { metadata["error"] = "\(error.message)" }
        logger.log(level: level, "\(method) \(Self.shown(target))", metadata: metadata)
    }

    /// `target` with secret query values masked and a long query cut.
    static func shown(_ target: String) -> String {
        let masked = SecretMasker.maskedTarget(target)
        guard let mark = masked.firstIndex(of: "?") else { return masked }
        let query = masked[masked.index(after: mark)...]
        guard query.count > maximumQueryCharacters else { return masked }
        return String(masked[...mark]) + query.prefix(maximumQueryCharacters) + "…"
    }

    /// Nanoseconds as milliseconds with three decimals (`1.234`).
    static func milliseconds(_ nanoseconds: Int64) -> String {
        let microseconds = max(0, nanoseconds) / 1000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
