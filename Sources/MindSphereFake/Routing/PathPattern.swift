/// A route path such as `/api/assetmanagement/v3/assets/{id}`: literal segments and `{named}` parameters.
public struct PathPattern: Sendable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Equatable {
        /// Must equal this text.
        case literal(String)
        /// Matches any non-empty segment and binds it to this name.
        case parameter(String)
    }

    /// The segments in order.
    public let segments: [Segment]
    /// The UTF-8 bytes of each literal segment (`nil` for parameters), compared against request paths.
    private let literalBytes: [[UInt8]?]

    /// Parses a pattern; `{name}` segments are parameters.
    public init(_ pattern: String) {
        segments = pattern.split(separator: "/").map { piece in
            if piece.hasPrefix("{") && piece.hasSuffix("}") {
                return .parameter(String(piece.dropFirst().dropLast()))
            }
            return .literal(String(piece))
        }
        literalBytes = segments.map { segment in
            if case .literal(let text) = segment { return Array(text.utf8) }
            return nil
        }
    }

    /// The pattern as written.
    public var description: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name): "{\(name)}"
            }
        }.joined(separator: "/")
    }

    /// The bound parameters when `path` matches, else `nil`.
    func match(_ path: PathSegments) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        for (index, literal) in literalBytes.enumerated() {
            if let literal, !path.segment(index, equals: literal) { return nil }
        }
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            if case .parameter(let name) = segment { parameters[name] = path.text(index) }
        }
        return parameters
    }
}
