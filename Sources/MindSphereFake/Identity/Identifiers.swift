import Synchronization

/// Makes the ids the platform uses (32 lowercase hex) from a seeded generator, so runs can repeat.
package final class Identifiers: Sendable {
    private let state: Mutex<UInt64>

    /// A generator; the same seed gives the same sequence of ids.
    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    /// A generator seeded from the system's random source.
    public convenience init() {
        self.init(seed: UInt64.random(in: .min ... .max))
    }

    /// The next 32-hex id (like asset ids, `jti` and correlation ids).
    public func next() -> String {
        let (high, low) = state.withLock { seed -> (UInt64, UInt64) in
            (Self.splitMix(&seed), Self.splitMix(&seed))
        }
        return Self.hex(high) + Self.hex(low)
    }

    /// The next `count` hex characters (at most 16).
    public func nextHex(_ count: Int) -> String {
        let value = state.withLock { seed in Self.splitMix(&seed) }
        return String(Self.hex(value).prefix(count))
    }

    /// A 32-hex id written in UUID form (8-4-4-4-12).
    public static func uuidForm(_ hex: String) -> String {
        let chars = Array(hex)
        guard chars.count == 32 else { return hex }
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }

    /// A deterministic 32-hex id derived from a text (FNV-1a based), for ids generated from scenario names.
    public static func derived(from text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            first ^= UInt64(byte)
            first &*= 0x0000_0100_0000_01B3
        }
        var seed = first
        return hex(splitMix(&seed)) + hex(splitMix(&seed))
    }

    /// The next number in `[0, 1)` of a seeded SplitMix64 sequence (for seeded probabilities and generated data).
    static func unitInterval(_ seed: inout UInt64) -> Double {
        Double(splitMix(&seed) >> 11) / Double(1 << 53)
    }

    /// One step of SplitMix64.
    static func splitMix(_ seed: inout UInt64) -> UInt64 {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
