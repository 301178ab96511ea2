import Testing

@testable import MindSphereFake

/// Holds the day-caching time writer of aggregate answers to `TimeRules.writeQuoted`, its general twin.
@Suite struct AggregateTimeWriterTests {
    @Test(arguments: [TimePrecision.milliseconds, .microseconds])
    func writesTheSameBytesAsTimeRules(precision: TimePrecision) {
        var random = SeededRandomNumberGenerator(seed: 0x7135)
        var writer = AggregateTimeWriter(precision: precision)
        let limit = (Timestamp.maximumMilliseconds + 86_400_000) * 1000
        var micros: [Int64] = [
            0, -1, 999, -1000, Timestamp.minimumMilliseconds * 1000, Timestamp.maximumMilliseconds * 1000 + 999,
            Timestamp.minimumMilliseconds * 1000 - 1, limit, -limit,
        ]
        var near: Int64 = 1_700_000_000_000_000
        for _ in 0..<3000 {
            near += Int64.random(in: 0...90_000_000_000, using: &random)
            micros.append(Bool.random(using: &random) ? near : Int64.random(in: -limit...limit, using: &random))
        }
        for value in micros {
            var fast: [UInt8] = []
            var general: [UInt8] = []
            writer.writeQuoted(value, into: &fast)
            TimeRules.writeQuoted(value, precision: precision, into: &general)
            #expect(fast == general, "\(value)")
        }
    }
}
