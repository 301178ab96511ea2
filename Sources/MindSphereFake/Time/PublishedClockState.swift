import Synchronization

/// The clock's offset and frozen instant behind a sequence lock: readers take no lock and write nothing shared, so
/// reading the clock on every request on every thread costs no cache-line traffic; a writer (holding the clock's own
/// lock, so there is one at a time) makes the version odd while it writes, and readers retry across a write.
final class PublishedClockState: Sendable {
    /// Stands for "not frozen": below every instant the clock can show (`FakeClock.range`).
    private static let notFrozen = Int64.min

    private let version = Atomic<UInt64>(0)
    private let offsetMilliseconds = Atomic<Int64>(0)
    private let frozenAt = Atomic<Int64>(notFrozen)

    /// A consistent pair as last written.
    func read() -> (offsetMilliseconds: Int64, frozenAt: Int64?) {
        while true {
            let before = version.load(ordering: .acquiring)
            let offset = offsetMilliseconds.load(ordering: .relaxed)
            let frozen = frozenAt.load(ordering: .relaxed)
            atomicMemoryFence(ordering: .acquiring)
            if before & 1 == 0, version.load(ordering: .relaxed) == before {
                return (offset, frozen == Self.notFrozen ? nil : frozen)
            }
        }
    }

    /// Publishes a new pair; callers serialise their writes.
    func write(offsetMilliseconds offset: Int64, frozenAt frozen: Int64?) {
        let odd = version.load(ordering: .relaxed) &+ 1
        version.store(odd, ordering: .relaxed)
        atomicMemoryFence(ordering: .releasing)
        offsetMilliseconds.store(offset, ordering: .relaxed)
        frozenAt.store(frozen ?? Self.notFrozen, ordering: .relaxed)
        version.store(odd &+ 1, ordering: .releasing)
    }
}
