import HTTPTypes

/// The route table: finds the route for a method and path, or says why there is none.
package struct Router: Sendable {
    /// The outcome of a lookup.
    public enum Match: Sendable {
        /// A route matched; the path parameters are bound.
        case found(Route, parameters: PathParameters)
        /// The path exists for other methods.
        case methodNotAllowed(allowed: [String], errorShape: ErrorShape, access: Route.Access)
        /// Nothing lives at this path.
        case notFound
    }

    /// The routes by segment count, in the order they were added.
    private var routesBySegmentCount: [[Route]] = []
    /// The literal segments of the routes, by segment count, in the order of `routesBySegmentCount`.
    private var literalsBySegmentCount: [RouteLiteralTable] = []

    /// The method signatures a HEAD request is routed from and to.
    private let headSignature = RouteSignature.of(HTTPRequest.Method.head.rawValue)
    private let getSignature = RouteSignature.of(HTTPRequest.Method.get.rawValue)

    /// An empty table.
    public init() {}

    /// Adds a route; a second route for the same method and pattern is a programming error.
    public mutating func add(_ route: Route) {
        let count = route.pattern.segments.count
        precondition(
            count >= routesBySegmentCount.count
                || !routesBySegmentCount[count].contains {
                    $0.method == route.method && $0.pattern.segments == route.pattern.segments
                },
            "duplicate route \(route.method) \(route.pattern)"
        )
        while literalsBySegmentCount.count <= count {
            routesBySegmentCount.append([])
            literalsBySegmentCount.append(RouteLiteralTable(segmentCount: literalsBySegmentCount.count))
        }
        routesBySegmentCount[count].append(route)
        literalsBySegmentCount[count].append(method: route.method.rawValue, pattern: route.pattern)
    }

    /// Adds several routes.
    public mutating func add(contentsOf routes: [Route]) {
        for route in routes { add(route) }
    }

    /// Looks up `path` (decoded, without query; one trailing slash tolerated). HEAD is answered by GET routes.
    public func match(method: HTTPRequest.Method, path: String) -> Match {
        var path = path
        // Room for one segment more than the longest route has, plus a trailing slash: longer paths match nothing.
        let capacity = literalsBySegmentCount.count + 1
        return path.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: capacity) { storage in
                match(method: method, segments: PathSegments(bytes, storage: storage))
            }
        }
    }

    private func match(method: HTTPRequest.Method, segments: PathSegments) -> Match {
        if segments.hasEmptySegment || segments.overflowed { return .notFound }
        guard segments.count < literalsBySegmentCount.count else { return .notFound }
        var lookupMethod = method
        var signature = RouteSignature.of(method.rawValue)
        if signature == headSignature && method == .head {
            lookupMethod = .get
            signature = getSignature
        }
        // The table compares method signatures; the method itself is confirmed here (signatures of methods longer
        // than seven letters can coincide).
        var next = 0
        while let index = literalsBySegmentCount[segments.count].firstMatch(from: next, in: segments, method: signature) {
            next = index + 1
            let route = routesBySegmentCount[segments.count][index]
            if route.method == lookupMethod {
                return .found(route, parameters: route.pattern.parameters(of: segments))
            }
        }
        return otherMethods(segments)
    }

    /// Why no route of the method matched `segments`: the methods that do, or nothing at all. Out of line: a
    /// request that matches takes the loop above only.
    @inline(never)
    private func otherMethods(_ segments: PathSegments) -> Match {
        var allowed: [String] = []
        var shape: ErrorShape?
        var access: Route.Access = .open
        var next = 0
        while let index = literalsBySegmentCount[segments.count].firstMatch(from: next, in: segments) {
            next = index + 1
            let route = routesBySegmentCount[segments.count][index]
            // Two routes of one method can match (GET /assets/root and GET /assets/{id}): name it once.
            if !allowed.contains(route.method.rawValue) { allowed.append(route.method.rawValue) }
            shape = shape ?? route.errorShape
            access = route.access
        }
        if let shape {
            return .methodNotAllowed(allowed: allowed, errorShape: shape, access: access)
        }
        return .notFound
    }
}
