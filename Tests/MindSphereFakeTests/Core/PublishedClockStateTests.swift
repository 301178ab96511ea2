import Foundation
import Synchronization
import Testing

@testable import MindSphereFake

/// The clock's lock-free reading: a reader racing a writer sees one of the pairs written, never a mix of two.
@Suite struct PublishedClockStateTests {
    /// Two states that share no member: a mixed read has one member of each.
    private static let running = (offset: Int64(1_000), frozenAt: Int64?.none)
    private static let frozen = (offset: Int64(-5_000), frozenAt: Int64?.some(7_777))

    @Test func readersRacingAWriter_seeOnlyWholePairs() {
        let state = PublishedClockState()
        state.write(offsetMilliseconds: Self.running.offset, frozenAt: Self.running.frozenAt)
        let stop = Atomic<Bool>(false)
        let mixed = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                while !stop.load(ordering: .relaxed) {
                    let (offset, frozenAt) = state.read()
                    let whole =
                        (offset == Self.running.offset && frozenAt == Self.running.frozenAt)
                        || (offset == Self.frozen.offset && frozenAt == Self.frozen.frozenAt)
                    if !whole { mixed.add(1, ordering: .relaxed) }
                    reads.add(1, ordering: .relaxed)
                }
                group.leave()
            }
        }
        for round in 0..<200_000 {
            let next = round.isMultiple(of: 2) ? Self.frozen : Self.running
            state.write(offsetMilliseconds: next.offset, frozenAt: next.frozenAt)
        }
        stop.store(true, ordering: .relaxed)
        group.wait()
        #expect(reads.load(ordering: .relaxed) > 0)
        #expect(mixed.load(ordering: .relaxed) == 0)
    }

    @Test func clockChanges_areWhatReadersSee() {
        let clock = FakeClock(wallClock: { 1_000_000 })
        #expect(clock.nowMilliseconds() == 1_000_000)
        clock.advance(milliseconds: 500)
        #expect(clock.nowMilliseconds() == 1_000_500)
        clock.freeze(true)
        #expect(clock.isFrozen)
        clock.set(milliseconds: 42)
        #expect(clock.nowMilliseconds() == 42)
        clock.freeze(false)
        #expect(!clock.isFrozen && clock.nowMilliseconds() == 42)
        clock.reset()
        #expect(clock.nowMilliseconds() == 1_000_000)
    }
}
