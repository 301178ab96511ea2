/// Reads what `BitWriter` wrote: bits most significant first and LEB128 varints at byte boundaries.
struct BitReader {
    private let bytes: [UInt8]
    /// The next bit to read.
    private var position: Int

    /// A reader of `bytes` from byte `offset`.
    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        position = offset * 8
    }

    /// The next `bits` bits (1 to 64) as the low bits of the result.
    mutating func read(_ bits: Int) -> UInt64 {
        var result: UInt64 = 0
        var remaining = bits
        while remaining > 0 {
            let byte = UInt64(bytes[position >> 3])
            let available = 8 - (position & 7)
            let take = min(available, remaining)
            let chunk = (byte >> UInt64(available - take)) & ((1 << UInt64(take)) - 1)
            result = take == 64 ? chunk : (result << UInt64(take)) | chunk
            position += take
            remaining -= take
        }
        return result
    }

    /// The next bit.
    mutating func readBit() -> Bool {
        let byte = bytes[position >> 3]
        let bit = (byte >> UInt8(7 - (position & 7))) & 1
        position += 1
        return bit == 1
    }

    /// Skips to the next byte boundary.
    mutating func alignToByte() {
        position = (position + 7) & ~7
    }

    /// The next unsigned LEB128 varint (after skipping to a byte boundary).
    mutating func readVarint() -> UInt64 {
        alignToByte()
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[position >> 3]
            position += 8
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// The next `count` bytes (after skipping to a byte boundary).
    mutating func readBytes(_ count: Int) -> ArraySlice<UInt8> {
        alignToByte()
        let start = position >> 3
        position += count * 8
        return bytes[start..<(start + count)]
    }

    /// The value `BitWriter.zigzag` made `value` from.
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
