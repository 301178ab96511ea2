/// Reads `_time` texts from request bytes exactly as `Timestamp.parseMicroseconds` does, remembering the last
/// date and time of day it read: records of a batch usually share their second, and then only the fraction is read.
struct RecordTimeReader {
    /// The length of `YYYY-MM-DDThh:mm:ss`.
    private static let headLength = Timestamp.headLength
    /// The `YYYY-MM-DDThh:mm:ss` bytes last read, or empty.
    private var head: [UInt8] = []
    /// Microseconds since 1970 of `head` (a whole second).
    private var headMicroseconds: Int64 = 0

    /// An empty reader.
    init() {}

    /// Microseconds since 1970 of the timestamp `text` (the bytes between the quotes), or `nil` when
    /// `Timestamp.parseMicroseconds` refuses it.
    mutating func microseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count > Self.headLength else { return nil }
        if !sameHead(text) {
            guard let seconds = Timestamp.headSeconds(text) else { return nil }
            head = Array(text[0..<Self.headLength])
            headMicroseconds = seconds * 1_000_000
        }
        guard let fraction = Timestamp.fractionMicroseconds(text) else { return nil }
        return headMicroseconds + fraction
    }

    private func sameHead(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard head.count == Self.headLength else { return false }
        return head.withUnsafeBufferPointer { head in
            for offset in 0..<Self.headLength where head[offset] != text[offset] { return false }
            return true
        }
    }
}
