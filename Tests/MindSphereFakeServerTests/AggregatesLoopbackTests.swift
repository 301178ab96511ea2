import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// IoT TS Aggregates over real HTTP: a v4 call as `mdsp aggregates` makes it and the v3 call of a Grafana data source
/// (token from the Technical Token Manager, then minute intervals), each against values computed by hand.
@Suite struct AggregatesLoopbackTests {
    private struct Served {
        let server: FakeServer
        let client: LoopbackClient
        let auth: [String: String]
        let assetID: String
    }

    /// A served fake with an asset whose `acceleration` aspect has x, y, z DOUBLE, holding 1-second records from
    /// 2023-02-20T10:00:01Z with x = 1, 2, ..., count, y = 0.5 and z = -x.
    private func serve(count: Int) async throws -> Served {
        let server = try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 12)))
        let client = LoopbackClient(baseURL: server.baseURL)
        let auth = ["Authorization": "Bearer \(try await client.token())", "Content-Type": "application/json"]
        let am = "/api/assetmanagement/v3"
        let variables = ["x", "y", "z"].map { #"{"name":"\#($0)","dataType":"DOUBLE","searchable":false,"qualityCode":false}"# }
        _ = try await client.send(
            "PUT", am + "/aspecttypes/iiotuxpc.acceleration", headers: auth,
            body:
                #"{"name":"acceleration","category":"dynamic","scope":"private","variables":[\#(variables.joined(separator: ","))]}"#)
        _ = try await client.send(
            "PUT", am + "/assettypes/iiotuxpc.machine", headers: auth,
            body:
                #"{"name":"machine","parentTypeId":"core.basicasset","instantiable":true,"aspects":[{"name":"acceleration","aspectTypeId":"iiotuxpc.acceleration"}],"variables":[]}"#
        )
        let root = try await client.send("GET", am + "/assets/root", headers: auth)
        let rootID = try JSONParser.parse(root.body)["assetId"]?.stringValue ?? ""
        let asset = try await client.send(
            "POST", am + "/assets", headers: auth,
            body:
                #"{"name":"machine","typeId":"iiotuxpc.machine","parentId":"\#(rootID)","timezone":"UTC"}"#)
        #expect(asset.status == 201)
        let assetID = try JSONParser.parse(asset.body)["assetId"]?.stringValue ?? ""
        let start: Int64 = 1_676_887_200_000
        let records = (1...count).map { index in
            #"{"_time":"\#(Timestamp.format(milliseconds: start + Int64(index) * 1000))","x":\#(index),"y":0.5,"z":-\#(index)}"#
        }
        let put = try await client.send(
            "PUT", "/api/iottimeseries/v3/timeseries/\(assetID)/acceleration", headers: auth,
            body: "[" + records.joined(separator: ",") + "]")
        #expect(put.status == 204)
        return Served(server: server, client: client, auth: auth, assetID: assetID)
    }

    @Test func v4_twoMinuteAggregates_matchAHandComputation() async throws {
        let served = try await serve(count: 240)
        defer { served.server.stop() }
        let response = try await served.client.send(
            "GET",
            "/api/iottsaggregates/v4/aggregates?assetId=\(served.assetID)&aspectName=acceleration"
                + "&from=2023-02-20T10:00:00.000Z&to=2023-02-20T10:06:00.000Z&intervalUnit=minute&intervalValue=2&select=x,z.minvalue",
            headers: served.auth)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let items = try JSONParser.parse(response.body)["aggregates"]?.arrayValue ?? []
        // (10:00, 10:02] holds x = 1...120: sum 7260, average 60.5, population sd sqrt((120^2 - 1) / 12).
        #expect(items.count == 2)
        let x = try #require(items.first?["x"])
        #expect(x["countgood"] == .int(120))
        #expect(x["sum"] == .double(7260))
        #expect(x["average"] == .double(60.5))
        #expect(x["lastvalue"] == .double(120))
        #expect(x["lasttime"] == .string("2023-02-20T10:02:00.000Z"))
        #expect(x["sd"] == .double(((120.0 * 120.0 - 1) / 12).squareRoot()))
        #expect(items.last?["z"] == .object(["minvalue": .double(-240)]))
        #expect(items.first?["y"] == nil)
    }

    @Test func v3_minuteAggregates_asAGrafanaDataSourceAsksForThem() async throws {
        let served = try await serve(count: 180)
        defer { served.server.stop() }
        let token = try await served.client.token()
        let response = try await served.client.send(
            "GET",
            "/api/iottsaggregates/v3/aggregates/\(served.assetID)/acceleration"
                + "?from=2023-02-20T10:00:00Z&to=2023-02-20T10:03:00Z&intervalValue=1&intervalUnit=minute",
            headers: ["Authorization": "Bearer " + token])
        #expect(response.status == 200)
        let items = try JSONParser.parse(response.body).arrayValue ?? []
        #expect(items.map { $0["x"]?["average"] } == [.double(30.5), .double(90.5), .double(150.5)])
        #expect(
            items.map { $0["x"]?["firsttime"] } == [
                .string("2023-02-20T10:00:01.000Z"), .string("2023-02-20T10:01:01.000Z"),
                .string("2023-02-20T10:02:01.000Z"),
            ])
        #expect(items.first?["x"]?["sd"] == nil)
        let refused = try await served.client.send(
            "GET",
            "/api/iottsaggregates/v3/aggregates/\(served.assetID)/acceleration"
                + "?from=2023-02-20T10:00:30Z&to=2023-02-20T10:03:00Z&intervalValue=1&intervalUnit=hour",
            headers: ["Authorization": "Bearer " + token])
        #expect(refused.status == 400)
        #expect(try JSONParser.parse(refused.body)["message"]?.stringValue?.contains("more precise than the interval unit hour") == true)
        let anonymous = try await served.client.send("GET", "/api/iottsaggregates/v4/aggregates?assetId=\(served.assetID)&aspectName=acceleration")
        #expect(anonymous.status == 401)
    }
}
