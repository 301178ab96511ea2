import HTTPTypes
import MindSphereFake
import Testing

@testable import MindSphereFakeServer

/// The per-thread cache of long header values must only answer for a byte-for-byte equal value: tokens share a long
/// common start, so a cache that matched a prefix, a suffix or a near miss would hand one client another's token.
@Suite struct HeaderCacheExactnessTests {
    private static let tokenStart = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS1pZC0xIiwidHlwIjoiSldUIn0.eyJqdGkiOi"

    private func field(_ factory: HeaderFieldFactory, _ name: String, _ value: String) -> HTTPField? {
        name.withCString { key in value.withCString { factory.field(key: key, value: $0) } }
    }

    private func expectExact(_ factory: HeaderFieldFactory, _ name: String, _ value: String) throws {
        // HTTPField trims surrounding white space, as a fresh field made of these bytes would: equality with it is the
        // exactness the cache owes.
        let made = try #require(field(factory, name, value))
        #expect(
            made == HTTPField(name: try #require(HTTPField.Name(name)), value: value),
            "cached field answered for a different value of \(value.utf8.count) bytes")
    }

    @Test func prefixesOfACachedToken_areNotTheToken() throws {
        let factory = HeaderFieldFactory()
        let victim = "Bearer " + Self.tokenStart + String(repeating: "Q", count: 400) + ".signature-part-xyz"
        for _ in 0..<2 { try expectExact(factory, "Authorization", victim) }
        for length in stride(from: 64, to: victim.utf8.count, by: 1) {
            try expectExact(factory, "Authorization", String(victim.prefix(length)))
        }
        try expectExact(factory, "Authorization", victim)
    }

    @Test func suffixesAndExtensions_areNotTheToken() throws {
        let factory = HeaderFieldFactory()
        let victim = "Bearer " + Self.tokenStart + String(repeating: "R", count: 200)
        try expectExact(factory, "Authorization", victim)
        for drop in 1..<(victim.utf8.count - 64) {
            try expectExact(factory, "Authorization", String(victim.dropFirst(drop)))
        }
        try expectExact(factory, "Authorization", victim + "x")
        try expectExact(factory, "Authorization", victim + victim)
    }

    @Test func equalLengthNearMisses_andCollidingSlots_areNotTheToken() throws {
        let factory = HeaderFieldFactory()
        let victim = Array(("Bearer " + Self.tokenStart + String(repeating: "S", count: 150) + "tail-end").utf8)
        try expectExact(factory, "Authorization", String(decoding: victim, as: UTF8.self))
        // One byte changed anywhere, the last eight bytes (which choose the slot) left alone: same length, same slot.
        for position in 0..<(victim.count - 8) {
            var mutated = victim
            mutated[position] = mutated[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            try expectExact(factory, "Authorization", String(decoding: mutated, as: UTF8.self))
            try expectExact(factory, "Authorization", String(decoding: victim, as: UTF8.self))
        }
    }

    @Test func seededMixOfValues_alwaysMatchesHTTPField() throws {
        let factory = HeaderFieldFactory()
        var generator = SeededRandomNumberGenerator(seed: 0x5EED)
        let bases = (0..<4).map { index in
            "Bearer " + Self.tokenStart + String(repeating: Character(UnicodeScalar(UInt8(65 + index))), count: 120)
        }
        for _ in 0..<5_000 {
            var bytes = Array(bases[Int.random(in: 0..<bases.count, using: &generator)].utf8)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes.removeLast(Int.random(in: 0..<(bytes.count - 64), using: &generator))
            case 1: bytes.removeFirst(Int.random(in: 0..<(bytes.count - 64), using: &generator))
            case 2: bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 48...122, using: &generator)
            default: break
            }
            let name = Bool.random(using: &generator) ? "Authorization" : "X-SPACE-AUTH-KEY"
            try expectExact(factory, name, String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func identical_needsSameLengthAndBytes() {
        let stored: [UInt8] = Array("abcdefgh".utf8)
        stored.withUnsafeBytes { storedBytes in
            for (candidate, expected) in [("abcdefgh", true), ("abcdefg", false), ("abcdefghi", false), ("abcdefgX", false), ("", false)] {
                Array(candidate.utf8).withUnsafeBytes { #expect(ThreadHeaderCache.identical(storedBytes, $0) == expected) }
            }
        }
    }
}
