/// A string dictionary key compared and hashed on its UTF-8 bytes, eight at a time. `String`'s own hashing runs
/// SipHash over every byte of the normalized form; for the 32-byte asset ids the renderings are found by, inside the
/// store's lock, that cost more than the rest of the lookup. Byte-wise equality is stricter than `String`'s
/// (canonically equivalent spellings are different keys), which a cache can afford: a miss only renders again.
struct ByteHashedKey: Hashable, Sendable {
    /// The key's text.
    let text: String

    /// A key for `text`.
    init(_ text: String) {
        self.text = text
    }

    static func == (left: ByteHashedKey, right: ByteHashedKey) -> Bool {
        var leftText = left.text
        var rightText = right.text
        return leftText.withUTF8 { leftBytes in
            rightText.withUTF8 { ByteComparison.equal(UnsafeRawBufferPointer(leftBytes), UnsafeRawBufferPointer($0)) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        hasher.combine(text.withUTF8 { Self.fold(UnsafeRawBufferPointer($0)) })
    }

    /// `bytes` folded into one word.
    static func fold(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var folded = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            folded = (folded ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            folded ^= folded >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        folded = (folded ^ tail) &* 0x94D0_49BB_1331_11EB
        return folded ^ (folded >> 31)
    }
}
