import Synchronization

/// The fake's notion of "now": the wall clock plus an offset, or frozen at an instant. Tests and the control
/// plane move it; token expiry and every other time-based rule read it. The core never reads the system clock.
///
/// Its reading always lies in `FakeClock.range` (years 0001 to 9999): moves beyond it stop at its ends, so no
/// reading overflows when rules add lifetimes or windows to it and every reading renders as a 4-digit-year timestamp.
public final class FakeClock: Sendable {
    /// The instants the clock can show, in milliseconds since 1970: 0001-01-01T00:00:00.000Z through
    /// 9999-12-31T23:59:59.999Z. The control plane refuses settings outside it; in-process moves stop at its ends.
    public static let range: ClosedRange<Int64> = -62_135_596_800_000...Timestamp.maximumMilliseconds

    private struct State {
        var offsetMilliseconds: Int64 = 0
        var frozenAt: Int64?
    }

    private let wallClock: @Sendable () -> Int64
    /// The state; changes take this lock, and publish what they leave behind to `published`.
    private let state = Mutex(State())
    /// The state as readers see it, without a lock: every request reads the clock, and a lock taken by every
    /// request on every thread is one cache line that all cores fight over.
    private let published = PublishedClockState()

    /// A clock over `wallClock`, which returns milliseconds since 1970 (the transport supplies the real one).
    public init(wallClock: @escaping @Sendable () -> Int64) {
        self.wallClock = wallClock
    }

    /// A clock frozen at `milliseconds` since 1970, for tests.
    public static func frozen(at milliseconds: Int64) -> FakeClock {
        let milliseconds = clamped(milliseconds, plus: 0)
        let clock = FakeClock(wallClock: { milliseconds })
        clock.freeze(true)
        return clock
    }

    /// Milliseconds since 1970, as the fake sees it (within `range`).
    public func nowMilliseconds() -> Int64 {
        let (offset, frozenAt) = published.read()
        if let frozenAt { return frozenAt }
        return Self.clamped(wallClock(), plus: offset)
    }

    /// `base + delta`, saturating instead of overflowing, brought into `range`.
    static func clamped(_ base: Int64, plus delta: Int64) -> Int64 {
        let (sum, overflow) = base.addingReportingOverflow(delta)
        let value = overflow ? (delta < 0 ? Int64.min : Int64.max) : sum
        return min(max(value, range.lowerBound), range.upperBound)
    }

    /// Seconds since 1970, as the fake sees it.
    public func nowSeconds() -> Int64 { nowMilliseconds() / 1000 }

    /// Seconds since 1970 on the wall clock underneath, whatever the fake's reading: what clients compare token
    /// claims with (for a clock made by `frozen(at:)`, the instant it was made at).
    public func wallSeconds() -> Int64 { Self.clamped(wallClock(), plus: 0) / 1000 }

    /// Whether the clock is frozen.
    public var isFrozen: Bool { published.read().frozenAt != nil }

    /// Moves the clock by `milliseconds` (frozen or not); a move past either end of `range` stops there.
    public func advance(milliseconds: Int64) {
        let wall = wallClock()
        state.withLock { state in
            let now = state.frozenAt ?? Self.clamped(wall, plus: state.offsetMilliseconds)
            Self.place(&state, at: Self.clamped(now, plus: milliseconds), wall: wall)
            publish(state)
        }
    }

    /// Sets the clock to an instant (brought into `range`); a running clock keeps running from there.
    public func set(milliseconds: Int64) {
        let wall = wallClock()
        state.withLock { state in
            Self.place(&state, at: Self.clamped(milliseconds, plus: 0), wall: wall)
            publish(state)
        }
    }

    /// Makes `instant` (within `range`) the current reading against the wall reading `wall`.
    private static func place(_ state: inout State, at instant: Int64, wall: Int64) {
        if state.frozenAt != nil { state.frozenAt = instant }
        let (offset, overflow) = instant.subtractingReportingOverflow(wall)
        state.offsetMilliseconds = overflow ? (wall < 0 ? Int64.max : Int64.min) : offset
    }

    /// Freezes the clock at the current instant, or lets it run on from the frozen instant.
    public func freeze(_ frozen: Bool) {
        let wall = wallClock()
        state.withLock { state in
            if frozen, state.frozenAt == nil {
                state.frozenAt = Self.clamped(wall, plus: state.offsetMilliseconds)
            } else if !frozen, let at = state.frozenAt {
                state.frozenAt = nil
                Self.place(&state, at: at, wall: wall)
            }
            publish(state)
        }
    }

    /// Hands a changed state to the readers (called under the state's lock, so writes never overlap).
    private func publish(_ state: State) {
        published.write(offsetMilliseconds: state.offsetMilliseconds, frozenAt: state.frozenAt)
    }

    /// Back to the wall clock: no offset, not frozen.
    public func reset() {
        state.withLock { state in
            state = State()
            publish(state)
        }
    }
}
