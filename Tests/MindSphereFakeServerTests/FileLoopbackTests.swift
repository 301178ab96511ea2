import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asset Management files over a real socket: uploads above the server's default body limit, byte-exact
/// downloads, the 413 answers, and an assignment that shows on the asset.
@Suite struct FileLoopbackTests {
    private static let boundary = "------------------------4ebf00fbcf09"

    private func startServer() throws -> FakeServer {
        try FakeServer.start(gateway: try FakeGateway(configuration: FakeConfiguration(seed: 12)))
    }

    /// A form as curl `-F file=@<name> -F name=<name>` writes it.
    private func form(_ content: [UInt8], name: String, fileName: String = "upload.bin", type: String = "application/octet-stream") -> Data {
        var body = Data(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        body.append(contentsOf: content)
        body.append(Data("\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\(name)\r\n--\(Self.boundary)--\r\n".utf8))
        return body
    }

    private func send(
        _ server: FakeServer, _ method: String, _ path: String, token: String, body: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: URL(string: server.baseURL + "/api/assetmanagement/v3" + path)!)
        request.httpMethod = method
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        if body != nil { request.setValue("multipart/form-data; boundary=\(Self.boundary)", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return (http.statusCode, fields, data)
    }

    private func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func errorCode(_ data: Data) -> String? {
        ((try? object(data))?["errors"] as? [[String: Any]])?.first?["code"] as? String
    }

    @Test(arguments: [0, 3000, 5 * 1024 * 1024])
    func upload_thenDownload_isByteExact(size: Int) async throws {
        let server = try startServer()
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 13) }
        let created = try await send(
            server, "POST", "/files", token: token, body: form(content, name: "f\(size)", fileName: "data.bin", type: "image/png"))
        #expect(created.status == 201)
        let id = try #require(try object(created.body)["id"] as? String)
        let file = try await send(server, "GET", "/files/\(id)/file", token: token)
        #expect(file.status == 200)
        #expect([UInt8](file.body) == content)
        #expect(file.headers["content-type"] == "image/png")
        #expect(file.headers["content-disposition"] == "attachment; filename=\"data.bin\"")
    }

    @Test func upload_aboveFiveMegabytes_is413InThePlatformShape() async throws {
        let server = try startServer()
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let justAbove = try await send(
            server, "POST", "/files", token: token, body: form([UInt8](repeating: 7, count: 5 * 1024 * 1024 + 1), name: "big"))
        #expect(justAbove.status == 413)
        #expect(errorCode(justAbove.body) == "mdsp.core.generic.payloadTooLarge")
        // A declared body beyond the route's own limit is refused before it is read.
        let head =
            "POST /api/assetmanagement/v3/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 9000000\r\nConnection: close\r\n\r\n"
        let answer = try RawHTTPClient(port: server.port).exchange(Array(head.utf8))
        #expect(answer.hasPrefix("HTTP/1.1 413"))
        #expect(answer.contains("mdsp.core.generic.payloadTooLarge"))
    }

    @Test func otherRoutes_keepTheServerDefaultLimit() async throws {
        let server = try startServer()
        defer { server.stop() }
        let token = try await LoopbackClient(baseURL: server.baseURL).token()
        let head =
            "POST /api/assetmanagement/v3/assets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: 3000000\r\nConnection: close\r\n\r\n"
        let answer = try RawHTTPClient(port: server.port).exchange(Array(head.utf8))
        #expect(answer.hasPrefix("HTTP/1.1 413"))
        #expect(answer.contains("2097152"))
    }

    @Test func assignedFile_showsOnTheAsset() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = LoopbackClient(baseURL: server.baseURL)
        let token = try await client.token()
        let created = try await send(server, "POST", "/files", token: token, body: form(Array("manual text".utf8), name: "manual"))
        let fileID = try #require(try object(created.body)["id"] as? String)
        let auth = ["Authorization": "Bearer " + token, "Content-Type": "application/json"]
        let root = try object(Data(try await client.send("GET", "/api/assetmanagement/v3/assets/root", headers: auth).body.utf8))
        let rootID = try #require(root["assetId"] as? String)
        let asset = try await client.send(
            "POST", "/api/assetmanagement/v3/assets", headers: auth,
            body: #"{"name":"pump","typeId":"core.basicsite","parentId":"\#(rootID)"}"#)
        let assetID = try #require(try object(Data(asset.body.utf8))["assetId"] as? String)
        let put = try await client.send(
            "PUT", "/api/assetmanagement/v3/assets/\(assetID)/fileAssignments/manual",
            headers: auth.merging(["If-Match": "0"]) { $1 }, body: #"{"fileId":"\#(fileID)"}"#)
        #expect(put.status == 200)
        let read = try object(Data(try await client.send("GET", "/api/assetmanagement/v3/assets/\(assetID)", headers: auth).body.utf8))
        let assignments = try #require(read["fileAssignments"] as? [[String: Any]])
        #expect(assignments.count == 1)
        #expect(assignments.first?["key"] as? String == "manual")
        #expect(assignments.first?["fileId"] as? String == fileID)
    }
}
