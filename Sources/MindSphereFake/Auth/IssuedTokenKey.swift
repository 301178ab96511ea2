/// A key of the issued-token cache: an ASCII compact token, hashed by its length and last bytes (the signature's
/// end, which differs between tokens) and compared byte for byte, so a lookup neither copies nor hashes the whole
/// token.
struct IssuedTokenKey: Hashable, Sendable {
    /// The token text (a whole issued token, or the token part of an `Authorization` header).
    let text: Substring

    /// A key for `text`, or `nil` when it is not ASCII (issued tokens always are).
    init?(_ text: Substring) {
        let isASCII = text.utf8.withContiguousStorageIfAvailable { Self.isASCII($0) } ?? text.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII else { return nil }
        self.text = text
    }

    static func == (lhs: IssuedTokenKey, rhs: IssuedTokenKey) -> Bool {
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                ByteComparison.equal(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
            }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        hasher.combine(utf8.count)
        for byte in utf8.suffix(Self.hashedSuffixBytes) { hasher.combine(byte) }
    }

    /// How many bytes at the end of a token feed its hash.
    private static let hashedSuffixBytes = 16

    /// Whether every byte is below 0x80, tested eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let wordCount = raw.count / 8
        var combined: UInt64 = 0
        for word in 0..<wordCount { combined |= raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) }
        for byte in raw[(wordCount * 8)...] { combined |= UInt64(byte) }
        return combined & 0x8080_8080_8080_8080 == 0
    }
}
