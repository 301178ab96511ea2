/// A word that stands for a short byte string: its length and its first seven bytes. Equal strings have equal
/// signatures, so a different signature rules a literal out with one comparison; an equal one is confirmed on the
/// bytes (only strings of up to seven bytes are told apart completely). Never 0 for a non-empty string, so 0 can
/// stand for "any segment" (a route's parameter).
enum RouteSignature {
    /// The signature of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var signature = UInt64(min(bytes.count, 255)) << 56
        for index in 0..<min(bytes.count, 7) {
            signature |= UInt64(bytes[index]) << (8 * UInt64(index))
        }
        return signature
    }

    /// The signature of the `count` bytes at `start`, read as one word when `readable` bytes from `start` on may be
    /// read (at least eight; the bytes past `count` are masked off), else byte by byte as `of(_:)`.
    static func of(_ start: UnsafeRawPointer, count: Int, readable: Int) -> UInt64 {
        guard readable >= 8 else { return of(UnsafeRawBufferPointer(start: start, count: count)) }
        // Wrapping arithmetic and unchecked conversions: `count` is a segment's length, never negative, and every
        // shift stays within 0...56.
        let kept = UInt64(truncatingIfNeeded: min(count, 7))
        let word = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
        let mask = (UInt64(1) &<< (kept &* 8)) &- 1
        return (word & mask) | UInt64(truncatingIfNeeded: min(count, 255)) &<< 56
    }

    /// The signature of `text`'s UTF-8.
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}
