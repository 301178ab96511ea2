/// The scheme and `Host` a request reached the fake through: what its absolute links start with.
///
/// Kept apart until a link is written, so a cache of rendered answers can tell whether they were made for this
/// origin by comparing two short strings, without joining them into a URL on every request.
public struct RequestOrigin: Sendable, Equatable {
    /// `http` or `https`.
    public var scheme: String
    /// The `Host` header as sent, e.g. `127.0.0.1:8080`.
    public var host: String

    /// The absolute base URL, e.g. `http://127.0.0.1:8080`.
    public var baseURL: String { "\(scheme)://\(host)" }
}
