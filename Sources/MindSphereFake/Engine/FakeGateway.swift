import HTTPTypes

/// The fake MindSphere gateway as a function: a `FakeRequest` in, a `FakeResponse` out, no I/O.
/// The libmicrohttpd server and in-process tests both drive this one type.
///
/// ```swift
/// let fake = try FakeGateway()
/// let response = fake.handle(FakeRequest(method: .get, target: "/_fake/health"))
/// assert(response.status == .ok)
/// ```
public final class FakeGateway: Sendable {
    /// The configuration it started with.
    public let configuration: FakeConfiguration
    /// The fake's clock; move it to make tokens expire.
    public let clock: FakeClock
    /// Issues and checks tokens.
    package let tokens: TokenService
    /// The credentials of the loaded scenario.
    package let credentials: CredentialDirectory
    /// Id generator for correlation ids, token ids and resource ids.
    package let identifiers: Identifiers
    /// Asset Management's state.
    package let assets: AssetStore
    /// IoT Time Series' state.
    package let timeSeries: TimeSeriesStore
    /// The alternatives in force for the switchable assumptions (set by the scenario, changed by the control plane).
    public let assumptions: AssumptionSettings
    /// Reset, scenario loading, clock, token expiry, faults and the request journal, as plain methods.
    public let control: FakeControl
    /// The rules `/_fake/` requests pass first (control token, Host, Origin, content type).
    package let controlGuard: ControlPlaneGuard
    /// One log entry per answered request.
    package let log: RequestLog
    private let router: Router
    /// `control`'s fault rules and journal, held here as well: every API request reads both, and a member of a
    /// member would be retained and released around each use, on counts every worker thread shares.
    private let faults: FaultInjector
    private let journal: RequestJournal

    /// A fake with `configuration`, reading time from `clock` (the system wall clock by default).
    /// - Throws: `ScenarioError` when the scenario's seed data cannot be loaded.
    public init(configuration: FakeConfiguration = FakeConfiguration(), clock: FakeClock = .system()) throws(ScenarioError) {
        self.configuration = configuration
        self.clock = clock
        let identifiers = configuration.seed.map(Identifiers.init(seed:)) ?? Identifiers()
        self.identifiers = identifiers
        self.tokens = TokenService(signingKey: configuration.signingKey, identifiers: identifiers)
        self.credentials = CredentialDirectory(scenario: configuration.scenario)
        let assumptions = AssumptionSettings()
        self.assumptions = assumptions
        self.assets = AssetStore(identifiers: identifiers, settings: assumptions)
        self.timeSeries = TimeSeriesStore(schemas: assets, settings: assumptions)
        let faults = FaultInjector(identifiers: identifiers)
        let journal = RequestJournal(capacity: configuration.journalCapacity)
        self.faults = faults
        self.journal = journal
        self.control = FakeControl(
            scenario: configuration.scenario, clock: clock, tokens: tokens, credentials: credentials, assets: assets,
            timeSeries: timeSeries, faults: faults, journal: journal,
            fileReader: configuration.scenarioFileReader, assumptions: assumptions)
        var router = Router()
        router.add(contentsOf: TokenManagerAPI(tokens: tokens, credentials: credentials, clock: clock, settings: assumptions).routes)
        router.add(contentsOf: AssetManagementAPI(store: assets).routes)
        router.add(contentsOf: TimeSeriesAPI(store: timeSeries).routes)
        router.add(contentsOf: TimeSeriesBulkAPI(store: timeSeries).routes)
        router.add(contentsOf: AggregatesAPI(store: timeSeries).routes)
        router.add(contentsOf: ControlAPI(control: control).routes)
        router.add(contentsOf: DashboardAPI(libraries: configuration.dashboardLibraries).routes)
        self.router = router
        self.controlGuard = ControlPlaneGuard(controlToken: configuration.controlToken)
        self.log = RequestLog(logger: configuration.logger)
        try control.start()
    }

    /// Answers one request. Never throws and never traps on bad input: every refusal is a documented error response.
    /// API requests pass the fault rules first and are recorded in the journal; `/_fake/` requests are neither, and
    /// pass `controlGuard` first.
    public func handle(_ request: FakeRequest) -> FakeResponse {
        guard log.isEnabled else { return answer(request).response }
        let started = ContinuousClock.now
        let (response, faultID) = answer(request)
        let elapsed = ContinuousClock.now - started
        log.record(
            method: request.method.rawValue, target: request.target, isControlPlane: ControlAPI.contains(request.path),
            response: response, durationNanoseconds: Self.nanoseconds(elapsed), faultID: faultID)
        return response
    }

    /// The answer to `request`, with the id of the fault rule that hit it.
    private func answer(_ request: FakeRequest) -> (response: FakeResponse, faultID: String?) {
        let path = request.path
        let now = clock.nowMilliseconds()
        if ControlAPI.contains(path) {
            return (controlAnswer(request, path: path, now: now), nil)
        }
        var response: FakeResponse
        let fault = faults.match(method: request.method.rawValue, path: path)
        if let fault {
            response = apply(fault, to: request, path: path, now: now)
        } else {
            response = dispatch(request, path: path, now: now)
        }
        if request.method == .head { Self.removeBody(&response) }
        journal.record(request, path: path, response: response, nowMilliseconds: now, faultID: fault?.id)
        return (response, fault?.id)
    }

    /// The answer to a `/_fake/` request: the control-plane guard first, no faults, no journal. Kept out of line
    /// (as are the other rare branches of a request), so the code an API request runs stays close together.
    @inline(never)
    private func controlAnswer(_ request: FakeRequest, path: String, now: Int64) -> FakeResponse {
        var response =
            if let refusal = controlGuard.refusal(for: request) { errorResponse(refusal, shape: .control) } else {
                dispatch(request, path: path, now: now)
            }
        if request.method == .head { Self.removeBody(&response) }
        return response
    }

    /// A duration in whole nanoseconds (saturating; a request never takes 292 years).
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue + attoseconds / 1_000_000_000
    }

    /// `response` as it goes out to a HEAD request: no body, whatever the status (errors and injected faults too,
    /// not only the GET route's answer). Changed in place: a returned copy would count every member's reference.
    @inline(never)
    private static func removeBody(_ response: inout FakeResponse) {
        guard !response.body.isEmpty else { return }
        response.body = []
    }

    @inline(never)
    private func apply(_ fault: FaultRule, to request: FakeRequest, path: String, now: Int64) -> FakeResponse {
        switch fault.action {
        case .dropConnection:
            return FakeResponse(status: .serviceUnavailable, transport: TransportDirective(dropConnection: true))
        case .latency(let delay):
            var response = dispatch(request, path: path, now: now)
            response.transport.delayMilliseconds += delay
            return response
        case .status(let status, let retryAfter, let delay):
            let error =
                FaultRule.fakeError(status: status, retryAfterSeconds: retryAfter)
                ?? FakeError(.internalError, "injected fault: status \(status)")
            var response = errorResponse(error, shape: errorShape(method: request.method, path: path), path: path, now: now)
            response.transport.delayMilliseconds = delay
            return response
        }
    }

    /// The body limit the route for `method` and the raw request-target declares, `nil` when it keeps the
    /// transport's default (a transport reads the head first and asks before it takes the body).
    public func maximumBodyBytes(method: HTTPRequest.Method, target: String) -> Int? {
        let path = FakeRequest(method: method, target: target).path
        guard case .found(let route, _) = router.match(method: method, path: path) else { return nil }
        return route.maximumBodyBytes
    }

    /// The error shape of the API that serves `path` (the route's, else by path prefix).
    func errorShape(method: HTTPRequest.Method, path: String) -> ErrorShape {
        switch router.match(method: method, path: path) {
        case .found(let route, _): return route.errorShape
        case .methodNotAllowed(_, let shape, _): return shape
        case .notFound: return path.hasPrefix("/api/iottimeseries") ? .timeSeries : path.hasPrefix("/api/") ? .platform : .control
        }
    }

    private func dispatch(_ request: FakeRequest, path: String, now: Int64) -> FakeResponse {
        switch router.match(method: request.method, path: path) {
        case .found(let route, let parameters):
            var principal: Principal?
            if route.access == .bearerToken {
                switch authenticate(request, now: now) {
                case .success(let caller): principal = caller
                case .failure(let rejection): return reject(rejection)
                }
            }
            let context = RequestContext(
                request: request, path: path, query: request.query, pathParameters: parameters,
                principal: principal, nowMilliseconds: now
            )
            // A closure over `self`, not the partial application `identifiers.next`, which would capture (and retain)
            // the shared identifier generator on every request.
            return route.answer(context, correlationID: { self.identifiers.next() })
        case .methodNotAllowed(let allowed, let shape, let access):
            return methodNotAllowed(request, path: path, now: now, allowed: allowed, shape: shape, access: access)
        case .notFound:
            return notFound(request, path: path, now: now)
        }
    }

    private func authenticate(_ request: FakeRequest, now: Int64) -> Result<Principal, TokenRejection> {
        tokens.authenticate(authorization: request.header(.authorization), nowSeconds: now / 1000)
    }

    @inline(never)
    private func methodNotAllowed(
        _ request: FakeRequest, path: String, now: Int64, allowed: [String], shape: ErrorShape, access: Route.Access
    ) -> FakeResponse {
        if access == .bearerToken, case .failure(let rejection) = authenticate(request, now: now) {
            return reject(rejection)
        }
        return errorResponse(
            FakeError(
                .methodNotAllowed(allowed: allowed),
                "method \(request.method.rawValue) is not supported on \(path); allowed: \(allowed.joined(separator: ", "))"),
            shape: shape, path: path, now: now)
    }

    @inline(never)
    private func notFound(_ request: FakeRequest, path: String, now: Int64) -> FakeResponse {
        if path.hasPrefix("/api/") {
            if case .failure(let rejection) = authenticate(request, now: now) {
                return reject(rejection)
            }
            return errorResponse(FakeError(.routeNotFound, "no API at \(request.method.rawValue) \(path)"), shape: .platform)
        }
        return errorResponse(FakeError(.routeNotFound, "nothing at \(path)"), shape: .control)
    }

    /// The error response for `error` in `shape`, with a fresh correlation id; `path` and `now` (fake ms) go into
    /// shapes that carry them (Spring's).
    public func errorResponse(_ error: FakeError, shape: ErrorShape, path: String = "", now: Int64 = 0) -> FakeResponse {
        WireErrorMapper.response(for: error, shape: shape, correlationID: identifiers.next(), path: path, nowMilliseconds: now)
    }

    @inline(never)
    private func reject(_ rejection: TokenRejection) -> FakeResponse {
        errorResponse(FakeError(.tokenInvalid, rejection.rawValue), shape: .gateway)
    }
}
