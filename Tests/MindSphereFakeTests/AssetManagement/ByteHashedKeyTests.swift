import Testing

@testable import MindSphereFake

/// The rendered-asset caches' key: equal bytes are equal keys with equal hashes, near misses are different keys.
@Suite struct ByteHashedKeyTests {
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

    @Test func canonicallyEquivalentSpellings_areDifferentKeys() {
        #expect("\u{E9}" == "e\u{301}")
        #expect(ByteHashedKey("\u{E9}") != ByteHashedKey("e\u{301}"))
    }
}
