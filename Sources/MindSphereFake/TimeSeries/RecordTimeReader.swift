/// Reads `_time` texts from request bytes exactly as `Timestamp.parseMicroseconds` does, remembering the last
/// date and time of day it read: records of a batch usually share their second, and then only the fraction is read.
struct RecordTimeReader {
    /// The length of `YYYY-MM-DDThh:mm:ss`.
    private static let headLength = 19
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
            guard let micros = readHead(text) else { return nil }
            head = Array(text[0..<Self.headLength])
            headMicroseconds = micros
        }
        guard let fraction = Self.fractionMicroseconds(text) else { return nil }
        return headMicroseconds + fraction
    }

    private func sameHead(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard head.count == Self.headLength else { return false }
        return head.withUnsafeBufferPointer { head in
            for offset in 0..<Self.headLength where head[offset] != text[offset] { return false }
            return true
        }
    }

    /// The date and time of day through `Timestamp`, as the whole second they name.
    private func readHead(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        for offset in 0..<Self.headLength where text[offset] >= 0x80 { return nil }
        let second = String(decoding: UnsafeBufferPointer(rebasing: text[0..<Self.headLength]), as: UTF8.self) + "Z"
        return Timestamp.parseMicroseconds(second)
    }

    /// What follows the second: `Z`, or `.` with 1 to 9 digits (the first six count) and `Z`; either letter case.
    private static func fractionMicroseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = headLength
        var fraction: Int64 = 0
        var digits = 0
        if text[index] == UInt8(ascii: ".") {
            index += 1
            while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
                if digits < 6 { fraction = fraction * 10 + Int64(text[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits >= 1 && digits <= 9 else { return nil }
        }
        guard index == text.count - 1, text[index] == UInt8(ascii: "Z") || text[index] == UInt8(ascii: "z") else {
            return nil
        }
        for _ in min(digits, 6)..<6 { fraction *= 10 }
        return fraction
    }
}
