import HTTPTypes

/// What a route handler does: read the context, return a response or throw a `FakeError`.
package typealias RouteHandler = @Sendable (RequestContext) throws(FakeError) -> FakeResponse

/// One entry of the route table. A class: a matched route is handed on with one reference count, where a struct
/// would count each of its members, and every request on every thread matches one of these few shared routes.
package final class Route: Sendable {
    /// Who may call a route.
    public enum Access: Sendable {
        /// No token needed (token endpoints, key set, control plane).
        case open
        /// A valid bearer token issued by the fake is required (every other `/api/...` route).
        case bearerToken
    }

    /// The method it answers.
    public let method: HTTPRequest.Method
    /// The path it answers.
    public let pattern: PathPattern
    /// The error body shape of its API.
    public let errorShape: ErrorShape
    /// Whether the gateway token check applies.
    public let access: Access
    /// The handler.
    public let handler: RouteHandler
    /// The largest body this route takes when that is more than the server's default (file uploads); `nil`
    /// keeps the default.
    public let maximumBodyBytes: Int?

    /// A route.
    public init(
        _ method: HTTPRequest.Method,
        _ pattern: String,
        errorShape: ErrorShape,
        access: Access,
        maximumBodyBytes: Int? = nil,
        handler: @escaping RouteHandler
    ) {
        self.method = method
        self.pattern = PathPattern(pattern)
        self.errorShape = errorShape
        self.access = access
        self.maximumBodyBytes = maximumBodyBytes
        self.handler = handler
    }
}
