/// A key of the issued-token cache: an ASCII compact token, hashed by its length and last bytes (the signature's
/// end, which differs between tokens) and compared byte for byte, so a lookup neither copies nor hashes the whole
/// token.
struct IssuedTokenKey: Hashable, Sendable {
    /// The token text (a whole issued token, or the token part of an `Authorization` header).
    let text: Substring

    /// A key for `text`, or `nil` when it is not ASCII (issued tokens always are).
    init?(_ text: Substring) {
        var bytes = text
        guard bytes.withUTF8({ ByteSearch.isASCII($0) }) else { return nil }
        self.text = text
    }

    /// A key to look `text` up with, not read through for the ASCII check: only ASCII tokens are ever stored, and a
    /// key equals a stored one only with the same bytes, so a non-ASCII text simply finds nothing.
    init(lookingUp text: Substring) {
        self.text = text
    }

    /// Equal bytes; two keys over the same bytes in the same place (a key and a copy of it) are equal without
    /// reading them.
    static func == (lhs: IssuedTokenKey, rhs: IssuedTokenKey) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                (leftBytes.baseAddress == rightBytes.baseAddress && leftBytes.count == rightBytes.count)
                    || ByteComparison.equal(UnsafeRawBufferPointer(leftBytes), UnsafeRawBufferPointer(rightBytes))
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        let (first, second) = text.withUTF8 { bytes -> (UInt64, UInt64) in
            hasher.combine(bytes.count)
            guard bytes.count >= 16 else { return Self.tailWords(bytes) }
            let raw = UnsafeRawBufferPointer(bytes)
            return (
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 16, as: UInt64.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
            )
        }
        hasher.combine(first)
        hasher.combine(second)
    }

    /// The last (up to) sixteen bytes as two little-endian words, zero-padded in front.
    private static func tailWords(_ bytes: some Collection<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        var index = 16 - bytes.count
        for byte in bytes {
            if index < 8 {
                words.0 |= UInt64(byte) << (8 * UInt64(index))
            } else {
                words.1 |= UInt64(byte) << (8 * UInt64(index - 8))
            }
            index += 1
        }
        return words
    }
}
