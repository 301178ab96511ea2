import HTTPTypes

/// The one place where a `FakeError` becomes a status code, headers and a body on the wire.
package enum WireErrorMapper {
    /// The header that carries the correlation id of an error response.
    public static let correlationHeader = HTTPField.Name("X-Correlation-ID")!

    /// The HTTP status for a refusal.
    public static func status(for code: FakeError.Code) -> HTTPResponse.Status {
        switch code {
        case .tokenInvalid, .credentialsInvalid: .unauthorized
        case .forbidden: .forbidden
        case .routeNotFound, .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .invalidParameter, .missingParameter, .malformedBody, .invalidBodyProperty, .missingBodyProperty,
            .unsupportedGrantType, .malformedRequest:
            .badRequest
        case .conflict: .conflict
        case .preconditionFailed: .preconditionFailed
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .internalError: .internalServerError
        case .serviceUnavailable: .serviceUnavailable
        case .notImplemented: .notImplemented
        case .uriTooLong: .uriTooLong
        case .headerFieldsTooLarge: .requestHeaderFieldsTooLarge
        case .httpVersionNotSupported: .httpVersionNotSupported
        }
    }

    /// The platform error code (`mdsp.core.generic.*` family) for a refusal.
    public static func platformCode(for code: FakeError.Code) -> String {
        let name: String =
            switch code {
            case .tokenInvalid, .credentialsInvalid: "unauthorized"
            case .forbidden: "forbidden"
            case .routeNotFound, .notFound: "notFound"
            case .methodNotAllowed: "methodNotAllowed"
            case .invalidParameter: "invalidParameter"
            case .missingParameter: "missingParameter"
            case .malformedBody, .invalidBodyProperty, .unsupportedGrantType: "invalidRequestBodyProperty"
            case .missingBodyProperty: "missingRequestBodyProperty"
            case .conflict: "conflict"
            case .preconditionFailed: "noMatch"
            case .payloadTooLarge: "payloadTooLarge"
            case .unsupportedMediaType: "unsupportedMediaType"
            case .tooManyRequests: "tooManyRequests"
            case .internalError: "internalServerError"
            case .serviceUnavailable: "serviceUnavailable"
            case .malformedRequest: "badRequest"
            case .notImplemented: "notImplemented"
            case .uriTooLong: "uriTooLong"
            case .headerFieldsTooLarge: "requestHeaderFieldsTooLarge"
            case .httpVersionNotSupported: "httpVersionNotSupported"
            }
        return "mdsp.core.generic." + name
    }

    /// The OAuth (`error`) code for a refusal on a token endpoint.
    public static func oauthCode(for code: FakeError.Code) -> String {
        switch code {
        case .credentialsInvalid, .tokenInvalid: "unauthorized"
        case .unsupportedGrantType: "unsupported_grant_type"
        case .tooManyRequests: "too_many_requests"
        case .internalError, .serviceUnavailable: "server_error"
        case .methodNotAllowed: "method_not_allowed"
        case .routeNotFound, .notFound: "not_found"
        case .forbidden, .invalidParameter, .missingParameter, .malformedBody, .invalidBodyProperty, .missingBodyProperty,
            .conflict, .preconditionFailed, .payloadTooLarge, .unsupportedMediaType, .malformedRequest, .notImplemented,
            .uriTooLong, .headerFieldsTooLarge, .httpVersionNotSupported:
            "invalid_request"
        }
    }

    /// The control plane's short error code for a refusal.
    public static func controlCode(for code: FakeError.Code) -> String {
        switch code {
        case .notFound, .routeNotFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .tokenInvalid, .credentialsInvalid: "unauthorized"
        case .forbidden: "forbidden"
        case .unsupportedMediaType: "unsupported_media_type"
        case .payloadTooLarge: "payload_too_large"
        case .conflict: "conflict"
        case .internalError: "internal_error"
        case .notImplemented: "not_implemented"
        case .uriTooLong: "uri_too_long"
        case .headerFieldsTooLarge: "header_fields_too_large"
        case .httpVersionNotSupported: "http_version_not_supported"
        case .tooManyRequests: "too_many_requests"
        case .serviceUnavailable: "service_unavailable"
        case .invalidParameter, .missingParameter, .malformedBody, .invalidBodyProperty, .missingBodyProperty,
            .preconditionFailed, .unsupportedGrantType, .malformedRequest:
            "bad_request"
        }
    }

    /// The exception class a Spring Boot service names in its error body for a refusal.
    public static func springException(for code: FakeError.Code) -> String {
        switch code {
        case .missingParameter: "org.springframework.web.bind.MissingServletRequestParameterException"
        case .methodNotAllowed: "org.springframework.web.HttpRequestMethodNotSupportedException"
        case .tokenInvalid, .credentialsInvalid, .forbidden, .routeNotFound, .notFound, .invalidParameter, .malformedBody,
            .invalidBodyProperty, .missingBodyProperty, .conflict, .preconditionFailed, .payloadTooLarge,
            .unsupportedMediaType, .tooManyRequests, .internalError, .serviceUnavailable, .unsupportedGrantType,
            .malformedRequest, .notImplemented, .uriTooLong, .headerFieldsTooLarge, .httpVersionNotSupported:
            "org.springframework.web.server.ResponseStatusException"
        }
    }

    /// The full response for `error` in `shape`, tagged with `correlationID`; `path` (the decoded request path) and
    /// `nowMilliseconds` (the fake's clock) fill the `path` and `timestamp` of the Spring shape.
    public static func response(
        for error: FakeError, shape: ErrorShape, correlationID: String, path: String = "", nowMilliseconds: Int64 = 0
    ) -> FakeResponse {
        let body: JSONValue
        switch shape {
        case .gateway:
            body = .object(["error": .string("token_validation_failed"), "error_description": .string("[\(correlationID)]")])
        case .platform:
            body = .object([
                "errors": .array([
                    .object([
                        "code": .string(platformCode(for: error.code)),
                        "logref": .string(correlationID),
                        "message": .string(error.message),
                    ])
                ])
            ])
        case .oauth:
            body = .object(["error": .string(oauthCode(for: error.code)), "error_description": .string(error.message)])
        case .timeSeries:
            body = .object(["id": .string(Identifiers.uuidForm(correlationID)), "message": .string(error.message)])
        case .control:
            body = .object(["error": .string(controlCode(for: error.code)), "message": .string(error.message)])
        case .spring:
            let status = status(for: error.code)
            body = .object([
                "timestamp": .string(Timestamp.format(milliseconds: nowMilliseconds)),
                "status": .int(status.code),
                "error": .string(status.reasonPhrase),
                "exception": .string(springException(for: error.code)),
                "message": .string(error.message),
                "path": .string(path),
            ])
        }
        var response = FakeResponse.json(body, status: status(for: error.code))
        response.refusal = error
        response.headerFields[correlationHeader] = correlationID
        switch error.code {
        case .methodNotAllowed(let allowed):
            response.headerFields[.allow] = allowed.joined(separator: ", ")
        case .tooManyRequests(let retryAfter?):
            response.headerFields[.retryAfter] = String(retryAfter)
        case .tokenInvalid, .credentialsInvalid:
            if shape == .gateway || shape == .oauth {
                response.headerFields[.wwwAuthenticate] =
                    shape == .oauth
                    ? "Basic realm=\"UAA/client\", error=\"unauthorized\""
                    : "Bearer error=\"invalid_token\""
            }
        case .tooManyRequests(nil), .forbidden, .routeNotFound, .notFound,
            .invalidParameter, .missingParameter, .malformedBody, .invalidBodyProperty, .missingBodyProperty, .conflict,
            .preconditionFailed, .payloadTooLarge, .unsupportedMediaType, .internalError, .serviceUnavailable,
            .unsupportedGrantType, .malformedRequest, .notImplemented, .uriTooLong, .headerFieldsTooLarge,
            .httpVersionNotSupported:
            break
        }
        return response
    }
}
