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
        let compared = left.text.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.text.utf8.withContiguousStorageIfAvailable { rightBytes in
                ByteComparison.equal(UnsafeRawBufferPointer(leftBytes), UnsafeRawBufferPointer(rightBytes))
            }
        }
        return (compared ?? nil) ?? left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(Self.fold(text))
    }

    /// The bytes of `text` folded into one word (a multiply-and-shift mix per eight bytes); the hasher's random
    /// seed is applied to it by `Hasher`.
    static func fold(_ text: String) -> UInt64 {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(UnsafeRawBufferPointer($0)) }) { return folded }
        var copy = text
        return copy.withUTF8 { fold(UnsafeRawBufferPointer($0)) }
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
