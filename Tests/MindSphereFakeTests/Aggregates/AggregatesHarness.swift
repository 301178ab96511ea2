import HTTPTypes

@testable import MindSphereFake

/// Drives the Time Series and Aggregates routes in process for one asset whose `line` aspect has a DOUBLE
/// `temperature` with quality code, an INT `counter`, a LONG `total` and a STRING `label`.
struct AggregatesHarness {
    static let tenant = TimeSeriesHarness.tenant
    static let asset = "0123456789abcdef0123456789abcdef"
    static let v4 = "/api/iottsaggregates/v4/aggregates"
    static let v3 = "/api/iottsaggregates/v3/aggregates/\(asset)/line"

    let schemas = SchemaDouble()
    let store: TimeSeriesStore
    let clock: FakeClock
    private let router: Router

    /// A harness whose asset lives in `timezone` (a `twinType` asset), on a clock frozen at `now` (ms).
    init(
        timezone: String = "UTC", twinType: String = "performance", now: Int64 = 1_700_000_000_000,
        choices: AssumptionChoices = .defaults
    ) {
        clock = .frozen(at: now)
        store = TimeSeriesStore(schemas: schemas, settings: AssumptionSettings(choices))
        var router = Router()
        router.add(contentsOf: TimeSeriesAPI(store: store).routes)
        router.add(contentsOf: AggregatesAPI(store: store).routes)
        self.router = router
        schemas.add(
            AspectSchema(
                assetID: Self.asset, aspectName: "line", aspectTypeID: "iiotuxpc.line", category: .dynamic,
                variables: [
                    VariableDefinition(name: "temperature", dataType: .double, qualityCode: true),
                    VariableDefinition(name: "counter", dataType: .int),
                    VariableDefinition(name: "total", dataType: .long),
                    VariableDefinition(name: "label", dataType: .string, length: 10),
                ],
                twinType: twinType, timezone: timezone))
        schemas.add(
            AspectSchema(
                assetID: Self.asset, aspectName: "info", aspectTypeID: "iiotuxpc.info", category: .static,
                variables: [VariableDefinition(name: "s", dataType: .string, length: 5)]))
    }

    /// Sends a GET (or a PUT with `body`) for the harness tenant.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ target: String, body: String? = nil, tenant: String = tenant) -> FakeResponse {
        let request = FakeRequest(
            method: method, target: target, headerFields: [HTTPField.Name("Host")!: "127.0.0.1:8080"],
            body: body.map { Array($0.utf8) } ?? [])
        return router.dispatch(request, tenant: tenant, nowMilliseconds: clock.nowMilliseconds())
    }

    /// PUTs records (JSON objects without the brackets) to the `line` aspect; fails the test helper unless 204.
    func put(_ records: String...) throws {
        let response = send(.put, "/api/iottimeseries/v3/timeseries/\(Self.asset)/line", body: "[" + records.joined(separator: ",") + "]")
        guard response.status == .noContent else { throw TestFailure("PUT answered \(response.status): \(response.bodyText)") }
    }

    /// GETs v4 aggregates of the `line` aspect with `query` (without assetId and aspectName).
    func v4(_ query: String, aspect: String = "line") -> FakeResponse {
        send(.get, Self.v4 + "?assetId=\(Self.asset)&aspectName=\(aspect)" + (query.isEmpty ? "" : "&" + query))
    }

    /// GETs v3 aggregates of the `line` aspect with `query`.
    func v3(_ query: String) -> FakeResponse {
        send(.get, Self.v3 + (query.isEmpty ? "" : "?" + query))
    }

    /// The items of a v4 answer.
    func items(_ response: FakeResponse) -> [JSONValue] {
        response.bodyJSON?["aggregates"]?.arrayValue ?? []
    }

    /// The message of a v4 (platform-shaped) error.
    func platformMessage(_ response: FakeResponse) -> String {
        response.bodyJSON?["errors"]?.arrayValue?.first?["message"]?.stringValue ?? ""
    }

    /// A record of the `line` aspect.
    static func record(
        _ time: String, temperature: Double? = nil, qc: Int64? = nil, counter: Int? = nil, total: Int64? = nil,
        label: String? = nil
    ) -> String {
        var parts = [#""_time":"\#(time)""#]
        if let temperature { parts.append(#""temperature":\#(temperature)"#) }
        if let qc { parts.append(#""temperature_qc":\#(qc)"#) }
        if let counter { parts.append(#""counter":\#(counter)"#) }
        if let total { parts.append(#""total":\#(total)"#) }
        if let label { parts.append(#""label":"\#(label)""#) }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
