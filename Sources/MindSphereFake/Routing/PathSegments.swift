/// A decoded request path cut into segments, as byte ranges of its UTF-8: the piece before the first `/` is dropped,
/// one trailing slash is tolerated, and an empty segment elsewhere marks the path as unroutable.
struct PathSegments {
    /// The path's UTF-8 bytes (valid while the router's `withUTF8` call runs).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte range of each segment, in order.
    private(set) var ranges: [Range<Int>] = []
    /// Whether a segment other than a trailing one is empty (`/a//b`).
    private(set) var hasEmptySegment = false

    /// The segments of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let slash = UInt8(ascii: "/")
        guard let firstSlash = bytes.firstIndex(of: slash) else { return }
        ranges.reserveCapacity(8)
        var start = firstSlash + 1
        while let next = bytes[start...].firstIndex(of: slash) {
            ranges.append(start..<next)
            start = next + 1
        }
        ranges.append(start..<bytes.count)
        if ranges[ranges.count - 1].isEmpty { ranges.removeLast() }
        hasEmptySegment = ranges.contains { $0.isEmpty }
    }

    /// The number of segments.
    var count: Int { ranges.count }

    /// Segment `index` as text.
    func text(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
    }

    /// Whether segment `index` equals `literal` as strings compare: on bytes, unless the segment holds non-ASCII
    /// bytes (then canonical equivalence decides, as for `String ==`).
    func segment(_ index: Int, equals literal: UnsafeRawBufferPointer) -> Bool {
        let segment = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
        if ByteComparison.equal(UnsafeRawBufferPointer(segment), literal) { return true }
        guard segment.contains(where: { $0 >= 0x80 }) else { return false }
        return text(index) == String(decoding: literal, as: UTF8.self)
    }
}
