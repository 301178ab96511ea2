public import HTTPTypes

/// One HTTP response as a plain value: what the core hands back to every transport.
public struct FakeResponse: Sendable {
    /// The status code.
    public var status: HTTPResponse.Status
    /// The response headers (no `Content-Length`: the transport computes it).
    public var headerFields: HTTPFields
    /// The body bytes.
    public var body: [UInt8]
    /// What the transport should do besides answering (delay, drop); set by fault rules.
    public var transport: TransportDirective
    /// The refusal an error response carries, for logs (never sent as such: the body says it in the API's shape).
    public var refusal: FakeError?

    /// A response value.
    public init(
        status: HTTPResponse.Status,
        headerFields: HTTPFields = [:],
        body: [UInt8] = [],
        transport: TransportDirective = .init()
    ) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.transport = transport
    }

    /// `Content-Type: application/json`, made once: most answers carry exactly this, and making it anew costs an
    /// allocation and a validation of the value per answer.
    package static let jsonContentType: HTTPFields = [.contentType: "application/json"]

    /// A JSON response with `Content-Type: application/json`.
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> FakeResponse {
        FakeResponse(status: status, headerFields: jsonContentType, body: JSONWriter.bytes(value))
    }

    /// An empty response, e.g. 204 No Content.
    public static func empty(_ status: HTTPResponse.Status = .noContent) -> FakeResponse {
        FakeResponse(status: status)
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON, or `nil` if it is not JSON.
    public var bodyJSON: JSONValue? { try? JSONParser.parse(body) }

    /// The value of a header, or `nil`.
    public func header(_ name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        return headerFields[fieldName]
    }
}

/// Instructions for the transport that go beyond status, headers and body.
public struct TransportDirective: Sendable, Equatable {
    /// Wait this many milliseconds before answering (without stalling other connections).
    public var delayMilliseconds: Int
    /// Close the connection without answering.
    public var dropConnection: Bool

    /// No delay, no drop.
    public init(delayMilliseconds: Int = 0, dropConnection: Bool = false) {
        self.delayMilliseconds = delayMilliseconds
        self.dropConnection = dropConnection
    }
}
