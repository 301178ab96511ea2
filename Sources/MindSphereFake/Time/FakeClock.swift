import Synchronization

/// The fake's notion of "now": the wall clock plus an offset, or frozen at an instant. Tests and the control
/// plane move it; token expiry and every other time-based rule read it. The core never reads the system clock.
public final class FakeClock: Sendable {
    private struct State {
        var offsetMilliseconds: Int64 = 0
        var frozenAt: Int64?
    }

    private let wallClock: @Sendable () -> Int64
    private let state = Mutex(State())

    /// A clock over `wallClock`, which returns milliseconds since 1970 (the transport supplies the real one).
    public init(wallClock: @escaping @Sendable () -> Int64) {
        self.wallClock = wallClock
    }

    /// A clock frozen at `milliseconds` since 1970, for tests.
    public static func frozen(at milliseconds: Int64) -> FakeClock {
        let clock = FakeClock(wallClock: { milliseconds })
        clock.freeze(true)
        return clock
    }

    /// Milliseconds since 1970, as the fake sees it.
    public func nowMilliseconds() -> Int64 {
        state.withLock { state in
            if let frozen = state.frozenAt { return frozen }
            return wallClock() + state.offsetMilliseconds
        }
    }

    /// Seconds since 1970, as the fake sees it.
    public func nowSeconds() -> Int64 { nowMilliseconds() / 1000 }

    /// Whether the clock is frozen.
    public var isFrozen: Bool { state.withLock { $0.frozenAt != nil } }

    /// Moves the clock by `milliseconds` (frozen or not).
    public func advance(milliseconds: Int64) {
        state.withLock { state in
            if let frozen = state.frozenAt { state.frozenAt = frozen + milliseconds }
            state.offsetMilliseconds += milliseconds
        }
    }

    /// Sets the clock to an instant; a running clock keeps running from there.
    public func set(milliseconds: Int64) {
        let wall = wallClock()
        state.withLock { state in
            state.offsetMilliseconds = milliseconds - wall
            if state.frozenAt != nil { state.frozenAt = milliseconds }
        }
    }

    /// Freezes the clock at the current instant, or lets it run on from the frozen instant.
    public func freeze(_ frozen: Bool) {
        let wall = wallClock()
        state.withLock { state in
            if frozen, state.frozenAt == nil {
                state.frozenAt = wall + state.offsetMilliseconds
            } else if !frozen, let at = state.frozenAt {
                state.offsetMilliseconds = at - wall
                state.frozenAt = nil
            }
        }
    }

    /// Back to the wall clock: no offset, not frozen.
    public func reset() {
        state.withLock { $0 = State() }
    }
}
