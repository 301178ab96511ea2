import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// A served fake (seed 11) with one asset carrying the dynamic aspect `acceleration` (x, y, z DOUBLE), made through
/// the Asset Management API as a client would: the setup the time-series loopback suites share.
struct ServedAccelerationAsset {
    let server: FakeServer
    let client: LoopbackClient
    /// `Authorization` and `Content-Type: application/json`.
    let auth: [String: String]
    let assetID: String

    var seriesPath: String { "/api/iottimeseries/v3/timeseries/\(assetID)/acceleration" }
    var bulkPath: String { "/api/iottsbulk/v3/timeseries/\(assetID)/acceleration" }

    /// Starts the server and creates the aspect type, the asset type and the asset.
    static func start() async throws -> ServedAccelerationAsset {
        let server = try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 11)))
        let client = LoopbackClient(baseURL: server.baseURL)
        let auth = ["Authorization": "Bearer \(try await client.token())", "Content-Type": "application/json"]
        let am = "/api/assetmanagement/v3"
        let variables = ["x", "y", "z"].map { #"{"name":"\#($0)","dataType":"DOUBLE","searchable":false,"qualityCode":false}"# }
        let aspectType = try await client.send(
            "PUT", am + "/aspecttypes/iiotuxpc.acceleration", headers: auth,
            body:
                #"{"name":"acceleration","category":"dynamic","scope":"private","variables":[\#(variables.joined(separator: ","))]}"#)
        #expect(aspectType.status == 201)
        let assetType = try await client.send(
            "PUT", am + "/assettypes/iiotuxpc.machine", headers: auth,
            body:
                #"{"name":"machine","parentTypeId":"core.basicasset","instantiable":true,"aspects":[{"name":"acceleration","aspectTypeId":"iiotuxpc.acceleration"}],"variables":[]}"#
        )
        #expect(assetType.status == 201)
        let root = try await client.send("GET", am + "/assets/root", headers: auth)
        let rootID = try JSONParser.parse(root.body)["assetId"]?.stringValue ?? ""
        let asset = try await client.send(
            "POST", am + "/assets", headers: auth,
            body:
                #"{"name":"machine","typeId":"iiotuxpc.machine","parentId":"\#(rootID)"}"#)
        #expect(asset.status == 201)
        let assetID = try JSONParser.parse(asset.body)["assetId"]?.stringValue ?? ""
        return ServedAccelerationAsset(server: server, client: client, auth: auth, assetID: assetID)
    }
}
