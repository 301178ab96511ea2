import Foundation

extension FakeClock {
    /// A clock that starts at the system's wall clock. This is the only place the core touches the system time;
    /// everything else reads the clock it was given.
    public static func system() -> FakeClock {
        FakeClock(wallClock: { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) })
    }
}
