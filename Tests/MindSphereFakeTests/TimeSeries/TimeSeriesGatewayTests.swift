import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Time Series through the whole fake: token check, Asset Management's aspect types and assets, error mapping.
@Suite struct TimeSeriesGatewayTests {
    /// A fake and a token for its default tenant.
    struct Client {
        let fake: FakeGateway
        let token: String
    }

    /// A fake with an asset of type `iiotuxpc.machine` carrying the dynamic aspect `acceleration` (x, y, z DOUBLE,
    /// x with quality code) and the static aspect `nameplate`, all created through Asset Management; returns the
    /// client and the asset id.
    static func machine() throws -> (Client, String) {
        let fake = try TestGateway.make()
        let client = Client(fake: fake, token: try fake.token())
        let am = "/api/assetmanagement/v3"
        let doubles = ["x", "y", "z"].map {
            #"{"name":"\#($0)","dataType":"DOUBLE","unit":"m/s^2","searchable":false,"qualityCode":\#($0 == "x")}"#
        }
        try expectStatus(
            .created,
            send(
                client, .put, am + "/aspecttypes/iiotuxpc.acceleration",
                body:
                    #"{"name":"acceleration","category":"dynamic","scope":"private","variables":[\#(doubles.joined(separator: ","))]}"#))
        try expectStatus(
            .created,
            send(
                client, .put, am + "/aspecttypes/iiotuxpc.nameplate",
                body:
                    #"{"name":"nameplate","category":"static","scope":"private","variables":[{"name":"serial","dataType":"STRING","length":20,"searchable":true,"qualityCode":false}]}"#
            ))
        try expectStatus(
            .created,
            send(
                client, .put, am + "/assettypes/iiotuxpc.machine",
                body:
                    #"{"name":"machine","parentTypeId":"core.basicasset","instantiable":true,"variables":[],"aspects":["#
                    + #"{"name":"acceleration","aspectTypeId":"iiotuxpc.acceleration"},{"name":"nameplate","aspectTypeId":"iiotuxpc.nameplate"}]}"#))
        let root = send(client, .get, am + "/assets/root").bodyJSON?["assetId"]?.stringValue ?? ""
        let asset = send(client, .post, am + "/assets", body: #"{"name":"machine","typeId":"iiotuxpc.machine","parentId":"\#(root)"}"#)
        try expectStatus(.created, asset)
        guard let id = asset.bodyJSON?["assetId"]?.stringValue else { throw TestFailure("no assetId in \(asset.bodyText)") }
        return (client, id)
    }

    private static func expectStatus(_ status: HTTPResponse.Status, _ response: FakeResponse) throws {
        guard response.status == status else { throw TestFailure("expected \(status), got \(response.status): \(response.bodyText)") }
    }

    private static func send(_ client: Client, _ method: HTTPRequest.Method, _ target: String, body: String? = nil) -> FakeResponse {
        client.fake.handle(FakeRequest.authorized(method, target, token: client.token, body: body))
    }

    private func send(_ client: Client, _ method: HTTPRequest.Method, _ target: String, body: String? = nil) -> FakeResponse {
        Self.send(client, method, target, body: body)
    }

    @Test func putThenGet_throughGateway_roundTripsRecords() throws {
        let (client, asset) = try Self.machine()
        let path = "/api/iottimeseries/v3/timeseries/\(asset)/acceleration"
        let body = #"[{"_time":"2023-02-22T19:56:44.521Z","x":0.22505496442317963,"x_qc":0,"y":5.614402770996094,"z":7.467514991760254}]"#
        let put = send(client, .put, path, body: body)
        #expect(put.status == .noContent)
        let get = send(client, .get, path + "?from=2023-02-22T00:00:00Z&to=2023-02-23T00:00:00Z")
        #expect(get.status == .ok)
        #expect(get.bodyJSON == (try? JSONParser.parse(body)))
    }

    @Test func put_nonNumericStringInDoubleField_answers400InTimeSeriesShape() throws {
        let (client, asset) = try Self.machine()
        let response = send(
            client, .put, "/api/iottimeseries/v3/timeseries/\(asset)/acceleration",
            body: #"[{"_time":"2023-02-22T19:56:44.521Z","x":"0.2 m/s2"}]"#)
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?.objectValue?.keys == ["id", "message"])
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("record 0: field 'x'") == true)
    }

    @Test func staticAspectUnknownAspectAndUnknownAsset_areRefused() throws {
        let (client, asset) = try Self.machine()
        let record = #"[{"_time":"2023-02-22T19:56:44.521Z","serial":"A"}]"#
        #expect(send(client, .put, "/api/iottimeseries/v3/timeseries/\(asset)/nameplate", body: record).status == .badRequest)
        let staticRead = send(client, .get, "/api/iottimeseries/v3/timeseries/\(asset)/nameplate")
        #expect(staticRead.status == .ok)
        #expect(String(decoding: staticRead.body, as: UTF8.self) == "[]")
        #expect(send(client, .get, "/api/iottimeseries/v3/timeseries/\(asset)/nothere").status == .notFound)
        #expect(send(client, .get, "/api/iottimeseries/v3/timeseries/0123456789abcdef0123456789abcdef/acceleration").status == .notFound)
    }

    @Test func withoutToken_answers401() throws {
        let (client, asset) = try Self.machine()
        let response = client.fake.handle(FakeRequest(method: .get, target: "/api/iottimeseries/v3/timeseries/\(asset)/acceleration"))
        #expect(response.status == .unauthorized)
    }
}
