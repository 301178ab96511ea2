import Foundation
import HTTPTypes
public import MindSphereFake

/// A fake-only operation a check or the runner may ask a target for.
public enum TargetControl: Sendable, CustomStringConvertible {
    /// Reads the clock (milliseconds since 1970 and whether it is frozen).
    case readClock
    /// Moves the clock forward by seconds.
    case advanceClock(seconds: Int64)
    /// Puts the clock back to an earlier reading.
    case restoreClock(ClockReading)
    /// Dumps the fake's whole state as JSON.
    case readState

    /// The operation's name.
    public var description: String {
        switch self {
        case .readClock: "readClock"
        case .advanceClock(let seconds): "advanceClock(\(seconds))"
        case .restoreClock: "restoreClock"
        case .readState: "readState"
        }
    }
}

/// A reading of a fake's clock.
public struct ClockReading: Sendable, Equatable {
    /// Milliseconds since 1970 on the fake's clock.
    public var milliseconds: Int64
    /// Whether the clock was frozen.
    public var frozen: Bool

    /// A reading.
    public init(milliseconds: Int64, frozen: Bool) {
        self.milliseconds = milliseconds
        self.frozen = frozen
    }
}

/// What a control operation returns.
public enum TargetControlResult: Sendable {
    /// Nothing to report.
    case done
    /// The clock.
    case clock(ClockReading)
    /// The state dump.
    case state(JSONValue)
}
