import HTTPTypes

/// Reads `If-Match` / `If-None-Match` the way Asset Management clients send them: a bare decimal etag (`0`),
/// also quoted (`"0"`) or weak (`W/"0"`); an empty header counts as absent.
enum EntityTagCheck {
    /// The etag in `If-Match`, or `nil` when the header is absent or empty.
    /// - Throws: `FakeError` (400) when the value is not an integer.
    static func ifMatch(_ context: RequestContext) throws(FakeError) -> Int? {
        try parse(context.request.header(.ifMatch), header: "If-Match")
    }

    /// Checks `If-Match` against `current`, requiring the header.
    /// - Throws: `FakeError` 400 missingParameter when absent, 412 preconditionFailed when stale.
    static func requireMatch(_ context: RequestContext, current: Int, resource: String) throws(FakeError) {
        guard let given = try ifMatch(context) else {
            throw FakeError.missingParameter("the If-Match header is required to change \(resource); send its current etag \(current)")
        }
        try checkMatch(given, current: current, resource: resource)
    }

    /// Refuses a stale etag.
    /// - Throws: `FakeError` 412 naming both etags.
    static func checkMatch(_ given: Int, current: Int, resource: String) throws(FakeError) {
        guard given == current else {
            throw FakeError(.preconditionFailed, "If-Match etag \(given) does not match the current etag \(current) of \(resource)")
        }
    }

    /// Whether `If-None-Match` is `*` (create only).
    static func isCreateOnly(_ context: RequestContext) -> Bool {
        context.request.header(.ifNoneMatch)?.withoutSurroundingSpaces() == "*"
    }

    /// Whether `If-None-Match` names `current` (the caller's copy is fresh).
    static func isNotModified(_ context: RequestContext, current: Int) -> Bool {
        guard let raw = context.request.header(.ifNoneMatch), raw.withoutSurroundingSpaces() != "*" else { return false }
        return raw.split(separator: ",").contains { piece in
            (try? parse(String(piece), header: "If-None-Match")) == .some(current)
        }
    }

    private static func parse(_ raw: String?, header: String) throws(FakeError) -> Int? {
        guard var text = raw?.withoutSurroundingSpaces(), !text.isEmpty else { return nil }
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        guard let value = Int(text.withoutSurroundingSpaces()) else {
            throw FakeError.invalidParameter("the \(header) header must hold an integer etag such as 0, got '\(raw ?? "")'")
        }
        return value
    }
}
