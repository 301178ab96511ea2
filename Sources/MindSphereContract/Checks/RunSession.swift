import Foundation
import HTTPTypes
public import MindSphereFake
import Synchronization

/// What one run shares across its checks: the target, the run prefix, the token cache, the safety guard, the
/// shared fixtures and the cleanup stack that removes everything the run created.
public final class RunSession: Sendable {
    /// The target.
    public let target: any ContractTarget
    /// The target's capabilities for this run (without `.writes` in a read-only run).
    public let capabilities: TargetCapabilities
    /// The run's unique prefix.
    public let prefix: RunPrefix
    /// Tokens for the run's requests.
    public let tokens: TokenCache
    /// Undo actions for everything created.
    public let cleanup = CleanupStack()
    /// Refuses writes to anything the run does not own.
    public let safety: SafetyGuard
    /// Types and assets shared by the checks, created on first use.
    public let fixtures = RunFixtures()
    private let registered = Mutex<Set<String>>([])
    private let seriesRanges = Mutex<[String: (from: Int64, to: Int64)]>([:])
    private let alternatives = Mutex<[String: String]?>(nil)

    /// A session on `target`.
    public init(target: any ContractTarget, capabilities: TargetCapabilities, prefix: RunPrefix = RunPrefix()) {
        self.target = target
        self.capabilities = capabilities
        self.prefix = prefix
        self.tokens = TokenCache(target: target)
        self.safety = SafetyGuard(prefix: prefix)
    }

    /// The tenant the run works in.
    public var tenant: String { target.credentials.userTenant }

    /// The alternative of switchable assumption `id` the target should show: the one in force on a fake with a
    /// control plane (`GET /_fake/assumptions`, asked once per run), else the registry's default.
    public func alternativeInForce(_ id: String) async -> String? {
        if let known = alternatives.withLock({ $0 }) {
            return known[id] ?? AssumptionRegistry.assumption(id)?.defaultAlternative
        }
        var table: [String: String] = [:]
        if capabilities.contains(.controlPlane),
            let response = try? await target.send(FakeRequest(method: .get, target: "/_fake/assumptions")),
            response.status == .ok, let listed = response.bodyJSON?["assumptions"]?.arrayValue
        {
            for item in listed {
                if let name = item["id"]?.stringValue, let inForce = item["inForce"]?.stringValue { table[name] = inForce }
            }
        }
        alternatives.withLock { $0 = table }
        return table[id] ?? AssumptionRegistry.assumption(id)?.defaultAlternative
    }

    /// Sends `request` with the run's bearer token (renewed once on a 401), after the safety check, and registers
    /// the undo action of anything it creates.
    /// - Throws: `SafetyViolation`, `CheckFailure` (no token) or `ContractTransportError`.
    public func sendAuthorized(_ request: FakeRequest, authorize: Bool = true) async throws -> FakeResponse {
        try safety.check(request)
        var request = request
        if authorize { request.headerFields[.authorization] = "Bearer " + (try await tokens.bearerToken()) }
        var response = try await target.send(request)
        if authorize, response.status == .unauthorized {
            await tokens.invalidate()
            request.headerFields[.authorization] = "Bearer " + (try await tokens.bearerToken())
            response = try await target.send(request)
        }
        if (200..<300).contains(response.status.code) { await registerCreation(request, response) }
        return response
    }

    private func firstRegistration(_ key: String) -> Bool {
        registered.withLock { $0.insert(key).inserted }
    }

    private func registerCreation(_ request: FakeRequest, _ response: FakeResponse) async {
        let path = request.path
        let am = "/api/assetmanagement/v3/"
        if request.method == .post, path == am + "assets", let id = response.bodyJSON?["assetId"]?.stringValue {
            safety.own(id)
            if firstRegistration(path + "/" + id) { await pushDelete(am + "assets/" + id) }
        } else if request.method == .post, path == am + "files", let id = response.bodyJSON?["id"]?.stringValue {
            safety.own(id)
            if firstRegistration(path + "/" + id) { await pushDelete(am + "files/" + id) }
        } else if request.method == .put, path.hasPrefix(am + "aspecttypes/") || path.hasPrefix(am + "assettypes/"),
            path.split(separator: "/").count == 5, firstRegistration(path)
        {
            await pushDelete(path)
        } else if request.method == .put || request.method == .patch, path.hasPrefix("/api/iottimeseries/v3/timeseries/") {
            await registerSeries(path: path, body: request.body)
        }
    }

    private func registerSeries(path: String, body: [UInt8]) async {
        guard let records = (try? JSONParser.parse(body))?.arrayValue else { return }
        let times = records.compactMap { $0["_time"]?.stringValue.flatMap(Timestamp.parseMilliseconds) }
        guard let low = times.min(), let high = times.max() else { return }
        let isNew = seriesRanges.withLock { ranges -> Bool in
            if let known = ranges[path] {
                ranges[path] = (min(known.from, low), max(known.to, high))
                return false
            }
            ranges[path] = (low, high)
            return true
        }
        guard isNew else { return }
        await cleanup.push("delete time series \(path)") { [self] in
            guard let range = seriesRanges.withLock({ $0[path] }) else { return }
            let from = PercentDecoding.encode(Timestamp.format(milliseconds: range.from - 1))
            let to = PercentDecoding.encode(Timestamp.format(milliseconds: range.to))
            let response = try await sendAuthorized(FakeRequest(method: .delete, target: "\(path)?from=\(from)&to=\(to)"))
            guard (200..<300).contains(response.status.code) || response.status == .notFound else {
                throw CheckFailure("DELETE \(path) answered \(response.status.code)")
            }
        }
    }

    /// Registers the deletion of the resource at `path` (read its etag, then `DELETE` with `If-Match`).
    public func pushDelete(_ path: String) async {
        await cleanup.push("delete \(path)") { [self] in
            try await deleteOwned(path)
        }
    }

    /// Deletes the run-owned resource at `path` if it still exists.
    /// - Throws: `CheckFailure` when the target refuses the deletion.
    public func deleteOwned(_ path: String) async throws {
        let current = try await sendAuthorized(FakeRequest(method: .get, target: path))
        if current.status == .notFound { return }
        guard current.status == .ok, let json = current.bodyJSON else {
            throw CheckFailure("GET \(path) answered \(current.status.code)")
        }
        if let deleted = json["deleted"], !deleted.isNull { return }
        var fields = HTTPFields()
        if case .number(.integer(let etag))? = json["etag"] { fields[.ifMatch] = String(etag) }
        let response = try await sendAuthorized(FakeRequest(method: .delete, target: path, headerFields: fields))
        guard (200..<300).contains(response.status.code) || response.status == .notFound else {
            throw CheckFailure("DELETE \(path) answered \(response.status.code): \(response.bodyText.prefix(300))")
        }
    }
}
