/// The `_time` resolution of an asset: milliseconds for performance assets, microseconds for simulation assets.
/// Series keep `_time` as microseconds since 1970 either way.
enum TimePrecision: Sendable, Equatable {
    case milliseconds
    case microseconds

    /// The precision of an asset twin type (`performance` or `simulation`).
    init(twinType: String) {
        self = twinType.lowercased() == "simulation" ? .microseconds : .milliseconds
    }

    /// The smallest step between two `_time` values, in microseconds.
    var stepMicroseconds: Int64 {
        self == .milliseconds ? 1000 : 1
    }
}
