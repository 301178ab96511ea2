/// A path glob of a fault rule: `*` matches any run of characters except `/`, `**` any run including `/`, `?` one
/// character; everything else matches itself.
struct PathGlob: Sendable {
    private let pattern: [UInt8]

    /// A glob from its text.
    init(_ text: String) {
        pattern = Array(text.utf8)
    }

    /// Whether `path` matches the whole glob.
    func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { Self.match(pattern[...], $0[...]) }
    }

    private static func match(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        while p < pattern.endIndex {
            let byte = pattern[p]
            if byte == UInt8(ascii: "*") {
                let doubleStar = p + 1 < pattern.endIndex && pattern[p + 1] == UInt8(ascii: "*")
                let rest = pattern[(p + (doubleStar ? 2 : 1))...]
                var candidate = t
                while true {
                    if match(rest, text[candidate...]) { return true }
                    guard candidate < text.endIndex, doubleStar || text[candidate] != UInt8(ascii: "/") else { return false }
                    candidate += 1
                }
            }
            guard t < text.endIndex, byte == UInt8(ascii: "?") ? text[t] != UInt8(ascii: "/") : text[t] == byte else { return false }
            p += 1
            t += 1
        }
        return t == text.endIndex
    }
}
