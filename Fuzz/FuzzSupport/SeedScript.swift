/// A `DecisionSource` that answers from named values and records the bytes `FuzzInput` needs to answer alike:
/// how seed inputs of the structured targets are written. Decisions it has no value for take the first option.
public struct SeedScript: DecisionSource {
    /// One answer: an option's text (or free text when the option is `rawOption`).
    public typealias Answers = [String: String]

    private var rounds: [Answers]
    private var current: Answers = [:]
    /// The bytes recorded so far.
    public private(set) var recorded: [UInt8] = []

    /// A script over `rounds`, one set of answers per round (per request, for the gateway).
    public init(_ rounds: [Answers]) {
        self.rounds = rounds
    }

    /// Starts the next round of answers.
    public mutating func nextRound() {
        current = rounds.isEmpty ? [:] : rounds.removeFirst()
    }

    /// The index of the answer for `name` (the raw option for free text), recorded as one byte.
    public mutating func pick(_ name: String, _ options: [String]) -> Int {
        var index = 0
        if let wanted = current[name] {
            if let found = options.firstIndex(of: wanted) {
                index = found
            } else if let raw = options.firstIndex(of: rawOption) {
                index = raw
            } else {
                fatalError("seed answer '\(wanted)' for '\(name)' is none of \(options)")
            }
        }
        recorded.append(UInt8(index))
        return index
    }

    /// The answer for `name` as bytes, recorded with its two-byte length.
    public mutating func bytes(_ name: String) -> [UInt8] {
        let value = Array((current[name] ?? "").utf8)
        precondition(value.count <= 0xFFFF, "seed value for '\(name)' is too long")
        recorded.append(UInt8(value.count & 0xFF))
        recorded.append(UInt8(value.count >> 8))
        recorded.append(contentsOf: value)
        return value
    }
}
