/// The time range and interval of a v4 request after the documented auto-completion: defaults, one-sided ranges,
/// count-derived ends and interval lengths, the largest fitting interval, and widening to interval bounds.
enum AggregateWindowV4 {
    static let microsPerDay: Int64 = 86_400_000_000
    /// The units v4 offers (multiples of the pre-computed 2 minute, 1 hour and 1 day aggregates).
    static let unitsOfVersion4: [AggregateUnit] = [.minute, .hour, .day, .week, .month]

    /// The longest requested range each unit allows: 24 hours of minutes, 7 days of hours, 90 days otherwise.
    static func maximumRange(_ unit: AggregateUnit) -> (micros: Int64, text: String) {
        switch unit {
        case .minute: (microsPerDay, "24 hours")
        case .hour: (7 * microsPerDay, "7 days")
        default: (90 * microsPerDay, "90 days")
        }
    }

    /// The intervals a v4 request asks for.
    /// - Throws: `FakeError` (400) naming the parameter and the rule it breaks.
    static func grid(_ query: QueryParameters, nowMicros now: Int64, calendar: AggregateCalendar) throws(FakeError) -> AggregateGrid {
        var from = try time(query, "from")
        var to = try time(query, "to")
        var interval = try Self.interval(query)
        let count = try Self.count(query)
        let everythingGiven = from != nil && to != nil && interval != nil && count != nil
        switch (from, to, interval, count) {
        case (nil, nil, nil, nil):
            interval = AggregateInterval(unit: .day, value: 1)
            to = now
            from = now - 7 * microsPerDay
        case (_, _, let given?, let count?) where from == nil || to == nil:
            if let start = from {
                let aligned = calendar.floor(start, to: given.unit, multiple: given.unit == .minute ? 2 : 1)
                from = aligned
                to = calendar.advance(aligned, by: count * given.value, given.unit)
            } else {
                let end = to ?? now
                to = end
                from = calendar.advance(end, by: -count * given.value, given.unit)
            }
        case (let start?, let end?, nil, let count?):
            interval = try derivedInterval(from: start, to: end, count: count)
        case (_, _, _, _?) where from == nil || to == nil:
            throw FakeError.invalidParameter(
                "query parameter 'count' without intervalUnit and intervalValue needs both 'from' and 'to' (the interval is the range divided by count)"
            )
        default:
            if from == nil && to == nil {
                to = now
                from = now - min(7 * microsPerDay, maximumRange(interval?.unit ?? .day).micros)
            } else if let start = from, to == nil {
                let day = start - start.floorDividedWithRemainder(by: microsPerDay).remainder
                to = min(day + oneSidedRange(interval), now)
            } else if let end = to, from == nil {
                from = end - oneSidedRange(interval)
            }
        }
        guard let start = from, let end = to else { throw FakeError.invalidParameter("'from' and 'to' could not be determined") }
        guard start < end else {
            throw FakeError.invalidParameter(
                "'from' (\(format(start))) must be before 'to' (\(format(end)))\(query["to"] == nil ? "; without 'to' the range ends now" : "")")
        }
        let chosen = interval ?? largestFitting(end - start)
        let limit = maximumRange(chosen.unit)
        guard end - start <= limit.micros else {
            throw FakeError.invalidParameter(
                "the time range \(format(start)) to \(format(end)) is longer than \(limit.text), the maximum for \(chosen.unit.rawValue) aggregates")
        }
        let grid = widened(start, end, chosen, calendar)
        if everythingGiven, let count, grid.count != count {
            throw FakeError.invalidParameter(
                "query parameter 'count' (\(count)) does not match the \(grid.count) intervals of \(chosen) from \(format(grid.from)) to \(format(grid.to)); give count with only one of 'from' and 'to', or leave it out"
            )
        }
        return grid
    }

    /// The range a one-sided request covers: 90 days, or the unit's maximum range when an interval is given (so
    /// `to` with hourly intervals covers the 7 days before it rather than being refused).
    static func oneSidedRange(_ interval: AggregateInterval?) -> Int64 {
        min(90 * microsPerDay, interval.map { maximumRange($0.unit).micros } ?? 90 * microsPerDay)
    }

    /// The range widened to interval bounds: `from` down to the start of its unit (of two minutes for minutes), `to`
    /// up to the end of the interval that holds it.
    static func widened(_ start: Int64, _ end: Int64, _ interval: AggregateInterval, _ calendar: AggregateCalendar) -> AggregateGrid {
        let from = calendar.floor(start, to: interval.unit, multiple: interval.unit == .minute ? 2 : 1)
        var to = from
        if let length = interval.fixedMicroseconds {
            let intervals = (end - from + length - 1) / length
            to = from + intervals * length
        } else {
            var steps = 0
            while to < end && steps < 10_000 {
                steps += 1
                to = calendar.advance(from, by: steps * interval.value, interval.unit)
            }
        }
        return AggregateGrid(from: from, to: to, interval: interval, calendar: calendar)
    }

    /// The largest pre-computed interval (1 day, 1 hour, 2 minutes) that fits into a range of `micros`.
    static func largestFitting(_ micros: Int64) -> AggregateInterval {
        if micros >= microsPerDay { return AggregateInterval(unit: .day, value: 1) }
        if micros >= 3_600_000_000 { return AggregateInterval(unit: .hour, value: 1) }
        return AggregateInterval(unit: .minute, value: 2)
    }

    /// The interval of `from`, `to` and `count` without unit and value: the range divided by count, which must be an
    /// allowed interval length.
    static func derivedInterval(from: Int64, to: Int64, count: Int) throws(FakeError) -> AggregateInterval {
        let range = to - from
        let length = range / Int64(count)
        let candidates: [(AggregateUnit, Int64)] = [(.day, microsPerDay), (.hour, 3_600_000_000), (.minute, 60_000_000)]
        if range > 0, range % Int64(count) == 0 {
            for (unit, unitLength) in candidates where length % unitLength == 0 {
                let value = Int(length / unitLength)
                if (try? checkValue(value, unit: unit)) != nil { return AggregateInterval(unit: unit, value: value) }
            }
        }
        throw FakeError.invalidParameter(
            "the range from \(format(from)) to \(format(to)) divided by count \(count) is not an allowed interval length (2 to 60 minutes in steps of 2, 1 to 24 hours, 1 to 90 days)"
        )
    }

    private static func time(_ query: QueryParameters, _ name: String) throws(FakeError) -> Int64? {
        guard let raw = query[name], !raw.isEmpty else { return nil }
        guard let micros = AggregateTimeParser.microseconds(raw) else {
            throw FakeError.invalidParameter(
                "query parameter '\(name)' value '\(raw)' is not a valid time; expected \(AggregateTimeParser.expectedFormat)")
        }
        return micros
    }

    private static func interval(_ query: QueryParameters) throws(FakeError) -> AggregateInterval? {
        let unitText = query["intervalUnit"].flatMap { $0.isEmpty ? nil : $0 }
        let valueText = query["intervalValue"].flatMap { $0.isEmpty ? nil : $0 }
        switch (unitText, valueText) {
        case (nil, nil): return nil
        case (nil, _?): throw FakeError.invalidParameter("query parameter 'intervalValue' needs 'intervalUnit' (minute, hour, day, week or month)")
        case (_?, nil): throw FakeError.invalidParameter("query parameter 'intervalUnit' needs 'intervalValue'")
        case (let unitText?, let valueText?):
            guard let unit = AggregateUnit(parameter: unitText), unitsOfVersion4.contains(unit) else {
                throw FakeError.invalidParameter("query parameter 'intervalUnit' must be minute, hour, day, week or month, got '\(unitText)'")
            }
            guard let value = Int(valueText) else {
                throw FakeError.invalidParameter("query parameter 'intervalValue' must be an integer, got '\(valueText)'")
            }
            try checkValue(value, unit: unit)
            return AggregateInterval(unit: unit, value: value)
        }
    }

    /// Refuses values other than minute 2, 4, ..., 60; hour 1...24; day 1...90; week 1...12; month 1...3.
    static func checkValue(_ value: Int, unit: AggregateUnit) throws(FakeError) {
        let allowed: Bool
        let rule: String
        switch unit {
        case .minute:
            allowed = (2...60).contains(value) && value % 2 == 0
            rule = "an even number from 2 to 60 (a multiple of the pre-computed 2 minute aggregates)"
        case .hour:
            allowed = (1...24).contains(value)
            rule = "from 1 to 24"
        case .day:
            allowed = (1...90).contains(value)
            rule = "from 1 to 90"
        case .week:
            allowed = (1...12).contains(value)
            rule = "from 1 to 12"
        case .month:
            allowed = (1...3).contains(value)
            rule = "from 1 to 3"
        default:
            allowed = false
            rule = "not available"
        }
        guard allowed else {
            throw FakeError.invalidParameter("query parameter 'intervalValue' for intervalUnit \(unit.rawValue) must be \(rule), got \(value)")
        }
    }

    private static func count(_ query: QueryParameters) throws(FakeError) -> Int? {
        guard let raw = query["count"], !raw.isEmpty else { return nil }
        guard let value = Int(raw), (1...100_000).contains(value) else {
            throw FakeError.invalidParameter("query parameter 'count' must be an integer from 1 to 100000, got '\(raw)'")
        }
        return value
    }

    /// `micros` as an ISO 8601 UTC time with milliseconds, for messages.
    static func format(_ micros: Int64) -> String {
        TimeRules.format(micros, precision: .milliseconds)
    }
}
