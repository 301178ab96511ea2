import Foundation

/// Generated time-series records, so a scenario can hold a day of 1-second data without a fixture file:
///
/// ```yaml
/// generate:
///   start: 2026-01-01T00:00:00.000Z
///   count: 86400
///   intervalMilliseconds: 1000
///   variables:
///     temperature: {kind: sine, min: 20, max: 80, periodSeconds: 3600, noise: 0.5}
///     speed: {kind: random, min: 0, max: 100}
///     pieces: {kind: counter, start: 0, step: 1}
///     state: {kind: cycle, values: [running, idle], everyRecords: 600}
///     line: {kind: constant, value: "L1"}
/// ```
/// Values are deterministic: the same scenario seed gives the same records.
struct SeriesGenerator {
    let node: ScenarioNode
    let seed: UInt64

    /// The longest interval between generated records: 365 days.
    static let maximumIntervalMilliseconds: Int64 = 365 * 86_400_000

    private enum Kind {
        case sine(min: Double, max: Double, period: Double, noise: Double)
        case random(min: Double, max: Double)
        case counter(start: Int64, step: Int64)
        case cycle(values: [JSONValue], every: Int)
        case constant(JSONValue)
    }

    /// The generated records.
    /// - Throws: `ScenarioError` at the offending key.
    func records() throws(ScenarioError) -> [JSONObject] {
        try node.onlyKeys(["start", "count", "intervalMilliseconds", "intervalSeconds", "variables"], in: "generate")
        guard let startNode = node.child("start"), let start = Timestamp.parseMilliseconds(try startNode.string("start")) else {
            throw node.error("generate needs 'start' as an ISO 8601 UTC time, e.g. 2026-01-01T00:00:00.000Z")
        }
        guard let countNode = node.child("count") else { throw node.error("generate needs 'count'") }
        let count = try countNode.integer("count")
        guard (0...2_000_000).contains(count) else { throw countNode.error("count must be from 0 to 2000000") }
        // Bounded before any arithmetic: the last record's time is start + (count - 1) * interval.
        var interval: Int64 = 1000
        if let milliseconds = node.child("intervalMilliseconds") {
            interval = try milliseconds.integer("intervalMilliseconds")
            guard (1...Self.maximumIntervalMilliseconds).contains(interval) else {
                throw milliseconds.error("intervalMilliseconds must be from 1 to \(Self.maximumIntervalMilliseconds) (365 days)")
            }
        }
        if let seconds = node.child("intervalSeconds") {
            let value = try seconds.integer("intervalSeconds")
            guard (1...Self.maximumIntervalMilliseconds / 1000).contains(value) else {
                throw seconds.error("intervalSeconds must be from 1 to \(Self.maximumIntervalMilliseconds / 1000) (365 days)")
            }
            interval = value * 1000
        }
        if count > 0, start + (count - 1) * interval > Timestamp.maximumMilliseconds {
            throw node.error("the generated records would run past 9999-12-31T23:59:59.999Z; use fewer records or a shorter interval")
        }
        guard let variablesNode = node.child("variables") else { throw node.error("generate needs 'variables'") }
        var variables: [(String, Kind)] = []
        for (name, spec) in try variablesNode.entries("variables") {
            let kind = try kind(spec)
            if case .counter(let first, let step) = kind, count > 0 {
                // The counter is linear, so it stays in Int64 when its last value does.
                let (span, spanOverflows) = step.multipliedReportingOverflow(by: count - 1)
                let (_, lastOverflows) = first.addingReportingOverflow(span)
                guard !spanOverflows, !lastOverflows else {
                    throw spec.error("counter '\(name)' leaves the 64-bit integer range within \(count) records")
                }
            }
            variables.append((name, kind))
        }
        var random = seed
        var records: [JSONObject] = []
        records.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            var members: [(key: String, value: JSONValue)] = [
                (key: "_time", value: .string(Timestamp.format(milliseconds: start + Int64(index) * interval)))
            ]
            let seconds = Double(Int64(index) * interval) / 1000
            for (name, kind) in variables {
                members.append((key: name, value: value(kind, index: index, seconds: seconds, random: &random)))
            }
            records.append(JSONObject(members))
        }
        return records
    }

    private func value(_ kind: Kind, index: Int, seconds: Double, random: inout UInt64) -> JSONValue {
        switch kind {
        case .sine(let low, let high, let period, let noise):
            let wave = (sin(2 * Double.pi * seconds / period) + 1) / 2
            let jitter = noise == 0 ? 0 : (Self.unit(&random) * 2 - 1) * noise
            return .double(Self.rounded(low + (high - low) * wave + jitter))
        case .random(let low, let high):
            return .double(Self.rounded(low + (high - low) * Self.unit(&random)))
        case .counter(let start, let step):
            return .number(.integer(start + Int64(index) * step))
        case .cycle(let values, let every):
            return values[(index / every) % values.count]
        case .constant(let value):
            return value
        }
    }

    private func kind(_ spec: ScenarioNode) throws(ScenarioError) -> Kind {
        guard case .object(let object) = spec.json, let kind = object["kind"]?.stringValue else {
            throw spec.error("a generated variable needs 'kind' (sine, random, counter, cycle or constant)")
        }
        func number(_ key: String, _ fallback: Double) throws(ScenarioError) -> Double {
            guard let value = object[key] else { return fallback }
            guard case .number(let number) = value else { throw spec.error("'\(key)' must be a number") }
            return number.doubleValue
        }
        switch kind {
        case "sine":
            let period = try number("periodSeconds", 3600)
            guard period > 0 else { throw spec.error("periodSeconds must be positive") }
            return .sine(min: try number("min", 0), max: try number("max", 1), period: period, noise: try number("noise", 0))
        case "random":
            return .random(min: try number("min", 0), max: try number("max", 1))
        case "counter":
            // Fractions are cut as before; Int64(exactly:) then refuses what the plain conversion traps on
            // (infinities, |x| >= 2^63).
            guard let start = Int64(exactly: try number("start", 0).rounded(.towardZero)),
                let step = Int64(exactly: try number("step", 1).rounded(.towardZero))
            else {
                throw spec.error("a counter's 'start' and 'step' must be integers within the 64-bit range")
            }
            return .counter(start: start, step: step)
        case "cycle":
            guard let values = object["values"]?.arrayValue, !values.isEmpty else { throw spec.error("cycle needs a non-empty 'values' list") }
            // As before, fractions are cut and values below 1 mean 1; only what cannot be an Int is refused.
            let every = try number("everyRecords", 1)
            guard every.isFinite, abs(every) < Double(Int32.max) else {
                throw spec.error("everyRecords must be a whole number of records below \(Int32.max)")
            }
            return .cycle(values: values, every: max(1, Int(every)))
        case "constant":
            guard let value = object["value"] else { throw spec.error("constant needs 'value'") }
            return .constant(value)
        default:
            throw spec.error("unknown kind '\(kind)' (use sine, random, counter, cycle or constant)")
        }
    }

    private static func unit(_ state: inout UInt64) -> Double {
        Identifiers.unitInterval(&state)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
