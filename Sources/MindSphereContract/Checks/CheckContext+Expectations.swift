import Foundation
import HTTPTypes
public import MindSphereFake

extension CheckContext {
    /// Fails unless the response has one of `statuses`.
    /// - Throws: `CheckFailure` naming the step, the status and the start of the body.
    public func expectStatus(_ response: FakeResponse, _ statuses: Int..., step: String) throws {
        guard statuses.contains(response.status.code) else {
            let expected = statuses.map(String.init).joined(separator: " or ")
            throw CheckFailure("\(step): status \(response.status.code), expected \(expected); body \(response.bodyText.prefix(300))")
        }
    }

    /// The response body as JSON.
    /// - Throws: `CheckFailure` when it is not JSON.
    public func json(_ response: FakeResponse, step: String) throws -> JSONValue {
        guard let value = response.bodyJSON else {
            throw CheckFailure("\(step): body is not JSON: \(response.bodyText.prefix(200))")
        }
        return value
    }

    /// Fails with `message` unless `condition` holds.
    /// - Throws: `CheckFailure`.
    public func ensure(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw CheckFailure(message()) }
    }

    /// The value at a dotted path (`page.size`, `_embedded.assets`), or a failure naming the path.
    /// - Throws: `CheckFailure` when the path does not exist.
    public func value(_ json: JSONValue, _ path: String, step: String) throws -> JSONValue {
        var current = json
        for key in path.split(separator: ".") {
            if let index = Int(key), let array = current.arrayValue {
                guard array.indices.contains(index) else { throw CheckFailure("\(step): '\(path)' is missing") }
                current = array[index]
            } else {
                guard let next = current[String(key)] else { throw CheckFailure("\(step): '\(path)' is missing") }
                current = next
            }
        }
        return current
    }

    /// The integer at a dotted path.
    /// - Throws: `CheckFailure` when it is missing or not an integer.
    public func integer(_ json: JSONValue, _ path: String, step: String) throws -> Int64 {
        guard case .number(.integer(let number)) = try value(json, path, step: step) else {
            throw CheckFailure("\(step): '\(path)' is not an integer")
        }
        return number
    }

    /// The string at a dotted path.
    /// - Throws: `CheckFailure` when it is missing or not a string.
    public func string(_ json: JSONValue, _ path: String, step: String) throws -> String {
        guard let text = try value(json, path, step: step).stringValue else {
            throw CheckFailure("\(step): '\(path)' is not a string")
        }
        return text
    }

    /// Fails unless the body is the platform error shape `{"errors":[{"code","logref","message"}]}` with `code`.
    /// - Throws: `CheckFailure`.
    public func expectPlatformError(_ response: FakeResponse, status: Int, code: String?, step: String) throws {
        try expectStatus(response, status, step: step)
        let body = try json(response, step: step)
        let first = try value(body, "errors.0", step: step)
        let actual = try string(first, "code", step: step)
        _ = try string(first, "message", step: step)
        _ = try string(first, "logref", step: step)
        if let code { try ensure(actual == code, "\(step): error code '\(actual)', expected '\(code)'") }
    }

    /// Fails unless the body is IoT Time Series' error shape `{"id","message"}`.
    /// - Throws: `CheckFailure`.
    public func expectTimeSeriesError(_ response: FakeResponse, status: Int, step: String) throws {
        try expectStatus(response, status, step: step)
        let body = try json(response, step: step)
        _ = try string(body, "id", step: step)
        _ = try string(body, "message", step: step)
    }

    /// Fails unless the response is the gateway's 401 `{"error":"token_validation_failed","error_description":"[<id>]"}`.
    /// - Throws: `CheckFailure`.
    public func expectTokenRejected(_ response: FakeResponse, step: String) throws {
        try expectStatus(response, 401, step: step)
        let body = try json(response, step: step)
        let error = try string(body, "error", step: step)
        try ensure(error == "token_validation_failed", "\(step): error '\(error)', expected 'token_validation_failed'")
        let description = try string(body, "error_description", step: step)
        try ensure(
            description.hasPrefix("[") && description.hasSuffix("]"),
            "\(step): error_description '\(description)' is not a bracketed correlation id")
    }

    /// Whether `text` is 32 lowercase hex characters (MindSphere's id form).
    public static func isHexID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The path and query of an absolute link, so it can be followed on any target.
    public func localTarget(fromLink href: String) -> String {
        guard let schemeEnd = href.range(of: "://") else { return href }
        let rest = href[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

extension CheckContext {
    /// The path and query of an absolute link the API rendered (its host is the one the target was called by), to
    /// send to the same target.
    /// - Throws: `CheckFailure` when the link is not an absolute URL of an API path.
    public func path(ofLink href: String) throws -> String {
        guard let scheme = href.range(of: "://"),
            let slash = href[scheme.upperBound...].firstIndex(of: "/"),
            href[slash...].hasPrefix("/api/")
        else { throw CheckFailure("link '\(href)' is not an absolute URL of an API path") }
        return String(href[slash...])
    }
}
