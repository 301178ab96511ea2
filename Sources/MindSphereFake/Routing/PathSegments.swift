/// A decoded request path cut into segments, as byte ranges of its UTF-8 kept in storage the caller provides: the
/// piece before the first `/` is dropped, one trailing slash is tolerated, and an empty segment elsewhere marks the
/// path as unroutable.
struct PathSegments {
    /// The path's UTF-8 bytes (valid while the router's `withUTF8` call runs).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte range of each segment, in order (the first `count` entries of the storage).
    private let ranges: UnsafeMutableBufferPointer<Range<Int>>
    /// The number of segments.
    private(set) var count = 0
    /// Whether a segment other than a trailing one is empty (`/a//b`).
    private(set) var hasEmptySegment = false
    /// Whether the path has more segments than the storage holds (`count` is then meaningless).
    private(set) var overflowed = false
    /// Whether every byte of the path is ASCII: then a segment equals a literal only byte for byte, and a segment
    /// that differs needs no second look.
    let isASCII: Bool

    /// The segments of `bytes`, kept in `storage`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, storage: UnsafeMutableBufferPointer<Range<Int>>) {
        self.bytes = bytes
        self.ranges = storage
        self.isASCII = ByteSearch.isASCII(bytes)
        let slash = UInt8(ascii: "/")
        guard let firstSlash = ByteSearch.firstIndex(of: slash, in: bytes) else { return }
        var start = firstSlash + 1
        while let offset = ByteSearch.firstIndex(of: slash, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
            let next = start + offset
            guard append(start..<next) else { return }
            start = next + 1
        }
        guard append(start..<bytes.count) else { return }
        if ranges[count - 1].isEmpty { count -= 1 }
        hasEmptySegment = ranges[..<count].contains { $0.isEmpty }
    }

    private mutating func append(_ range: Range<Int>) -> Bool {
        guard count < ranges.count else {
            overflowed = true
            return false
        }
        ranges[count] = range
        count += 1
        return true
    }

    /// Segment `index` as text.
    func text(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
    }

    /// The `RouteSignature` of segment `index`.
    func signature(_ index: Int) -> UInt64 {
        let range = ranges[index]
        guard let base = bytes.baseAddress else { return RouteSignature.of(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return RouteSignature.of(UnsafeRawPointer(base + range.lowerBound), count: range.count, readable: bytes.count - range.lowerBound)
    }

    /// Whether segment `index` equals `literal` as strings compare: on bytes, unless the segment holds non-ASCII
    /// bytes (then canonical equivalence decides, as for `String ==`).
    func segment(_ index: Int, equals literal: UnsafeRawBufferPointer) -> Bool {
        let segment = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
        if ByteComparison.equal(UnsafeRawBufferPointer(segment), literal) { return true }
        guard !isASCII, !ByteSearch.isASCII(segment) else { return false }
        return text(index) == String(decoding: literal, as: UTF8.self)
    }
}
