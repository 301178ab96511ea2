import HTTPTypes

@testable import MindSphereFake

/// Two Time Series stores behind their routes, fed the same requests: one whose PUTs may read records straight from
/// the body bytes (`RecordScanner`), one that always takes the general path (parse, then validate) — as
/// `ScanComparison` in the tests. Their answers and stored series must never differ.
struct TimeSeriesPair: Sendable {
    private let scanning: (store: TimeSeriesStore, router: Router)
    private let general: (store: TimeSeriesStore, router: Router)
    private static let now: Int64 = 1_700_000_000_000

    init() {
        func make(scans: Bool) -> (TimeSeriesStore, Router) {
            let store = TimeSeriesStore(schemas: SchemaTable())
            var router = Router()
            router.add(contentsOf: TimeSeriesAPI(store: store, scansRecordBytes: scans).routes)
            return (store, router)
        }
        scanning = make(scans: true)
        general = make(scans: false)
    }

    /// Empties both stores, so each input starts from nothing and replays alone.
    func removeAll() {
        scanning.store.removeAll()
        general.store.removeAll()
    }

    /// Sends one request to both; the two answers as comparable text (status, headers, body).
    func send(_ method: HTTPRequest.Method, _ target: String, body: [UInt8] = []) -> (scanned: String, general: String) {
        (Self.send(method, target, body, scanning.router), Self.send(method, target, body, general.router))
    }

    /// Both stores as JSON text: every series, its records and pending records.
    var snapshots: (scanned: String, general: String) {
        (JSONWriter.string(scanning.store.snapshot()), JSONWriter.string(general.store.snapshot()))
    }

    private static func send(_ method: HTTPRequest.Method, _ target: String, _ body: [UInt8], _ router: Router) -> String {
        var fields = HTTPFields()
        fields[HTTPField.Name("Host")!] = "127.0.0.1:8080"
        let request = FakeRequest(method: method, target: target, headerFields: fields, body: body)
        guard case .found(let route, let parameters) = router.match(method: method, path: request.path) else {
            return "no route"
        }
        let context = RequestContext(
            request: request, path: request.path, query: request.query, pathParameters: parameters,
            principal: Principal(tenant: SchemaTable.tenant, clientID: "fuzz", scopes: [], tokenID: "t", expiresAt: .max),
            nowMilliseconds: now)
        let response: FakeResponse
        do {
            response = try route.handler(context)
        } catch {
            response = WireErrorMapper.response(for: error, shape: route.errorShape, correlationID: String(repeating: "a", count: 32))
        }
        let headers = response.headerFields.map { "\($0.name.rawName): \($0.value)" }.joined(separator: "\n")
        return "\(response.status.code)\n\(headers)\n\(response.bodyText)"
    }
}
