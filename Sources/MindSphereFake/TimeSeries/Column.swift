/// One field of a series stored as a typed array plus a presence flag per record; no boxed values.
/// Exactly one of the value arrays is used, chosen by `storage`; absent entries hold a placeholder.
struct Column: Sendable {
    /// Which value array a column uses.
    enum Storage: Sendable, Equatable {
        /// `doubles`.
        case double
        /// `integers`.
        case integer
        /// `booleans`.
        case boolean
        /// `strings`.
        case string
    }

    /// The value array in use.
    let storage: Storage
    /// Values of DOUBLE fields.
    var doubles: [Double] = []
    /// Values of INT, LONG, TIMESTAMP (ms since 1970) and quality-code fields.
    var integers: [Int64] = []
    /// Values of BOOLEAN fields.
    var booleans: [Bool] = []
    /// Values of STRING and BIG_STRING fields.
    var strings: [String] = []
    /// Whether record `i` has a value.
    var present: [Bool] = []

    /// An empty column.
    init(storage: Storage, capacity: Int = 0) {
        self.storage = storage
        reserve(capacity)
    }

    /// The number of records.
    var count: Int { present.count }

    /// Makes room for `capacity` records.
    mutating func reserve(_ capacity: Int) {
        guard capacity > 0 else { return }
        present.reserveCapacity(capacity)
        switch storage {
        case .double: doubles.reserveCapacity(capacity)
        case .integer: integers.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(capacity)
        }
    }

    /// Appends an absent entry.
    mutating func appendAbsent() {
        present.append(false)
        switch storage {
        case .double: doubles.append(0)
        case .integer: integers.append(0)
        case .boolean: booleans.append(false)
        case .string: strings.append("")
        }
    }

    /// Appends `count` absent entries.
    mutating func appendAbsent(count: Int) {
        guard count > 0 else { return }
        present.append(contentsOf: repeatElement(false, count: count))
        switch storage {
        case .double: doubles.append(contentsOf: repeatElement(0, count: count))
        case .integer: integers.append(contentsOf: repeatElement(0, count: count))
        case .boolean: booleans.append(contentsOf: repeatElement(false, count: count))
        case .string: strings.append(contentsOf: repeatElement("", count: count))
        }
    }

    /// Appends all entries of `other` (same storage).
    mutating func append(contentsOf other: Column) {
        present.append(contentsOf: other.present)
        switch storage {
        case .double: doubles.append(contentsOf: other.doubles)
        case .integer: integers.append(contentsOf: other.integers)
        case .boolean: booleans.append(contentsOf: other.booleans)
        case .string: strings.append(contentsOf: other.strings)
        }
    }

    /// Inserts all entries of `other` (same storage) before entry `position`.
    mutating func insert(contentsOf other: Column, at position: Int) {
        present.insert(contentsOf: other.present, at: position)
        switch storage {
        case .double: doubles.insert(contentsOf: other.doubles, at: position)
        case .integer: integers.insert(contentsOf: other.integers, at: position)
        case .boolean: booleans.insert(contentsOf: other.booleans, at: position)
        case .string: strings.insert(contentsOf: other.strings, at: position)
        }
    }

    /// Appends entry `row` of `other` (same storage).
    mutating func append(from other: Column, row: Int) {
        present.append(other.present[row])
        switch storage {
        case .double: doubles.append(other.doubles[row])
        case .integer: integers.append(other.integers[row])
        case .boolean: booleans.append(other.booleans[row])
        case .string: strings.append(other.strings[row])
        }
    }

    /// Removes the entries in `range`.
    mutating func removeSubrange(_ range: Range<Int>) {
        present.removeSubrange(range)
        switch storage {
        case .double: doubles.removeSubrange(range)
        case .integer: integers.removeSubrange(range)
        case .boolean: booleans.removeSubrange(range)
        case .string: strings.removeSubrange(range)
        }
    }

    /// A copy of the entries in `range`.
    func slice(_ range: Range<Int>) -> Column {
        var copy = Column(storage: storage)
        copy.present = Array(present[range])
        switch storage {
        case .double: copy.doubles = Array(doubles[range])
        case .integer: copy.integers = Array(integers[range])
        case .boolean: copy.booleans = Array(booleans[range])
        case .string: copy.strings = Array(strings[range])
        }
        return copy
    }

    /// A copy holding the entries at `rows`, in that order.
    func gathering(_ rows: [Int]) -> Column {
        var copy = Column(storage: storage, capacity: rows.count)
        for row in rows { copy.append(from: self, row: row) }
        return copy
    }
}
