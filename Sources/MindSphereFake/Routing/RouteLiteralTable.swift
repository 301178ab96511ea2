/// The literal segments and methods of every route with one segment count, flattened into plain bytes and integers,
/// so matching a path against them touches no reference-counted route data.
///
/// Two ways to find a route that give the same answers (`RouteLiteralTableTests` holds them together):
/// - `firstMatchBySignatures` compares one word per segment (`RouteSignature`) and confirms a hit on the bytes of
///   its literals longer than seven bytes; it serves ASCII paths, that is every path a client sends in practice.
/// - `firstMatchByLiterals` compares the segments themselves, as strings compare (canonical equivalence for
///   non-ASCII segments); it serves every other path.
struct RouteLiteralTable: Sendable {
    /// The number of segments of every route in the table.
    let segmentCount: Int
    /// The literal segments' bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Per route, `stride` words: its method's `RouteSignature`; per segment the literal's `RouteSignature` (0 for a
    /// parameter); per segment the literal's start in `bytes` (high half) and length (low half). One array, not
    /// three: the table is copied out of the router's list of tables, counting a reference to each array it has.
    private var words: [UInt64] = []

    /// The words per route.
    private var stride: Int { 1 + 2 * segmentCount }

    /// An empty table for routes of `segmentCount` segments.
    init(segmentCount: Int) {
        self.segmentCount = segmentCount
    }

    /// The number of routes in the table.
    private(set) var count = 0

    /// Adds the next route's method and pattern.
    mutating func append(method: String, pattern: PathPattern) {
        precondition(pattern.segments.count == segmentCount, "pattern \(pattern) has \(pattern.segments.count) segments")
        count += 1
        words.append(RouteSignature.of(method))
        var spans: [UInt64] = []
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                precondition(!text.isEmpty, "pattern \(pattern) has an empty literal")
                words.append(RouteSignature.of(text))
                spans.append(UInt64(bytes.count) << 32 | UInt64(text.utf8.count))
                bytes.append(contentsOf: text.utf8)
            case .parameter:
                words.append(0)
                spans.append(0)
            }
        }
        words.append(contentsOf: spans)
    }

    /// The index of the first route at or after `start` whose literal segments all equal those of `path` and, unless
    /// `method` is 0, whose method has the signature `method`.
    func firstMatch(from start: Int, in path: PathSegments, method: UInt64 = 0) -> Int? {
        path.isASCII
            ? firstMatchBySignatures(from: start, in: path, method: method)
            : firstMatchByLiterals(from: start, in: path, method: method)
    }

    /// `firstMatch` for an ASCII path: a route is looked at closer only when its method's and every literal's
    /// signature equal the path's, which rules out all but the route that matches in nearly every lookup.
    func firstMatchBySignatures(from start: Int, in path: PathSegments, method: UInt64) -> Int? {
        let total = count
        guard start < total else { return nil }
        let width = segmentCount
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(width, 1)) { pathSignatures in
            for segment in 0..<width { pathSignatures[segment] = path.signature(segment) }
            return words.withUnsafeBufferPointer { words in
                var route = start
                while route < total {
                    let record = words.baseAddress.unsafelyUnwrapped + route * stride
                    if method == 0 || record[0] == method,
                        Self.signaturesMatch(record + 1, pathSignatures.baseAddress.unsafelyUnwrapped, count: width),
                        literalsMatch(route, path, longerThan: 7)
                    {
                        return route
                    }
                    route += 1
                }
                return nil
            }
        }
    }

    /// `firstMatch` comparing every literal segment with the path's (the general way, for any path).
    func firstMatchByLiterals(from start: Int, in path: PathSegments, method: UInt64) -> Int? {
        var route = start
        while route < count {
            if method == 0 || words[route * stride] == method, literalsMatch(route, path, longerThan: 0) { return route }
            route += 1
        }
        return nil
    }

    /// Whether each of the route's literal signatures (0: a parameter, which takes any segment) equals the path
    /// segment's. From the last segment back, as `literalsMatch`.
    private static func signaturesMatch(_ route: UnsafePointer<UInt64>, _ path: UnsafeMutablePointer<UInt64>, count: Int) -> Bool {
        var segment = count - 1
        while segment >= 0 {
            let literal = route[segment]
            if literal != 0 && literal != path[segment] { return false }
            segment -= 1
        }
        return true
    }

    /// Whether every literal segment of `route` longer than `length` bytes equals the path's (a signature tells
    /// shorter ASCII literals apart completely). Compares from the last segment back: routes of one API share their
    /// leading literals and differ at the end.
    private func literalsMatch(_ route: Int, _ path: PathSegments, longerThan minimumLength: Int) -> Bool {
        bytes.withUnsafeBytes { bytes in
            words.withUnsafeBufferPointer { words in
                let spans = words.baseAddress.unsafelyUnwrapped + route * stride + 1 + segmentCount
                var segment = segmentCount - 1
                while segment >= 0 {
                    let start = Int(spans[segment] >> 32)
                    let length = Int(spans[segment] & 0xFFFF_FFFF)
                    if length > minimumLength {
                        let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
                        if !path.segment(segment, equals: literal) { return false }
                    }
                    segment -= 1
                }
                return true
            }
        }
    }
}
