import Foundation

/// Interval arithmetic in an asset's time zone: where a minute, hour, day, week (starting on Monday) or month begins,
/// and what lies a number of units later. Days, weeks and months follow the local calendar, so a day across a
/// daylight-saving change is 23 or 25 hours long. Times are microseconds since 1970.
struct AggregateCalendar: Sendable {
    /// The zone intervals align to.
    let timeZone: TimeZone
    private let calendar: Calendar

    /// The calendar of the zone `identifier`, or of UTC when the id is not in the zone database (asset time zones are
    /// not validated, see `am.asset.timezone`).
    init(timeZoneIdentifier identifier: String) {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        self.timeZone = zone
        self.calendar = calendar
    }

    /// The instant `micros` as a `Date`.
    private static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// Microseconds of `date`, held within ±2^62 so no arithmetic on far-off dates can trap.
    private static func micros(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let limit = Double(Int64(1) << 62)
        return value.isFinite ? Int64(min(limit, max(-limit, value))) : 0
    }

    private static func component(_ unit: AggregateUnit) -> Calendar.Component {
        switch unit {
        case .millisecond: .nanosecond
        case .second: .second
        case .minute: .minute
        case .hour: .hour
        case .day: .day
        case .week: .weekOfYear
        case .month: .month
        }
    }

    /// The zone's offset from UTC at `micros`, in microseconds.
    func offsetMicroseconds(at micros: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Self.date(micros))) * 1_000_000
    }

    /// The start of the `unit` that contains `micros` (local time for minutes and longer), or of the `multiple`-unit
    /// step of a fixed-length unit counted from the local hour, day or epoch.
    func floor(_ micros: Int64, to unit: AggregateUnit, multiple: Int = 1) -> Int64 {
        if let length = unit.fixedMicroseconds {
            let step = length * Int64(multiple)
            let offset = unit == .minute || unit == .hour ? offsetMicroseconds(at: micros) : 0
            let local = micros + offset
            return local - local.floorDividedWithRemainder(by: step).remainder - offset
        }
        guard let start = calendar.dateInterval(of: Self.component(unit), for: Self.date(micros))?.start else { return micros }
        return Self.micros(start)
    }

    /// Whether `micros` is the start of a `unit`.
    func isAligned(_ micros: Int64, to unit: AggregateUnit) -> Bool {
        floor(micros, to: unit) == micros
    }

    /// `micros` moved by `count` units (local calendar arithmetic for day, week and month).
    func advance(_ micros: Int64, by count: Int, _ unit: AggregateUnit) -> Int64 {
        if let length = unit.fixedMicroseconds { return micros &+ length &* Int64(count) }
        let component: Calendar.Component = unit == .week ? .day : Self.component(unit)
        let amount = unit == .week ? count * 7 : count
        guard let moved = calendar.date(byAdding: component, value: amount, to: Self.date(micros)) else { return micros }
        return Self.micros(moved)
    }

    /// The number of whole units from `start` to `end`, both unit starts.
    func units(from start: Int64, to end: Int64, _ unit: AggregateUnit) -> Int {
        if let length = unit.fixedMicroseconds { return Int((end - start) / length) }
        let component: Calendar.Component = unit == .week ? .day : Self.component(unit)
        let count = calendar.dateComponents([component], from: Self.date(start), to: Self.date(end)).value(for: component) ?? 0
        return unit == .week ? count / 7 : count
    }
}
