/// The intervals of one aggregate request: `(start, start + interval]` back to back from `from` up to `to`.
struct AggregateGrid: Sendable {
    /// The exclusive start of the first interval (µs).
    let from: Int64
    /// The inclusive end of the last interval (µs).
    let to: Int64
    /// The length of each interval.
    let interval: AggregateInterval
    /// The calendar the intervals follow.
    let calendar: AggregateCalendar

    /// The interval `(start, end]` holding the instant `micros` (`from < micros <= to`); the last one ends at `to`.
    func interval(containing micros: Int64) -> (start: Int64, end: Int64) {
        if let length = interval.fixedMicroseconds {
            let index = (micros - from - 1) / length
            let start = from + index * length
            return (start, min(to, start + length))
        }
        let unitStart = calendar.floor(micros - 1, to: interval.unit)
        let units = calendar.units(from: from, to: unitStart, interval.unit)
        let index = units / interval.value * interval.value
        var start = calendar.advance(from, by: index, interval.unit)
        if start >= micros { start = calendar.advance(from, by: index - interval.value, interval.unit) }
        let end = calendar.advance(start, by: interval.value, interval.unit)
        return (start, min(to, end))
    }

    /// The end of the interval that starts at `start` (calendar arithmetic for day, week and month).
    func end(after start: Int64) -> Int64 {
        calendar.advance(start, by: interval.value, interval.unit)
    }

    /// The number of intervals from `from` to `to`.
    var count: Int {
        calendar.units(from: from, to: to, interval.unit) / interval.value
    }
}
