import Foundation
import HTTPTypes
public import MindSphereFake
import Synchronization

/// Refuses any writing request that could touch something the run did not create: writes must name the run's
/// prefix or an id the run created (or reserved as a deliberately unknown id).
public final class SafetyGuard: Sendable {
    /// The run's prefix.
    public let prefix: RunPrefix
    private let owned = Mutex<Set<String>>([])

    /// A guard for the run marked by `prefix`.
    public init(prefix: RunPrefix) {
        self.prefix = prefix
    }

    /// Records that the run created (or reserved) `id`.
    public func own(_ id: String) {
        owned.withLock { _ = $0.insert(id) }
    }

    /// Every id the run created or reserved.
    public var ownedIDs: Set<String> { owned.withLock { $0 } }

    /// Whether the run created or reserved `id`.
    public func owns(_ id: String) -> Bool {
        owned.withLock { $0.contains(id) } || id.contains(prefix.value)
    }

    /// Checks one request before it is sent.
    /// - Throws: `SafetyViolation` when a writing request names nothing the run owns.
    public func check(_ request: FakeRequest) throws {
        guard request.method != .get, request.method != .head else { return }
        let path = request.path
        if path == TokenCache.tokenPath || path == "/oauth/token" { return }
        guard path.hasPrefix("/api/") else {
            throw SafetyViolation("\(request.method.rawValue) \(path) is outside the gateway's APIs")
        }
        let segments = path.split(separator: "/").map(String.init)
        if segments.contains(where: owns) { return }
        let bodyText = String(decoding: request.body, as: UTF8.self)
        if request.method == .post, path == "/api/assetmanagement/v3/assets" || path == "/api/assetmanagement/v3/files",
            bodyText.contains(prefix.value)
        {
            return
        }
        if request.method == .put, path == "/api/iottimeseries/v3/timeseries", let json = try? JSONParser.parse(request.body),
            let pairs = json["timeseries"]?.arrayValue,
            pairs.allSatisfy({ $0["entityId"]?.stringValue.map(owns) ?? true })
        {
            return
        }
        throw SafetyViolation("\(request.method.rawValue) \(path) names nothing this run created")
    }
}
