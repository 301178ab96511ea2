@testable import MindSphereFake

/// Column and slice equality for storage tests: presence, then each present value (doubles by their bits, so -0.0
/// and 0.0 differ) and the placeholder of each absent one.
enum ColumnComparison {
    /// Whether `a` and `b` hold the same entries.
    static func same(_ a: Column, _ b: Column) -> Bool {
        guard a.storage == b.storage, a.present == b.present else { return false }
        switch a.storage {
        case .double: return a.doubles.map(\.bitPattern) == b.doubles.map(\.bitPattern)
        case .integer: return a.integers == b.integers
        case .boolean: return a.booleans == b.booleans
        case .string: return a.strings == b.strings
        }
    }

    /// Whether `a` and `b` hold the same records.
    static func same(_ a: SeriesSlice, _ b: SeriesSlice) -> Bool {
        a.times == b.times && a.fieldIndices == b.fieldIndices && a.columns.count == b.columns.count
            && zip(a.columns, b.columns).allSatisfy { same($0, $1) }
    }
}
