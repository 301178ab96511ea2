/// Writes bits most significant first into bytes, and LEB128 varints at byte boundaries: the building blocks of
/// `PackedColumns`.
struct BitWriter {
    /// The finished bytes.
    private(set) var bytes: [UInt8] = []
    /// Bits not yet in `bytes`, from the most significant bit down.
    private var accumulator: UInt64 = 0
    private var used = 0

    /// An empty writer.
    init() {}

    /// Appends the low `bits` bits of `value` (1 to 64), most significant first.
    mutating func write(_ value: UInt64, bits: Int) {
        var remaining = bits
        while remaining > 0 {
            let free = 64 - used
            let take = min(free, remaining)
            let shifted = remaining - take == 0 ? value : value >> UInt64(remaining - take)
            let chunk = take == 64 ? shifted : shifted & ((1 << UInt64(take)) - 1)
            if free - take < 64 { accumulator |= chunk << UInt64(free - take) }
            used += take
            remaining -= take
            if used == 64 { flush() }
        }
    }

    /// Appends one bit.
    mutating func write(bit: Bool) {
        write(bit ? 1 : 0, bits: 1)
    }

    /// Pads the bits written so far to a whole byte.
    mutating func alignToByte() {
        let whole = (used + 7) / 8
        for index in 0..<whole { bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt64(56 - 8 * index))) }
        accumulator = 0
        used = 0
    }

    /// Appends `value` as an unsigned LEB128 varint (after padding to a byte).
    mutating func write(varint value: UInt64) {
        alignToByte()
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends raw bytes (after padding to a byte).
    mutating func write(bytes more: some Sequence<UInt8>) {
        alignToByte()
        bytes.append(contentsOf: more)
    }

    /// The bytes written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        // A sealed chunk keeps these bytes for its life: copy them into storage of their own size, not the doubling
        // capacity the appends left behind.
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
    }

    private mutating func flush() {
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt64(56 - 8 * index))) }
        accumulator = 0
        used = 0
    }

    /// `value` with its sign in the lowest bit, so values near zero either side are small.
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
