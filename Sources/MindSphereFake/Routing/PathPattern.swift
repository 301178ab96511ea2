/// A route path such as `/api/assetmanagement/v3/assets/{id}`: literal segments and `{named}` parameters.
package struct PathPattern: Sendable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Equatable {
        /// Must equal this text.
        case literal(String)
        /// Matches any non-empty segment and binds it to this name.
        case parameter(String)
    }

    /// The segments in order.
    public let segments: [Segment]
    /// How many of the segments are parameters.
    private let parameterCount: Int

    /// Parses a pattern; `{name}` segments are parameters.
    public init(_ pattern: String) {
        segments = pattern.split(separator: "/").map { piece in
            if piece.hasPrefix("{") && piece.hasSuffix("}") {
                return .parameter(String(piece.dropFirst().dropLast()))
            }
            return .literal(String(piece))
        }
        parameterCount = segments.count { if case .parameter = $0 { true } else { false } }
    }

    /// The pattern as written.
    public var description: String {
        "/"
            + segments.map { segment in
                switch segment {
                case .literal(let text): text
                case .parameter(let name): "{\(name)}"
                }
            }.joined(separator: "/")
    }

    /// The parameters bound by `path`, whose literal segments are known to match.
    func parameters(of path: PathSegments) -> PathParameters {
        var parameters = PathParameters(capacity: parameterCount)
        for (index, segment) in segments.enumerated() {
            if case .parameter(let name) = segment { parameters.bind(name, to: path.text(index)) }
        }
        return parameters
    }
}
