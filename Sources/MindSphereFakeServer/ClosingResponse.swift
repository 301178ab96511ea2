import HTTPTypes
import MindSphereFake

/// A response written by the server itself, outside libmicrohttpd, as HTTP/1.1 bytes that end the connection.
enum ClosingResponse {
    /// `response` with its `Content-Length` and `Connection: close`.
    static func bytes(_ response: FakeResponse) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for field in response.headerFields where field.name != .contentLength && field.name != .connection {
            head += "\(field.name.rawName): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + response.body
    }
}
