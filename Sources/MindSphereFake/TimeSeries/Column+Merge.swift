/// Single-entry edits a merging write (PATCH) makes in a stored column.
extension Column {
    /// Makes entry `index` a copy of entry `row` of `other` (same storage).
    mutating func replace(at index: Int, from other: Column, row: Int) {
        present[index] = other.present[row]
        switch storage {
        case .double: doubles[index] = other.doubles[row]
        case .integer: integers[index] = other.integers[row]
        case .boolean: booleans[index] = other.booleans[row]
        case .string: strings[index] = other.strings[row]
        }
    }

    /// Makes entry `index` absent (its value becomes the placeholder).
    mutating func replaceWithAbsent(at index: Int) {
        present[index] = false
        switch storage {
        case .double: doubles[index] = 0
        case .integer: integers[index] = 0
        case .boolean: booleans[index] = false
        case .string: strings[index] = ""
        }
    }

    /// Inserts a copy of entry `row` of `other` (same storage) before entry `index`.
    mutating func insert(from other: Column, row: Int, at index: Int) {
        present.insert(other.present[row], at: index)
        switch storage {
        case .double: doubles.insert(other.doubles[row], at: index)
        case .integer: integers.insert(other.integers[row], at: index)
        case .boolean: booleans.insert(other.booleans[row], at: index)
        case .string: strings.insert(other.strings[row], at: index)
        }
    }

    /// Inserts an absent entry before entry `index`.
    mutating func insertAbsent(at index: Int) {
        present.insert(false, at: index)
        switch storage {
        case .double: doubles.insert(0, at: index)
        case .integer: integers.insert(0, at: index)
        case .boolean: booleans.insert(false, at: index)
        case .string: strings.insert("", at: index)
        }
    }
}
