import HTTPTypes

@testable import MindSphereFake

/// Drives the TS Bulk read in process over a `TimeSeriesHarness`'s store (written with its PUT), the way the
/// gateway does after the token check, with a response size limit of the test's choice.
struct BulkHarness {
    static let base = "/api/iottsbulk/v3/timeseries"

    let series = TimeSeriesHarness()
    private let router: Router

    /// A harness whose answers are at most `maximumResponseBytes` long.
    init(maximumResponseBytes: Int = TimeSeriesBulkAPI.defaultMaximumResponseBytes) {
        var router = Router()
        router.add(contentsOf: TimeSeriesBulkAPI(store: series.store, maximumResponseBytes: maximumResponseBytes).routes)
        self.router = router
    }

    /// A bulk GET of an aspect of the test asset with a raw query.
    func get(_ aspect: String, _ query: String, asset: String = TimeSeriesHarness.asset, tenant: String = TimeSeriesHarness.tenant) -> FakeResponse {
        send("\(Self.base)/\(asset)/\(aspect)?\(query)", tenant: tenant)
    }

    /// A bulk GET of a target as sent (e.g. the path and query of a `nextRecord`).
    func send(_ target: String, tenant: String = TimeSeriesHarness.tenant) -> FakeResponse {
        var fields = HTTPFields()
        fields[HTTPField.Name("Host")!] = "127.0.0.1:8080"
        let request = FakeRequest(method: .get, target: target, headerFields: fields)
        return router.dispatch(request, tenant: tenant, nowMilliseconds: series.clock.nowMilliseconds())
    }

    /// The `records` of a 200 answer.
    func records(_ response: FakeResponse) -> [JSONObject] {
        response.bodyJSON?["records"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    /// The `x` values of the records of an answer.
    func xs(_ response: FakeResponse) -> [Double] {
        records(response).compactMap {
            if case .number(let number)? = $0["x"] { return number.doubleValue }
            return nil
        }
    }

    /// The `nextRecord` of an answer, `nil` when the key is absent.
    func nextRecord(_ response: FakeResponse) -> String? {
        response.bodyJSON?["nextRecord"]?.stringValue
    }
}
