/// The record keys of a layout's current fields as UTF-8 bytes, to find a field's column from a key in request bytes.
struct FieldKeyTable: Sendable {
    /// The UTF-8 bytes of each key, in output order.
    private let names: [[UInt8]]
    /// The column of each key, parallel to `names`.
    let columns: [Int]

    /// The keys of `fields` at `order` (column indices).
    init(fields: [SeriesLayout.Field], order: [Int]) {
        names = order.map { Array(fields[$0].name.utf8) }
        columns = order
    }

    /// The position of `key` in the table, looked for from `hint` on (wrapping around), or `nil` for an unknown key.
    /// Records usually list their fields in the same order, so passing the position after the previous key's makes
    /// the first comparison the match.
    func position(of key: UnsafeBufferPointer<UInt8>, from hint: Int) -> Int? {
        let count = names.count
        var position = hint < count ? hint : 0
        for _ in 0..<count {
            if Self.equal(names[position], key) { return position }
            position += 1
            if position == count { position = 0 }
        }
        return nil
    }

    private static func equal(_ name: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == key.count else { return false }
        return name.withUnsafeBufferPointer { name in
            for offset in 0..<name.count where name[offset] != key[offset] { return false }
            return true
        }
    }
}
