#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FakeClock {
    /// A clock that starts at the system's wall clock. This is the only place the core touches the system time;
    /// everything else reads the clock it was given.
    public static func system() -> FakeClock {
        FakeClock(wallClock: systemMilliseconds)
    }

    /// The wall clock in whole milliseconds since 1970 (rounded down), read straight from the system: every request
    /// reads it once, and `Date` would go through a floating-point number of seconds to get there.
    static func systemMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let milliseconds = Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
        return milliseconds
    }
}
