import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// `POST/GET/PUT/DELETE /files` and `GET /files/{id}/file` at the core: bytes survive exactly, limits and refusals.
@Suite struct FileUploadTests {
    /// Every byte value, CR LF pairs and lines that start like the delimiter of both test styles but differ at
    /// the end (a sender never uses a boundary that occurs in the content): what a naive parser would break on.
    static let awkwardBytes: [UInt8] =
        Array(0...255)
        + Array("\r\n--------------------------d74496d66958873f\r\n--3f2a9c1e5b7d4e0f8a6b2c4d6e8f0a1c\r\n--".utf8)
        + [13, 10, 13, 10, 0]

    private func download(_ client: AssetClient, _ id: String) -> FakeResponse {
        client.send(.get, "/files/\(id)/file")
    }

    @Test(arguments: MultipartBody.Style.allCases)
    func upload_binaryContent_downloadsByteExact(style: MultipartBody.Style) throws {
        let client = try AssetClient()
        let form = MultipartBody.upload(
            Self.awkwardBytes, fileName: "photo.png", type: "image/png", name: "photo",
            description: "front view", scope: "PUBLIC", style: style)
        let created = client.sendForm(.post, "/files", form)
        #expect(created.status == .created)
        let json = try #require(created.bodyJSON)
        let id = try #require(json["id"]?.stringValue)
        #expect(json["name"] == .string("photo"))
        #expect(json["originalFileName"] == .string("photo.png"))
        #expect(json["description"] == .string("front view"))
        #expect(json["scope"] == .string("PUBLIC"))
        #expect(json["mimeType"] == .string("image/png"))
        #expect(json["tenantId"] == .string("iiotuxpc"))
        #expect(json["isAssigned"] == .bool(false))
        #expect(json["etag"] == .int(0))
        #expect(json["uploaded"]?.stringValue?.hasSuffix("Z") == true)
        #expect(json["_links"]?["self"]?["href"]?.stringValue?.hasSuffix("/api/assetmanagement/v3/files/\(id)") == true)
        let file = download(client, id)
        #expect(file.status == .ok)
        #expect(file.body == Self.awkwardBytes)
        #expect(file.header("Content-Type") == "image/png")
        #expect(file.header("Content-Disposition") == "attachment; filename=\"photo.png\"")
    }

    /// What .NET's `MultipartFormDataContent` writes (the .NET SDK's UploadFileAsync): a quoted GUID boundary,
    /// unquoted parameter names, `filename*`, a file part without Content-Type, text parts with one, and `/files/`.
    @Test func upload_dotnetStyleForm_isAccepted() throws {
        let client = try AssetClient()
        let boundary = "6c1e2c4e-0b7a-4f43-9f51-3f1d0d3b2a10"
        let text =
            "--\(boundary)\r\nContent-Disposition: form-data; name=file; filename=C:\\Users\\me\\q1.csv; filename*=utf-8''q1.csv\r\n\r\n"
            + "a,b\r\n1,2\r\n--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=name\r\n\r\n"
            + "q1 report\r\n--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=scope\r\n\r\n"
            + "PUBLIC\r\n--\(boundary)--\r\n"
        let response = client.sendBytes(.post, "/files/", Array(text.utf8), contentType: "multipart/form-data; boundary=\"\(boundary)\"")
        #expect(response.status == .created, "\(response.bodyText)")
        #expect(response.bodyJSON?["name"] == .string("q1 report"))
        #expect(response.bodyJSON?["originalFileName"] == .string("q1.csv"))
        #expect(response.bodyJSON?["scope"] == .string("PUBLIC"))
        #expect(response.bodyJSON?["mimeType"] == .string("application/octet-stream"))
        let id = try #require(response.bodyJSON?["id"]?.stringValue)
        #expect(download(client, id).bodyText == "a,b\r\n1,2")
    }

    @Test func upload_emptyFile_isKeptAsZeroBytes() throws {
        let client = try AssetClient()
        let id = try client.uploadFile([], name: "empty", fileName: "empty.txt")
        let file = download(client, id)
        #expect(file.status == .ok)
        #expect(file.body.isEmpty)
    }

    @Test func upload_exactlyFiveMegabytes_isAccepted_oneByteMore_is413() throws {
        let client = try AssetClient()
        let limit = 5 * 1024 * 1024
        let content = (0..<limit).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let id = try client.uploadFile(content, name: "big")
        #expect(download(client, id).body == content)
        let tooLarge = client.sendForm(.post, "/files", .upload(content + [1], name: "bigger"))
        #expect(tooLarge.status == .contentTooLarge)
        #expect(AssetClient.error(tooLarge).code == "mdsp.core.generic.payloadTooLarge")
        #expect(AssetClient.error(tooLarge).message.contains("5242880"))
    }

    @Test func upload_withoutNameField_takesTheFileName_andDefaultsToPrivate() throws {
        let client = try AssetClient()
        let response = client.sendForm(.post, "/files", .upload([1, 2], fileName: "dir/sub/plan.pdf", type: nil, name: nil, scope: nil))
        #expect(response.status == .created)
        #expect(response.bodyJSON?["name"] == .string("plan.pdf"))
        #expect(response.bodyJSON?["scope"] == .string("PRIVATE"))
        #expect(response.bodyJSON?["mimeType"] == .string("application/octet-stream"))
    }

    @Test func upload_refusals_nameTheProblem() throws {
        let client = try AssetClient()
        let notForm = client.sendBytes(.post, "/files", Array("{}".utf8), contentType: "application/json")
        #expect(notForm.status == .unsupportedMediaType)
        #expect(AssetClient.error(notForm).message.contains("multipart/form-data"))
        let noType = client.sendBytes(.post, "/files", [1], contentType: nil)
        #expect(noType.status == .unsupportedMediaType)
        let noBoundary = client.sendBytes(.post, "/files", [1], contentType: "multipart/form-data")
        #expect(noBoundary.status == .badRequest)
        #expect(AssetClient.error(noBoundary).message.contains("boundary"))
        var onlyName = MultipartBody()
        onlyName.field("name", "x")
        let noFile = client.sendForm(.post, "/files", onlyName)
        #expect(noFile.status == .badRequest)
        #expect(AssetClient.error(noFile).message.contains("'file'"))
        let badScope = client.sendForm(.post, "/files", .upload([1], scope: "SHARED"))
        #expect(badScope.status == .badRequest)
        #expect(AssetClient.error(badScope).message.contains("SHARED"))
        let truncated = MultipartBody.upload([1, 2, 3])
        let cut = client.sendBytes(.post, "/files", truncated.bytes, contentType: truncated.contentType)
        #expect(cut.status == .badRequest)
        #expect(AssetClient.error(cut).message.contains("closing boundary"))
        let garbage = client.sendBytes(.post, "/files", Array("no parts here".utf8), contentType: "multipart/form-data; boundary=abc")
        #expect(garbage.status == .badRequest)
        #expect(try client.getJSON("/files")["page"]?["totalElements"] == .int(0))
    }

    @Test func upload_duplicateName_isRefusedWith409() throws {
        let client = try AssetClient()
        let first = try client.uploadFile([1], name: "same")
        let second = client.sendForm(.post, "/files", .upload([2], name: "same"))
        #expect(second.status == .conflict)
        #expect(AssetClient.error(second).message.contains(first))
    }

    @Test func list_filtersOnNameDescriptionAndScope_andPages() throws {
        let client = try AssetClient()
        #expect(client.sendForm(.post, "/files", .upload([1], name: "alpha", description: "pump manual", scope: "PUBLIC")).status == .created)
        #expect(client.sendForm(.post, "/files", .upload([2], name: "beta", description: "wiring", scope: "PRIVATE")).status == .created)
        #expect(client.sendForm(.post, "/files", .upload([3], name: "gamma", scope: "PRIVATE")).status == .created)
        #expect(AssetClient.names(try client.getJSON("/files"), "files") == ["alpha", "beta", "gamma"])
        let scope = AssetManagementLinks.encodeQueryValue(#"{"scope":"PRIVATE"}"#)
        #expect(AssetClient.names(try client.getJSON("/files?filter=\(scope)"), "files") == ["beta", "gamma"])
        let description = AssetManagementLinks.encodeQueryValue(#"{"description":{"contains":"manual"}}"#)
        #expect(AssetClient.names(try client.getJSON("/files?filter=\(description)"), "files") == ["alpha"])
        let page = try client.getJSON("/files?size=2&page=1")
        #expect(AssetClient.names(page, "files") == ["gamma"])
        #expect(page["page"]?["totalElements"] == .int(3))
        #expect(client.send(.get, "/files?size=abc").status == .badRequest)
    }

    @Test func readPutDelete_followEtags() throws {
        let client = try AssetClient()
        let id = try client.uploadFile([1, 2, 3], name: "doc")
        #expect(client.send(.get, "/files/\(id)", headers: ["If-None-Match": "0"]).status == .notModified)
        let replacement = MultipartBody.upload([9, 8], fileName: "doc2.txt", type: "text/plain", name: "doc v2")
        #expect(client.sendForm(.put, "/files/\(id)", replacement).status == .badRequest)
        #expect(client.sendForm(.put, "/files/\(id)", replacement, headers: ["If-Match": "4"]).status == .preconditionFailed)
        let replaced = client.sendForm(.put, "/files/\(id)", replacement, headers: ["If-Match": "0"])
        #expect(replaced.status == .ok)
        #expect(replaced.bodyJSON?["etag"] == .int(1))
        #expect(replaced.bodyJSON?["name"] == .string("doc v2"))
        #expect(replaced.bodyJSON?["originalFileName"] == .string("doc2.txt"))
        #expect(download(client, id).body == [9, 8])
        #expect(download(client, id).header("Content-Type") == "text/plain")
        #expect(client.send(.delete, "/files/\(id)", headers: ["If-Match": "0"]).status == .preconditionFailed)
        #expect(client.send(.delete, "/files/\(id)", headers: ["If-Match": "1"]).status == .noContent)
        for path in ["/files/\(id)", "/files/\(id)/file"] {
            let gone = client.send(.get, path)
            #expect(gone.status == .notFound)
            #expect(AssetClient.error(gone).message.contains(id))
        }
    }

    @Test func files_areTenantScoped() throws {
        var scenario = Scenario.minimal
        scenario.tenants.append("othertnt")
        scenario.appCredentials.append(AppCredential(hostTenant: "othertnt", appName: "testdm", appVersion: "v1.0.0", clientSecret: "s"))
        let client = try AssetClient(scenario: scenario)
        let id = try client.uploadFile([1], name: "mine")
        let body = #"{"grant_type":"client_credentials","appName":"testdm","appVersion":"v1.0.0","hostTenant":"othertnt","userTenant":"othertnt"}"#
        let tokenResponse = client.fake.handle(
            FakeRequest.tokenRequest(body: body, key: AppCredential.spaceAuthKey(clientID: "othertnt-testdm-v1.0.0", secret: "s")))
        let other = AssetClient(fake: client.fake, token: try #require(tokenResponse.bodyJSON?["access_token"]?.stringValue))
        #expect(other.send(.get, "/files/\(id)").status == .notFound)
        #expect(AssetClient.names(try other.getJSON("/files"), "files").isEmpty)
    }

    @Test func billboard_linksFiles() throws {
        let client = try AssetClient()
        let href = try #require(try client.getJSON("/")["_links"]?["files"]?["href"]?.stringValue)
        #expect(href.hasSuffix("/api/assetmanagement/v3/files"))
    }
}
