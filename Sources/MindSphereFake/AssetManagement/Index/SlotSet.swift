/// A set of asset-table slots as a bitset: the currency of the asset indexes, because intersecting or uniting two
/// sets over 10,000 assets touches 157 words instead of hashing 10,000 ids.
struct SlotSet: Sendable, Equatable {
    private var words: [UInt64] = []

    /// The empty set.
    init() {}

    /// The slots `0..<count`.
    init(allBelow count: Int) {
        words = Array(repeating: ~0, count: count / 64)
        if count % 64 != 0 { words.append((1 << UInt64(count % 64)) - 1) }
    }

    /// Whether `slot` is in the set.
    func contains(_ slot: Int) -> Bool {
        let word = slot >> 6
        return word < words.count && words[word] & (1 << UInt64(slot & 63)) != 0
    }

    /// Adds `slot`.
    mutating func insert(_ slot: Int) {
        let word = slot >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(slot & 63)
    }

    /// Removes `slot`.
    mutating func remove(_ slot: Int) {
        let word = slot >> 6
        guard word < words.count else { return }
        words[word] &= ~(1 << UInt64(slot & 63))
    }

    /// How many slots the set holds.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether the set holds no slot.
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The slots in either set.
    func union(_ other: SlotSet) -> SlotSet {
        var result = words.count >= other.words.count ? self : other
        let smaller = words.count >= other.words.count ? other.words : words
        for index in smaller.indices { result.words[index] |= smaller[index] }
        return result
    }

    /// The slots in both sets.
    func intersection(_ other: SlotSet) -> SlotSet {
        var result = SlotSet()
        result.words = zip(words, other.words).map { $0 & $1 }
        return result
    }

    /// The slots of this set that are not in `other`.
    func subtracting(_ other: SlotSet) -> SlotSet {
        var result = self
        for index in result.words.indices where index < other.words.count { result.words[index] &= ~other.words[index] }
        return result
    }

    /// The slots in ascending order.
    var slots: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                result.append(index << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }

    static func == (left: SlotSet, right: SlotSet) -> Bool {
        let length = max(left.words.count, right.words.count)
        for index in 0..<length {
            let a = index < left.words.count ? left.words[index] : 0
            let b = index < right.words.count ? right.words[index] : 0
            if a != b { return false }
        }
        return true
    }
}
