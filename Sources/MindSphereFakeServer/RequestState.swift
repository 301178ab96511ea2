import HTTPTypes
import MindSphereFake

/// Per-request bookkeeping kept in libmicrohttpd's `con_cls`: raw target, head, body bytes, and a delayed response.
/// Only the thread serving the connection touches it, so it needs no locking.
final class RequestState {
    /// The raw request-target from the URI-log callback (undecoded, with query).
    let rawTarget: String
    /// The method, once the head has been checked.
    var method: HTTPRequest.Method = .get
    /// The method as sent when it is no valid method (kept for the journal).
    var rawMethod: String?
    /// The request headers, once the head has been checked.
    var headerFields: HTTPFields = [:]
    /// Body bytes received so far.
    var body: [UInt8] = []
    /// Whether the first (headers-only) callback has been seen.
    var started = false
    /// Whether the body outgrew the limit (the rest is discarded, then 413).
    var tooLarge = false
    /// The body limit of this request: the server's default, or the larger one its route declares.
    var maximumBodyBytes = 0
    /// A response computed before the connection was suspended for an injected delay.
    var pendingResponse: FakeResponse?

    init(rawTarget: String) {
        self.rawTarget = rawTarget
    }
}
