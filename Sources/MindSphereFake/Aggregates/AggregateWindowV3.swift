import Foundation

/// The checked time range and interval of a v3 request. v3 completes nothing: `from`, `to`, `intervalUnit` and
/// `intervalValue` are required; both ends must be no more precise than the unit (`1 hour` on the hour, `1 week`
/// on a Monday, while `60 minute` may start at 05:30), and the range must be a whole number of intervals.
enum AggregateWindowV3 {
    /// The intervals of simulation assets (pre-computed only).
    static let simulationIntervals = [
        AggregateInterval(unit: .millisecond, value: 1), AggregateInterval(unit: .millisecond, value: 10),
        AggregateInterval(unit: .second, value: 1),
    ]

    /// The intervals a v3 request asks for; `simulation` tells a simulation asset.
    /// - Throws: `FakeError` (400) naming the parameter and the rule it breaks.
    static func grid(_ query: QueryParameters, simulation: Bool, calendar: AggregateCalendar) throws(FakeError) -> AggregateGrid {
        var raw: [String: String] = [:]
        for name in ["from", "to", "intervalValue", "intervalUnit"] {
            guard let value = query[name], !value.isEmpty else {
                throw FakeError.missingParameter(
                    "query parameter '\(name)' is required; v3 aggregates need from, to, intervalValue and intervalUnit")
            }
            raw[name] = value
        }
        let unitText = raw["intervalUnit"] ?? ""
        let valueText = raw["intervalValue"] ?? ""
        guard let unit = AggregateUnit(parameter: unitText) else {
            let names = AggregateUnit.allCases.map(\.rawValue).joined(separator: ", ")
            throw FakeError.invalidParameter("query parameter 'intervalUnit' must be one of \(names), got '\(unitText)'")
        }
        guard let value = Int(valueText), (1...1_000_000).contains(value) else {
            throw FakeError.invalidParameter("query parameter 'intervalValue' must be an integer from 1 to 1000000, got '\(valueText)'")
        }
        let interval = AggregateInterval(unit: unit, value: value)
        if simulation && !simulationIntervals.contains(interval) {
            throw FakeError.invalidParameter(
                "simulation assets have aggregates of 1 millisecond, 10 millisecond and 1 second only, got \(interval)")
        }
        var bounds: [Int64] = []
        for name in ["from", "to"] {
            let text = raw[name] ?? ""
            guard let micros = AggregateTimeParser.microseconds(text) else {
                throw FakeError.invalidParameter(
                    "query parameter '\(name)' value '\(text)' is not a valid time; expected \(AggregateTimeParser.expectedFormat)")
            }
            guard calendar.isAligned(micros, to: unit) else {
                throw FakeError.invalidParameter(
                    "query parameter '\(name)' (\(text)) is more precise than the interval unit \(unit.rawValue): \(alignmentRule(unit, calendar))")
            }
            bounds.append(micros)
        }
        let (from, to) = (bounds[0], bounds[1])
        guard from < to else {
            throw FakeError.invalidParameter("'from' (\(raw["from"] ?? "")) must be before 'to' (\(raw["to"] ?? ""))")
        }
        let whole: Bool
        if let length = interval.fixedMicroseconds {
            whole = (to - from) % length == 0
        } else {
            let units = calendar.units(from: from, to: to, unit)
            whole = units % value == 0 && calendar.advance(from, by: units, unit) == to
        }
        guard whole else {
            throw FakeError.invalidParameter(
                "the range from \(raw["from"] ?? "") to \(raw["to"] ?? "") is not a whole multiple of the interval \(interval)")
        }
        return AggregateGrid(from: from, to: to, interval: interval, calendar: calendar)
    }

    private static func alignmentRule(_ unit: AggregateUnit, _ calendar: AggregateCalendar) -> String {
        let zone = calendar.timeZone.identifier
        return switch unit {
        case .millisecond: "it must be a whole millisecond"
        case .second: "it must be a whole second"
        case .minute: "it must be a whole minute"
        case .hour: "it must be on the hour in the asset's time zone \(zone) (use intervalUnit=minute, e.g. 60 minute, for other start times)"
        case .day: "it must be midnight in the asset's time zone \(zone)"
        case .week: "it must be a Monday at midnight in the asset's time zone \(zone) (use intervalUnit=day, e.g. 7 day, for other start days)"
        case .month: "it must be the first day of a month at midnight in the asset's time zone \(zone)"
        }
    }
}
