import Testing

@testable import MindSphereFake

/// The rendered-asset caches' key: equal bytes are equal keys with equal hashes, near misses are different keys.
@Suite struct ByteHashedKeyTests {
    private func key(_ text: String) -> ByteHashedKey { ByteHashedKey(text) }

    @Test func equalBytes_areEqualKeysWithEqualHashes() {
        for length in 0...40 {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            // The same bytes in another string: stored inline up to 15 bytes, in its own storage beyond.
            let copy = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(ByteHashedKey(text) == ByteHashedKey(copy))
            #expect(ByteHashedKey(text).hashValue == ByteHashedKey(copy).hashValue)
        }
    }

    @Test func nearMisses_areDifferentKeys() {
        let id = "574fbc1ab7964fa3a6acf1173707a256"
        var keys: Set<ByteHashedKey> = [ByteHashedKey(id)]
        for position in id.indices {
            var changed = id
            changed.replaceSubrange(position...position, with: id[position] == "0" ? "1" : "0")
            #expect(ByteHashedKey(changed) != ByteHashedKey(id), "differs at \(id.distance(from: id.startIndex, to: position))")
            keys.insert(ByteHashedKey(changed))
        }
        #expect(keys.count == id.count + 1)
        #expect(ByteHashedKey(id + "0") != ByteHashedKey(id) && ByteHashedKey(String(id.dropLast())) != ByteHashedKey(id))
        #expect(ByteHashedKey("") != ByteHashedKey("\0"))
    }

    @Test func fold_spreadsIdsThatDifferInOneByte() {
        let id = Array("574fbc1ab7964fa3a6acf1173707a256".utf8)
        var variants: Set<[UInt8]> = []
        var folds: Set<UInt64> = []
        for position in id.indices {
            for byte in UInt8(ascii: "0")...UInt8(ascii: "9") {
                var changed = id
                changed[position] = byte
                variants.insert(changed)
                folds.insert(changed.withUnsafeBytes { ByteHashedKey.fold($0) })
            }
        }
        #expect(variants.count > 300 && folds.count == variants.count, "every variant folds to its own word")
    }

    /// Two different ids whose folds collide (so their hashes are equal): still two keys, each with its own value.
    @Test func collidingFolds_areStillDifferentKeys() throws {
        // The fold mixes one eight-byte word at a time; after the first word of the second id is changed, the second
        // word is chosen to bring the state back. Searched until that word is ASCII, so both ids are text.
        let first = Array("574fbc1ab7964fa3".utf8)
        func words(_ bytes: [UInt8]) -> (UInt64, UInt64) {
            bytes.withUnsafeBytes { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        }
        func state(afterFirstWord word: UInt64) -> UInt64 {
            var folded = (UInt64(16) &* 0x9E37_79B9_7F4A_7C15 ^ word) &* 0xBF58_476D_1CE4_E5B9
            folded ^= folded >> 29
            return folded
        }
        let (firstWord, secondWord) = words(first)
        var second: [UInt8]?
        var random = SeededRandomNumberGenerator(seed: 7)
        for _ in 0..<100_000 {
            let candidate = (0..<8).map { _ in UInt8.random(in: 0x30...0x7A, using: &random) }
            let candidateWord = candidate.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let balancing = secondWord ^ state(afterFirstWord: firstWord) ^ state(afterFirstWord: candidateWord)
            let tail = withUnsafeBytes(of: balancing) { Array($0) }
            if tail.allSatisfy({ $0 > 0 && $0 < 0x80 }), candidate != Array(first[0..<8]) {
                second = candidate + tail
                break
            }
        }
        let other = try #require(second, "no colliding ASCII id found")
        #expect(first.withUnsafeBytes { ByteHashedKey.fold($0) } == other.withUnsafeBytes { ByteHashedKey.fold($0) })
        let keys = (key(String(decoding: first, as: UTF8.self)), key(String(decoding: other, as: UTF8.self)))
        #expect(keys.0.hashValue == keys.1.hashValue)
        #expect(keys.0 != keys.1)
        let renderings = [keys.0: "first", keys.1: "second"]
        #expect(renderings.count == 2 && renderings[keys.0] == "first" && renderings[keys.1] == "second")
    }

    @Test func canonicallyEquivalentSpellings_areDifferentKeys() {
        #expect("\u{E9}" == "e\u{301}")
        #expect(ByteHashedKey("\u{E9}") != ByteHashedKey("e\u{301}"))
    }
}
