import HTTPTypes
import MindSphereFakeTesting

@testable import MindSphereFake

/// Builds `multipart/form-data` bodies the way common clients write them, for upload tests.
struct MultipartBody {
    /// How the parts are laid out.
    enum Style: CaseIterable, Sendable {
        /// curl `-F`: a `------------------------<hex>` boundary, parts in command-line order (file first here).
        case curl
        /// Python `requests` `files=`/`data=`: a 32-hex boundary, data fields first, then the file.
        case pythonRequests
    }

    var boundary: String
    private(set) var bytes: [UInt8] = []

    /// An empty body with `style`'s boundary.
    init(style: Style = .curl) {
        switch style {
        case .curl: boundary = "------------------------d74496d66958873e"
        case .pythonRequests: boundary = "3f2a9c1e5b7d4e0f8a6b2c4d6e8f0a1b"
        }
    }

    /// The `Content-Type` header value.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field.
    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8)
        bytes += Array(value.utf8) + Array("\r\n".utf8)
    }

    /// Adds a file part.
    mutating func file(_ content: [UInt8], fileName: String, type: String? = "application/octet-stream", name: String = "file") {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\n".utf8)
        if let type { bytes += Array("Content-Type: \(type)\r\n".utf8) }
        bytes += Array("\r\n".utf8) + content + Array("\r\n".utf8)
    }

    /// The finished body (closing boundary added).
    var finished: [UInt8] { bytes + Array("--\(boundary)--\r\n".utf8) }

    /// An upload form in `style` order: `file`, `name`, `description`, `scope`.
    static func upload(
        _ content: [UInt8], fileName: String = "manual.bin", type: String? = "application/octet-stream", name: String? = "manual",
        description: String? = nil, scope: String? = "PRIVATE", style: Style = .curl
    ) -> MultipartBody {
        var body = MultipartBody(style: style)
        func fields() {
            if let name { body.field("name", name) }
            if let description { body.field("description", description) }
            if let scope { body.field("scope", scope) }
        }
        switch style {
        case .curl:
            body.file(content, fileName: fileName, type: type)
            fields()
        case .pythonRequests:
            fields()
            body.file(content, fileName: fileName, type: type)
        }
        return body
    }
}

extension AssetClient {
    /// Sends a multipart form below the API base path.
    @discardableResult
    func sendForm(_ method: HTTPRequest.Method, _ path: String, _ form: MultipartBody, headers: [String: String] = [:]) -> FakeResponse {
        sendBytes(method, path, form.finished, contentType: form.contentType, headers: headers)
    }

    /// Sends raw body bytes below the API base path.
    @discardableResult
    func sendBytes(
        _ method: HTTPRequest.Method, _ path: String, _ body: [UInt8], contentType: String?, headers: [String: String] = [:]
    ) -> FakeResponse {
        var request = FakeRequest.authorized(method, Self.base + path, token: token)
        request.body = body
        if let contentType { request.headerFields[.contentType] = contentType }
        for (name, value) in headers { request.headerFields[HTTPField.Name(name)!] = value }
        return fake.handle(request)
    }

    /// Uploads `content` and returns the new file's id.
    func uploadFile(_ content: [UInt8], name: String = "manual", fileName: String = "manual.bin") throws -> String {
        let response = sendForm(.post, "/files", .upload(content, fileName: fileName, name: name))
        guard response.status == .created, let id = response.bodyJSON?["id"]?.stringValue else {
            throw TestFailure("POST /files answered \(response.status): \(response.bodyText)")
        }
        return id
    }
}
