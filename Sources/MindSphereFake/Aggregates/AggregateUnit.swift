/// The `intervalUnit` values of IoT TS Aggregates. Units up to an hour have a fixed length; day, week and month follow
/// the asset's calendar (a day across a daylight-saving change has 23 or 25 hours).
enum AggregateUnit: String, Sendable, CaseIterable {
    case millisecond
    case second
    case minute
    case hour
    case day
    case week
    case month

    /// The unit named by a query value, in any letter case (the v4 documentation writes `DAY`).
    init?(parameter: String) {
        self.init(rawValue: parameter.lowercased())
    }

    /// The length in microseconds of units with a fixed length; `nil` for day, week and month.
    var fixedMicroseconds: Int64? {
        switch self {
        case .millisecond: 1000
        case .second: 1_000_000
        case .minute: 60_000_000
        case .hour: 3_600_000_000
        case .day, .week, .month: nil
        }
    }
}
