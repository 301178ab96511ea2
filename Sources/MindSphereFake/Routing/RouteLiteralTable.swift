/// The literal segments of every route with one segment count, flattened into plain bytes and integers, so matching a
/// path against them touches no reference-counted route data.
struct RouteLiteralTable: Sendable {
    /// The number of segments of every route in the table.
    let segmentCount: Int
    /// The literal segments' bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Per route and segment: the literal's start in `bytes`, or -1 for a parameter, then its length.
    private var spans: [Int] = []

    /// An empty table for routes of `segmentCount` segments.
    init(segmentCount: Int) {
        self.segmentCount = segmentCount
    }

    /// The number of routes in the table.
    private(set) var count = 0

    /// Adds the next route's pattern.
    mutating func append(_ pattern: PathPattern) {
        precondition(pattern.segments.count == segmentCount, "pattern \(pattern) has \(pattern.segments.count) segments")
        count += 1
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                spans.append(bytes.count)
                spans.append(text.utf8.count)
                bytes.append(contentsOf: text.utf8)
            case .parameter:
                spans.append(-1)
                spans.append(0)
            }
        }
    }

    /// The index of the first route at or after `start` whose literal segments all equal those of `path`.
    func firstMatch(from start: Int, in path: PathSegments) -> Int? {
        let total = count
        guard start < total else { return nil }
        return bytes.withUnsafeBytes { bytes in
            spans.withUnsafeBufferPointer { spans in
                var route = start
                while route < total {
                    if literalsMatch(route, path, bytes, spans) { return route }
                    route += 1
                }
                return nil
            }
        }
    }

    /// Compares from the last segment back: routes of one API share their leading literals and differ at the end.
    private func literalsMatch(_ route: Int, _ path: PathSegments, _ bytes: UnsafeRawBufferPointer, _ spans: UnsafeBufferPointer<Int>) -> Bool {
        var segment = segmentCount - 1
        while segment >= 0 {
            let span = (route * segmentCount + segment) * 2
            let start = spans[span]
            if start >= 0 {
                let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + spans[span + 1])])
                if !path.segment(segment, equals: literal) { return false }
            }
            segment -= 1
        }
        return true
    }
}
