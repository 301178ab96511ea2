/// A deterministic random number generator over the fake's one SplitMix64, so that seeded tests, fuzz drivers and
/// benchmarks repeat exactly.
package struct SeededRandomNumberGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        Identifiers.splitMix(&state)
    }
}
