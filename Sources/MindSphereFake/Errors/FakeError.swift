/// Every refusal the fake can answer with, modelled once; `WireErrorMapper` turns it into status and body.
public struct FakeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal this is; decides the status code and the platform error code.
    public enum Code: Sendable, Equatable {
        /// The gateway refused the bearer token (missing, malformed, bad signature, expired, revoked).
        case tokenInvalid
        /// Client credentials were missing or wrong (token endpoints).
        case credentialsInvalid
        /// The caller is known but may not do this.
        case forbidden
        /// No API lives at this path.
        case routeNotFound
        /// The path exists but not for this method.
        case methodNotAllowed(allowed: [String])
        /// The addressed resource does not exist.
        case notFound
        /// A query or path parameter has an invalid value.
        case invalidParameter
        /// A required query parameter or header is missing.
        case missingParameter
        /// The request body is not valid JSON.
        case malformedBody
        /// A body property has an invalid value.
        case invalidBodyProperty
        /// A required body property is missing.
        case missingBodyProperty
        /// The request conflicts with the current state (duplicates, references).
        case conflict
        /// `If-Match` did not match the current etag.
        case preconditionFailed
        /// The body is larger than allowed.
        case payloadTooLarge
        /// The body's media type is not accepted.
        case unsupportedMediaType
        /// Throttled; optionally with a `Retry-After` in seconds.
        case tooManyRequests(retryAfterSeconds: Int?)
        /// An unexpected failure inside the fake (or an injected 500).
        case internalError
        /// The service is unavailable (injected 503).
        case serviceUnavailable
        /// An OAuth grant type other than `client_credentials`.
        case unsupportedGrantType
        /// The request itself is not well-formed HTTP (method, header names, framing headers).
        case malformedRequest
        /// The request asks for an HTTP feature the fake does not implement (an unknown `Transfer-Encoding`).
        case notImplemented
        /// The request line is too long to be read.
        case uriTooLong
        /// The request head is too long to be read.
        case headerFieldsTooLarge
        /// An HTTP version other than 1.0 and 1.1.
        case httpVersionNotSupported
    }

    /// The kind of refusal.
    public var code: Code
    /// A message for humans that names the offending value.
    public var message: String

    /// A refusal of kind `code` with `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, prefixed with the code.
    public var description: String { "\(code): \(message)" }
}

extension FakeError {
    /// 404 for a missing resource.
    public static func notFound(_ message: String) -> FakeError { FakeError(.notFound, message) }
    /// 400 for a bad parameter.
    public static func invalidParameter(_ message: String) -> FakeError { FakeError(.invalidParameter, message) }
    /// 400 for a missing parameter or header.
    public static func missingParameter(_ message: String) -> FakeError { FakeError(.missingParameter, message) }
    /// 400 for a bad body property.
    public static func invalidBody(_ message: String) -> FakeError { FakeError(.invalidBodyProperty, message) }
    /// 400 for a missing body property.
    public static func missingBody(_ message: String) -> FakeError { FakeError(.missingBodyProperty, message) }
    /// 409 for a conflict.
    public static func conflict(_ message: String) -> FakeError { FakeError(.conflict, message) }
}
