public import HTTPTypes

/// One HTTP request as a plain value: what every transport hands to the core.
public struct FakeRequest: Sendable {
    /// The request method.
    public var method: HTTPRequest.Method
    /// The raw request-target as sent, e.g. `/api/assetmanagement/v3/assets?size=5`.
    public var target: String
    /// The request headers.
    public var headerFields: HTTPFields
    /// The request body bytes (empty when there is none).
    public var body: [UInt8]
    /// `http` or `https`, used to build absolute links.
    public var scheme: String
    /// The port of the listener the request arrived on (the server sets it); `nil` for a request made in-process.
    /// When set, control-plane requests must name a safe `Host` and `Origin` (see `ControlPlaneGuard`).
    public var listenerPort: UInt16?

    /// A request value.
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - target: the raw request-target (path and query, undecoded).
    ///   - headerFields: the headers.
    ///   - body: the body bytes.
    ///   - scheme: `http` or `https`.
    ///   - listenerPort: the port of the listener it arrived on, `nil` in-process.
    public init(
        method: HTTPRequest.Method,
        target: String,
        headerFields: HTTPFields = [:],
        body: [UInt8] = [],
        scheme: String = "http",
        listenerPort: UInt16? = nil
    ) {
        self.method = method
        self.target = target
        self.headerFields = headerFields
        self.body = body
        self.scheme = scheme
        self.listenerPort = listenerPort
    }

    /// The percent-decoded path, without the query.
    public var path: String {
        let rawPath = queryMark.map { String(target[..<$0]) } ?? target
        return PercentDecoding.decode(rawPath, plusAsSpace: false) ?? rawPath
    }

    /// The raw query string after `?`, or an empty string.
    public var rawQuery: Substring {
        guard let mark = queryMark else { return "" }
        return target[target.utf8.index(after: mark)...]
    }

    /// The index of the first `?` in the target (found on bytes: the target is ASCII on the wire).
    private var queryMark: String.Index? {
        let mark = UInt8(ascii: "?")
        // In place when the bytes are contiguous (a native string: always on the server); else through a copy.
        let offset =
            target.utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: mark, in: $0) }
            ?? {
                var bytes = target
                return bytes.withUTF8 { ByteSearch.firstIndex(of: mark, in: $0) }
            }()
        return offset.map { target.utf8.index(target.utf8.startIndex, offsetBy: $0) }
    }

    /// The parsed query parameters.
    package var query: QueryParameters { QueryParameters(rawQuery: rawQuery) }

    /// The value of a header, or `nil`. Field names compare without letter case; a name that is no valid field
    /// name finds nothing.
    public func header(_ name: String) -> String? {
        var found: String?
        for field in headerFields where Self.isCanonical(field.name.canonicalName, of: name) {
            if found != nil { return HTTPField.Name(name).flatMap { headerFields[$0] } }
            found = field.value
        }
        return found
    }

    /// Whether `canonicalName` (lowercase ASCII) is `name` with its letters lowercased.
    private static func isCanonical(_ canonicalName: String, of name: String) -> Bool {
        let canonical = canonicalName.utf8
        let given = name.utf8
        guard canonical.count == given.count else { return false }
        return canonical.elementsEqual(given) { lower, byte in
            lower == byte || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && lower == byte | 0x20)
        }
    }

    /// The value of a header, or `nil`: what `headerFields[name]` gives (several fields joined), found without
    /// building a joined string when the header occurs once.
    public func header(_ name: HTTPField.Name) -> String? {
        var found: String?
        for field in headerFields where field.name == name {
            if found != nil { return headerFields[name] }
            found = field.value
        }
        return found
    }

    /// The scheme and host this request reached (`localhost` without a `Host` header).
    public var origin: RequestOrigin {
        RequestOrigin(scheme: scheme, host: header(Self.hostName) ?? "localhost")
    }

    /// The absolute base URL this request reached, e.g. `http://127.0.0.1:8080`.
    public var baseURL: String { origin.baseURL }

    /// The `Host` field name, made once.
    private static let hostName = HTTPField.Name("Host")!
}
