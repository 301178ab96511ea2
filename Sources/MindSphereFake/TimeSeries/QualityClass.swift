/// The class of a `<variable>_qc` quality code by its OPC UA severity bits (the top two of 32): 00 good,
/// 01 uncertain, 10 and 11 bad (assumption `agg.quality-classes`). A value without a quality code is good.
enum QualityClass: Sendable {
    case good
    case uncertain
    case bad

    /// The class of quality code `code` (0...4294967295).
    init(code: Int64) {
        switch (code >> 30) & 3 {
        case 0: self = .good
        case 1: self = .uncertain
        default: self = .bad
        }
    }
}
