import Foundation
import Testing

@testable import MindSphereFake

/// The system clock reads the wall clock in whole milliseconds, as `Date` tells it.
@Suite struct SystemClockTests {
    @Test func systemMilliseconds_agreeWithDate() {
        let before = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let read = FakeClock.systemMilliseconds()
        let after = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        #expect(before <= read && read <= after)
    }

    @Test func systemClock_startsAtTheWallClock() {
        let before = FakeClock.systemMilliseconds()
        let now = FakeClock.system().nowMilliseconds()
        #expect(before <= now && now <= FakeClock.systemMilliseconds())
    }
}
