/// One aggregation interval length: `intervalValue` times `intervalUnit`, e.g. 2 minute or 1 day.
struct AggregateInterval: Sendable, Equatable, CustomStringConvertible {
    /// The unit.
    let unit: AggregateUnit
    /// How many units one interval spans (at least 1).
    let value: Int

    /// `2 minute`, as the documentation writes interval lengths.
    var description: String { "\(value) \(unit.rawValue)" }

    /// The length in microseconds when the unit has a fixed length.
    var fixedMicroseconds: Int64? { unit.fixedMicroseconds.map { $0 * Int64(value) } }
}
