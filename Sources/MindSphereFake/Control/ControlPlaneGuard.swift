import HTTPTypes

/// The rules every `/_fake/` request passes before it reaches its route, in the core so the in-process and the
/// HTTP fake share them (docs/control-plane.md, "Protection"). They keep a web page the tester happens to open from
/// driving the control plane (DNS rebinding, cross-origin "simple" requests) and let an operator who exposes the
/// fake require a token:
///
/// 1. When the request came over a listener (`FakeRequest.listenerPort` set) and carries an `Origin` header, that
///    origin must be `http` or `https` on an allowed host (rule 3) with the listener's port or none; `Origin: null`
///    and every other origin answer 403.
/// 2. When a control token is configured, the request must carry `X-Fake-Control-Token` with exactly that value
///    (compared in constant time); otherwise 401. An empty configured token admits nothing.
/// 3. When the request came over a listener and no token is configured, its `Host` must be `localhost`, an IPv4
///    literal or a bracketed IPv6 literal, with the listener's port or none; otherwise 403. DNS rebinding needs a
///    domain name in `Host`, so IP literals are safe.
/// 4. A state-changing call (POST, PUT, PATCH, DELETE) with a body or with any `Content-Type` must declare JSON
///    (`application/json`, `*/*+json`) or YAML (`application/yaml`, `application/x-yaml`, `text/yaml`); otherwise
///    415. Browsers send `text/plain`, form and multipart bodies cross-origin without asking first; a body-less
///    POST without `Content-Type` (`curl -X POST .../_fake/reset`) stays allowed.
///
/// In-process requests (`listenerPort == nil`) skip rules 1 and 3.
package struct ControlPlaneGuard: Sendable {
    /// The header that carries the control token: `X-Fake-Control-Token`.
    public static let tokenHeader = HTTPField.Name("X-Fake-Control-Token")!
    /// The JSON media types a state-changing control call may declare (besides any `<type>/<subtype>+json`).
    public static let jsonMediaTypes: Set<String> = ["application/json"]
    /// The YAML media types a state-changing control call may declare.
    public static let yamlMediaTypes: Set<String> = ["application/yaml", "application/x-yaml", "text/yaml"]
    /// The methods that change state and so need a declared JSON or YAML body.
    public static let stateChangingMethods: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]

    /// The token every control request must carry, or `nil` for none.
    public let controlToken: String?

    /// A guard requiring `controlToken` (when not `nil`) on every control request.
    public init(controlToken: String?) {
        self.controlToken = controlToken
    }

    /// Why `request` (a `/_fake/` request) is refused, or `nil` when it may proceed.
    public func refusal(for request: FakeRequest) -> FakeError? {
        if let port = request.listenerPort, let origin = request.header(Self.originName), !Self.isAllowedOrigin(origin, port: port) {
            return FakeError(
                .forbidden,
                "the control plane refuses requests from the origin '\(origin)'; "
                    + "only pages on localhost or an IP address with this port may call it")
        }
        if let controlToken {
            guard let given = request.header(Self.tokenHeader), !controlToken.isEmpty,
                ExactText.constantTimeEqual(given, controlToken)
            else {
                return FakeError(.credentialsInvalid, "the control plane needs the header \(Self.tokenHeader.rawName) with the control token")
            }
        } else if let port = request.listenerPort {
            let host = request.header(Self.hostName) ?? ""
            guard Self.isAllowedHost(host, port: port) else {
                return FakeError(
                    .forbidden,
                    "the control plane answers only requests whose Host is localhost, an IPv4 address or a "
                        + "bracketed IPv6 address with port \(port) (got '\(host)'); configure a control token to use another name")
            }
        }
        if Self.stateChangingMethods.contains(request.method) {
            let contentType = request.header(.contentType)
            if !request.body.isEmpty || contentType != nil {
                guard let contentType, Self.isJSONOrYAML(contentType) else {
                    return FakeError(
                        .unsupportedMediaType,
                        "send the body with Content-Type: application/json (or a YAML type "
                            + "such as application/yaml for POST /_fake/scenario); got \(contentType.map { "'\($0)'" } ?? "none")")
                }
            }
        }
        return nil
    }

    /// Whether a `Content-Type` value names JSON or YAML (parameters such as `charset` are ignored).
    public static func isJSONOrYAML(_ contentType: String) -> Bool {
        let mediaType =
            contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { String($0).withoutSurroundingSpaces().lowercased() } ?? ""
        if jsonMediaTypes.contains(mediaType) || yamlMediaTypes.contains(mediaType) { return true }
        let parts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].count > 5 && parts[1].hasSuffix("+json")
    }

    /// Whether a `Host` value is `localhost`, an IPv4 literal or a bracketed IPv6 literal, with `port` or no port.
    public static func isAllowedHost(_ host: String, port: UInt16) -> Bool {
        let utf8 = Array(host.utf8)
        var name = utf8[...]
        if utf8.first == UInt8(ascii: "[") {
            guard let close = utf8.firstIndex(of: UInt8(ascii: "]")) else { return false }
            guard isIPv6Literal(utf8[...close]) else { return false }
            return portMatches(utf8[(close + 1)...], port: port)
        }
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")) {
            name = utf8[..<colon]
            guard portMatches(utf8[colon...], port: port) else { return false }
        }
        return isLocalhost(name) || isIPv4Literal(name)
    }

    /// Whether an `Origin` value is `http://` or `https://` followed by an allowed host (see `isAllowedHost`).
    public static func isAllowedOrigin(_ origin: String, port: UInt16) -> Bool {
        let lower = origin.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            return isAllowedHost(String(origin.dropFirst(scheme.count)), port: port)
        }
        return false
    }

    /// Whether `rest` is empty or `:<port>` with exactly the listener's port (decimal, no sign).
    private static func portMatches(_ rest: ArraySlice<UInt8>, port: UInt16) -> Bool {
        guard let first = rest.first else { return true }
        let digits = rest.dropFirst()
        guard first == UInt8(ascii: ":"), !digits.isEmpty, digits.count <= 5,
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return value == Int(port)
    }

    private static func isLocalhost(_ name: ArraySlice<UInt8>) -> Bool {
        name.count == 9 && name.elementsEqual("localhost".utf8) { $0 | 0x20 == $1 }
    }

    /// Four decimal octets from 0 to 255, each of one to three digits. One pass over the bytes: every control-plane
    /// request asks this, and splitting the name would allocate.
    private static func isIPv4Literal(_ name: ArraySlice<UInt8>) -> Bool {
        var dots = 0
        var digits = 0
        var octet = 0
        for byte in name {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return false }
                dots += 1
                digits = 0
                octet = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                octet = octet * 10 + Int(byte - UInt8(ascii: "0"))
                guard digits <= 3, octet <= 255 else { return false }
            } else {
                return false
            }
        }
        return dots == 3 && digits > 0
    }

    /// `[` hex digits, colons and dots (an embedded IPv4 part) `]` with at least two colons: never a domain name.
    private static func isIPv6Literal(_ bracketed: ArraySlice<UInt8>) -> Bool {
        let inner = bracketed.dropFirst().dropLast()
        guard bracketed.last == UInt8(ascii: "]"), (2...45).contains(inner.count),
            inner.filter({ $0 == UInt8(ascii: ":") }).count >= 2
        else { return false }
        return inner.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                UInt8(ascii: ":"), UInt8(ascii: "."):
                true
            default: false
            }
        }
    }

    private static let originName = HTTPField.Name("Origin")!
    private static let hostName = HTTPField.Name("Host")!
}
