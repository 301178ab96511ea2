/// Where a structured fuzz target gets its decisions: from the fuzzer's bytes (`FuzzInput`) or, to write the seed
/// corpus, from a script of named answers (`SeedScript`) that records the bytes which make `FuzzInput` decide alike.
/// Both run the same decoding code, so committed seeds always decode to what they were written for.
public protocol DecisionSource {
    /// The index of the option taken for the decision `name` (at most 256 options).
    mutating func pick(_ name: String, _ options: [String]) -> Int
    /// Free bytes for `name` (at most 65,535).
    mutating func bytes(_ name: String) -> [UInt8]
    /// Marks the start of the next group of decisions (the next request, for the gateway).
    mutating func nextRound()
}

/// The text `"<raw>"`, as an option: the value is taken from `DecisionSource.bytes` instead.
public let rawOption = "<raw>"

extension DecisionSource {
    /// Nothing to do for sources without named rounds.
    public mutating func nextRound() {}

    /// The option taken for `name`; when it is `rawOption`, the free bytes as text.
    public mutating func value(_ name: String, _ options: [String]) -> String {
        let option = options[pick(name, options)]
        guard option == rawOption else { return option }
        return String(decoding: bytes(name), as: UTF8.self)
    }

    /// A count from 0 through `maximum`.
    public mutating func count(_ name: String, upTo maximum: Int) -> Int {
        pick(name, (0...maximum).map(String.init))
    }
}

extension FuzzInput: DecisionSource {
    /// The next byte modulo the number of options.
    public mutating func pick(_ name: String, _ options: [String]) -> Int {
        choice(options.count)
    }

    /// A run of bytes whose length is the next two bytes (little endian), as far as the input reaches.
    public mutating func bytes(_ name: String) -> [UInt8] {
        let length = Int(byte()) | Int(byte()) << 8
        return take(length)
    }
}
