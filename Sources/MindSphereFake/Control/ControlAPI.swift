import HTTPTypes

/// The fake's own control plane under `/_fake/` (never behind the gateway token, never journaled, never faulted):
/// JSON in and out, errors as `{"error","message"}`. Documented in docs/control-plane.md.
package struct ControlAPI: Sendable {
    /// The reserved path prefix.
    public static let prefix = "\(prefixText)"

    /// Whether the decoded `path` lies under `prefix`, judged on its bytes: every request asks, and a path that
    /// starts with those bytes is the control plane's whatever follows them.
    public static func contains(_ path: String) -> Bool {
        let prefixBytes = UnsafeRawBufferPointer(start: prefixText.utf8Start, count: prefixText.utf8CodeUnitCount)
        var path = path
        return path.withUTF8 { bytes in
            bytes.count >= prefixBytes.count
                && ByteComparison.equal(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<prefixBytes.count])), prefixBytes)
        }
    }

    /// `prefix` as bytes in the binary, compared without a copy.
    private static let prefixText: StaticString = "/_fake/"
    private let control: FakeControl

    /// The control plane over `control`.
    public init(control: FakeControl) {
        self.control = control
    }

    /// The health answer, rendered once: readiness probes poll it, and the server reuses its transport response for
    /// an answer whose bytes it has seen (the same stored body), where a body rendered per request is a new one.
    private static let healthy = FakeResponse.json(.object(["status": .string("ok")]))

    /// The routes of the control plane.
    public var routes: [Route] {
        [
            route(.get, "/_fake/health") { _ in Self.healthy },
            route(.post, "/_fake/reset") { _ throws(FakeError) in
                try loading { () throws(ScenarioError) in try control.reset() }
                return .json(.object(["status": .string("reset"), "scenario": .string(control.scenario.name)]))
            },
            route(.post, "/_fake/scenario") { context throws(FakeError) in
                guard !context.request.body.isEmpty else { throw FakeError.missingBody("post the scenario (YAML or JSON) as the body") }
                let text = String(decoding: context.request.body, as: UTF8.self)
                let scenario = try loading { () throws(ScenarioError) -> Scenario in try control.loadScenario(text: text) }
                return .json(Self.summary(scenario, status: "loaded"))
            },
            route(.get, "/_fake/scenario") { _ in .json(Self.summary(control.scenario, status: "loaded")) },
            route(.get, "/_fake/state") { _ in .json(control.state()) },
            route(.post, "/_fake/state") { context throws(FakeError) in
                let dump = try context.jsonBody()
                try loading { () throws(ScenarioError) in try control.loadState(dump) }
                return .json(Self.summary(control.scenario, status: "loaded"))
            },
            route(.get, "/_fake/clock") { _ in .json(control.clockJSON) },
            route(.post, "/_fake/clock") { context throws(FakeError) in
                try ClockCommand(try Self.object(context)).apply(to: control)
                return .json(control.clockJSON)
            },
            route(.post, "/_fake/tokens/expire") { context throws(FakeError) in
                let body = context.request.body.isEmpty ? JSONObject() : try Self.object(context)
                if let token = body["token"]?.stringValue ?? body["jti"]?.stringValue {
                    guard control.expireToken(token) else {
                        throw FakeError.notFound("no token issued by this fake has that value or jti")
                    }
                    return .json(.object(["expired": .string("one")]))
                }
                if let unknown = body.keys.first { throw FakeError.invalidBody("unknown property '\(unknown)' (use 'token' or no body)") }
                control.expireAllTokens()
                return .json(.object(["expired": .string("all")]))
            },
            route(.get, "/_fake/requests") { context throws(FakeError) in
                let limit = try context.integerQuery("limit", default: 100, range: 0...100_000)
                let status = context.query["status"].flatMap { $0.isEmpty ? nil : $0 }
                if let status, RequestJournal.StatusFilter(status) == nil {
                    throw FakeError.invalidParameter("status must be a code such as 429 or a class such as 4xx, got '\(status)'")
                }
                let entries = control.requests(pathContains: context.query["path"], status: status, limit: limit)
                return .json(.object(["requests": .array(entries.map(\.json)), "count": .int(entries.count)]))
            },
            route(.get, "/_fake/faults") { _ in .json(.object(["faults": .array(control.faultRules().map(\.json))])) },
            route(.post, "/_fake/faults") { context throws(FakeError) in
                let body = try context.jsonBody()
                let objects: [JSONObject]
                switch body {
                case .object(let object): objects = [object]
                case .array(let items):
                    objects = try items.map { item throws(FakeError) in
                        guard let object = item.objectValue else { throw FakeError.invalidBody("each fault rule must be an object") }
                        return object
                    }
                default: throw FakeError.invalidBody("post a fault rule object or an array of them")
                }
                let rules = try objects.map { object throws(FakeError) in try FaultRule(json: object) }
                let added = rules.map { control.addFault($0).json }
                return .json(.object(["faults": .array(added)]), status: .created)
            },
            route(.delete, "/_fake/faults") { _ in
                let count = control.faultRules().count
                control.removeAllFaults()
                return .json(.object(["removed": .int(count)]))
            },
            route(.delete, "/_fake/faults/{id}") { context throws(FakeError) in
                guard control.removeFault(id: context.parameter("id")) else {
                    throw FakeError.notFound("no fault rule with id '\(context.parameter("id"))'")
                }
                return .json(.object(["removed": .int(1)]))
            },
            route(.get, "/_fake/assets") { _ in .json(control.assetTree()) },
            route(.post, "/_fake/tokens") { context throws(FakeError) in
                let body = context.request.body.isEmpty ? JSONObject() : try Self.object(context)
                if let unknown = body.keys.first(where: { $0 != "tenant" }) {
                    throw FakeError.invalidBody("unknown property '\(unknown)' (use 'tenant' or no body)")
                }
                let tenant = try body["tenant"].map { value throws(FakeError) -> String in
                    guard let name = value.stringValue else { throw FakeError.invalidBody("'tenant' must be a string, got \(value.typeName)") }
                    return name
                }
                let issued = try control.mintToken(tenant: tenant, issuer: context.baseURL + "/oauth/token")
                return .json(
                    .object([
                        "access_token": .string(issued.accessToken), "token_type": .string("bearer"),
                        "expires_in": .int(max(issued.lifetimeSeconds - 1, 0)), "tenant": .string(issued.principal.tenant),
                        "client_id": .string(issued.principal.clientID),
                    ]))
            },
            route(.get, "/_fake/assumptions") { _ in .json(control.assumptionsJSON) },
            route(.post, "/_fake/assumptions") { context throws(FakeError) in
                var picks: [String: String] = [:]
                for (id, value) in try Self.object(context).members {
                    guard let alternative = value.stringValue else {
                        throw FakeError.invalidBody("'\(id)' must name an alternative as a string, got \(value.typeName)")
                    }
                    picks[id] = alternative
                }
                try control.pickAssumptions(picks)
                return .json(control.assumptionsJSON)
            },
            route(.get, "/_fake/ingestion-delay") { _ in
                .json(.object(["milliseconds": .int(control.ingestionDelayMilliseconds)]))
            },
            route(.post, "/_fake/ingestion-delay") { context throws(FakeError) in
                let range = Scenario.ingestionDelayMillisecondsRange
                guard case .number(.integer(let value))? = try Self.object(context)["milliseconds"],
                    value >= range.lowerBound, value <= range.upperBound
                else {
                    throw FakeError.invalidBody("post {\"milliseconds\": N} with N from \(range.lowerBound) to \(range.upperBound)")
                }
                control.setIngestionDelay(milliseconds: Int(value))
                return .json(.object(["milliseconds": .int(control.ingestionDelayMilliseconds)]))
            },
        ]
    }

    private func route(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping RouteHandler) -> Route {
        Route(method, path, errorShape: .control, access: .open, handler: handler)
    }

    private static func object(_ context: RequestContext) throws(FakeError) -> JSONObject {
        guard let object = try context.jsonBody().objectValue else { throw FakeError.invalidBody("the body must be a JSON object") }
        return object
    }

    private static func summary(_ scenario: Scenario, status: String) -> JSONValue {
        .object([
            "status": .string(status),
            "scenario": .string(scenario.name),
            "tenants": .array(scenario.tenants.map(JSONValue.string)),
            "assets": .int(scenario.assets.count),
            "timeSeriesRecords": .int(scenario.timeSeries.reduce(0) { $0 + $1.records.count }),
            "faults": .int(scenario.faults.count),
        ])
    }
}

/// Runs a scenario operation, turning a `ScenarioError` into a 400 that names file, line and problem.
private func loading<T>(_ body: () throws(ScenarioError) -> T) throws(FakeError) -> T {
    do {
        return try body()
    } catch {
        throw FakeError.invalidBody("scenario not loaded: \(error.description)")
    }
}
