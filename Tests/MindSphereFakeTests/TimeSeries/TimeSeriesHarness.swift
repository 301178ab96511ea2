import HTTPTypes
import Synchronization

@testable import MindSphereFake

/// A schema provider for tests: the aspects each asset has, settable at will.
final class SchemaDouble: AspectSchemaProvider {
    private let schemas = Mutex([String: AspectSchema]())
    private let assets = Mutex(Set<String>())

    /// Adds (or replaces) an aspect of an asset in `tenant`.
    func add(tenant: String = TimeSeriesHarness.tenant, _ schema: AspectSchema) {
        assets.withLock { _ = $0.insert(tenant + "/" + schema.assetID) }
        schemas.withLock { $0[tenant + "/" + schema.assetID + "/" + schema.aspectName] = schema }
    }

    func aspectSchema(tenant: String, assetID: String, aspectName: String) -> AspectSchemaLookup {
        if let schema = schemas.withLock({ $0[tenant + "/" + assetID + "/" + aspectName] }) { return .found(schema) }
        return assets.withLock { $0.contains(tenant + "/" + assetID) } ? .aspectNotFound : .assetNotFound
    }
}

/// Drives the Time Series routes in process, the way the gateway does after the token check.
struct TimeSeriesHarness {
    static let tenant = "iiotuxpc"
    static let asset = "60bf86d1d051416f853b1e22f3714b8c"
    static let base = "/api/iottimeseries/v3/timeseries"

    let schemas = SchemaDouble()
    let store: TimeSeriesStore
    let clock = FakeClock.frozen(at: 1_700_000_000_000)
    private let router: Router

    /// A harness whose asset has the seed's `real_log` and `acceleration` aspects plus a `mixed` aspect of every type.
    /// With `scansRecordBytes` false, PUTs never read records straight from the body bytes (the general path only);
    /// `choices` are the assumption alternatives in force.
    init(scansRecordBytes: Bool = true, choices: AssumptionChoices = .defaults) {
        store = TimeSeriesStore(schemas: schemas, settings: AssumptionSettings(choices))
        var router = Router()
        router.add(contentsOf: TimeSeriesAPI(store: store, scansRecordBytes: scansRecordBytes).routes)
        self.router = router
        schemas.add(
            Self.schema(
                "real_log",
                [
                    VariableDefinition(name: "activity_type", dataType: .string, length: 255),
                    VariableDefinition(name: "machine_id", dataType: .string, length: 255),
                    VariableDefinition(name: "part_id", dataType: .string, length: 255),
                    VariableDefinition(name: "queue", dataType: .string, length: 255),
                    VariableDefinition(name: "timestamp", dataType: .timestamp),
                ]))
        schemas.add(
            Self.schema(
                "acceleration",
                [
                    VariableDefinition(name: "x", dataType: .double),
                    VariableDefinition(name: "y", dataType: .double),
                    VariableDefinition(name: "z", dataType: .double),
                ]))
        schemas.add(
            Self.schema(
                "mixed",
                [
                    VariableDefinition(name: "count", dataType: .int, qualityCode: true),
                    VariableDefinition(name: "total", dataType: .long),
                    VariableDefinition(name: "level", dataType: .double, qualityCode: true),
                    VariableDefinition(name: "on", dataType: .boolean),
                    VariableDefinition(name: "label", dataType: .string, length: 5),
                    VariableDefinition(name: "notes", dataType: .bigString, length: 10),
                    VariableDefinition(name: "seen", dataType: .timestamp),
                ]))
    }

    /// A dynamic aspect of the test asset.
    static func schema(
        _ name: String, _ variables: [VariableDefinition], category: AspectSchema.Category = .dynamic,
        twinType: String = "performance", asset: String = asset
    ) -> AspectSchema {
        AspectSchema(
            assetID: asset, aspectName: name, aspectTypeID: "iiotuxpc.\(name)", category: category,
            variables: variables, twinType: twinType)
    }

    /// Sends one request for the harness tenant; `bytes`, when given, is the body instead of `body`.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ target: String, body: String? = nil, bytes: [UInt8]? = nil,
        tenant: String = tenant
    ) -> FakeResponse {
        var fields = HTTPFields()
        fields[HTTPField.Name("Host")!] = "127.0.0.1:8080"
        let request = FakeRequest(
            method: method, target: target, headerFields: fields,
            body: bytes ?? body.map { Array($0.utf8) } ?? [])
        return router.dispatch(request, tenant: tenant, nowMilliseconds: clock.nowMilliseconds())
    }

    /// PUT records (JSON text) to an aspect of the test asset.
    @discardableResult
    func put(_ aspect: String, _ json: String, asset: String = asset) -> FakeResponse {
        send(.put, "\(Self.base)/\(asset)/\(aspect)", body: json)
    }

    /// GET an aspect of the test asset with a raw query.
    func get(_ aspect: String, _ query: String = "", asset: String = asset) -> FakeResponse {
        send(.get, "\(Self.base)/\(asset)/\(aspect)" + (query.isEmpty ? "" : "?" + query))
    }

    /// The records of a 200 answer.
    func records(_ response: FakeResponse) -> [JSONObject] {
        response.bodyJSON?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    /// `count` acceleration records one second apart from `start` (ms), x = index.
    static func accelerationBody(count: Int, startMilliseconds: Int64 = 1_676_000_000_000, stepMilliseconds: Int64 = 1000) -> String {
        "["
            + (0..<count).map { index in
                let time = Timestamp.format(milliseconds: startMilliseconds + Int64(index) * stepMilliseconds)
                return #"{"_time":"\#(time)","x":\#(index).5,"y":1.25,"z":-2.0}"#
            }.joined(separator: ",") + "]"
    }

    /// The error message of an `{id, message}` answer.
    func message(_ response: FakeResponse) -> String {
        response.bodyJSON?["message"]?.stringValue ?? ""
    }
}
