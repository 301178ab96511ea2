/// A fuzzer's input read as a sequence of decisions: every byte string decodes to something valid, so mutations
/// change which routes, headers and bodies a target builds instead of being refused at the first byte.
/// Reads past the end give zeros, the first choice of every decision.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    /// An input over `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, or 0 at the end.
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number in `0..<bound` from the next byte.
    public mutating func choice(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(byte()) % bound
    }

    /// One of `options`, picked by the next byte.
    public mutating func pick<T>(_ options: [T]) -> T {
        options[choice(options.count)]
    }

    /// The next `length` bytes, or as many as are left.
    public mutating func take(_ length: Int) -> [UInt8] {
        let start = min(index, bytes.count)
        let end = min(start + length, bytes.count)
        index = end
        return Array(bytes[start..<end])
    }

    /// Every byte not read yet.
    public mutating func rest() -> [UInt8] {
        guard index < bytes.count else { return [] }
        defer { index = bytes.count }
        return Array(bytes[index...])
    }
}
