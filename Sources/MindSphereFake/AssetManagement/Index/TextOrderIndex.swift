/// One text field of the assets (name, externalId) as slots sorted by the text's UTF-8 bytes, so `startsWith` and
/// `equals` find their matches by binary search.
///
/// Bytes are not how Swift compares strings (canonical equivalence: `"\u{212A}" == "K"`), so the index only vouches
/// for *plain* texts (ASCII without CR, where bytes and characters agree) against an ASCII operand; every other
/// text is left to the filter to test, and a non-ASCII operand is not served at all.
struct TextOrderIndex: Sendable {
    private var entries: [(text: String, slot: Int)] = []
    /// The slots whose text is not plain.
    private(set) var nonPlain = SlotSet()

    /// Adds `text` of `slot`.
    mutating func insert(_ text: String, slot: Int) {
        entries.insert((text: text, slot: slot), at: lowerBound(text, slot: slot))
        if !Self.isPlain(text) { nonPlain.insert(slot) }
    }

    /// Removes `text` of `slot` (as it was inserted).
    mutating func remove(_ text: String, slot: Int) {
        let position = lowerBound(text, slot: slot)
        if position < entries.count, entries[position].slot == slot { entries.remove(at: position) }
        nonPlain.remove(slot)
    }

    /// The candidates of `startsWith: operand` (or `equals: operand` when `exact`), or `nil` when the operand is
    /// not ASCII.
    func candidates(_ operand: String, exact: Bool) -> AssetCandidates? {
        var bytes = operand
        return bytes.withUTF8 { operandBytes in
            guard operandBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return candidates(UnsafeRawBufferPointer(operandBytes), text: operand, exact: exact)
        }
    }

    private func candidates(_ operand: UnsafeRawBufferPointer, text operandText: String, exact: Bool) -> AssetCandidates {
        var sure = SlotSet()
        var position = lowerBound(operandText, slot: -1)
        while position < entries.count {
            let entry = entries[position]
            var text = entry.text
            let hit = text.withUTF8 { bytes in
                (exact ? bytes.count == operand.count : bytes.count >= operand.count)
                    && ByteComparison.equal(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<operand.count]), operand)
            }
            guard hit else { break }
            if !nonPlain.contains(entry.slot) { sure.insert(entry.slot) }
            position += 1
        }
        return AssetCandidates(sure: sure, maybe: nonPlain)
    }

    /// Whether byte and character comparison agree on `text` against any ASCII operand.
    static func isPlain(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }

    /// The first position whose entry is not before (`text`, `slot`).
    private func lowerBound(_ text: String, slot: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            let before =
                entry.text.utf8.elementsEqual(text.utf8)
                ? entry.slot < slot : entry.text.utf8.lexicographicallyPrecedes(text.utf8)
            if before { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
