import Glibc
import HTTPTypes

/// One libmicrohttpd thread's memory of recent request heads: whole header blocks a client sent before, long values
/// (a bearer token), and request-targets. Only its own thread touches it, so it needs no lock and its reference counts stay local.
final class ThreadHeaderCache {
    /// A header block seen before and the fields made of it. A class: a lookup then counts one reference, not one
    /// per member.
    final class Block {
        /// Per header: the name's length, then the value's length (-1 without a value).
        let lengths: [Int]
        /// The names' and values' bytes, one after the other.
        let bytes: [UInt8]
        /// The fields made of these bytes.
        let fields: HTTPFields
        /// The framing these bytes declare (they passed the server's head rules).
        let framing: RequestHeadRules.Framing

        init(lengths: [Int], bytes: [UInt8], fields: HTTPFields, framing: RequestHeadRules.Framing) {
            self.lengths = lengths
            self.bytes = bytes
            self.fields = fields
            self.framing = framing
        }
    }

    /// How many blocks and long values are kept (each a power of two).
    static let slots = 16

    private var blocks = [Block?](repeating: nil, count: slots)
    private var longValues = [HTTPField?](repeating: nil, count: slots)
    private var targets = [String?](repeating: nil, count: slots)

    /// A block with the same bytes as `headers`, if one was seen.
    func block(matching headers: RawHeaders, fingerprint: UInt64) -> Block? {
        guard let block = blocks[Self.slot(fingerprint)], block.lengths.count == 2 * headers.count else { return nil }
        let matches = block.bytes.withUnsafeBytes { stored in
            var offset = 0
            for index in 0..<headers.count {
                let header = headers[index]
                let valueLength = header.value == nil ? -1 : header.valueLength
                guard block.lengths[2 * index] == header.keyLength, block.lengths[2 * index + 1] == valueLength,
                    Self.equal(stored, offset, UnsafeRawPointer(header.key), header.keyLength)
                else { return false }
                offset += header.keyLength
                if let value = header.value {
                    guard Self.equal(stored, offset, UnsafeRawPointer(value), header.valueLength) else { return false }
                    offset += header.valueLength
                }
            }
            return true
        }
        return matches ? block : nil
    }

    /// Remembers the fields made of `headers` and the framing they declare.
    func remember(_ fields: HTTPFields, framing: RequestHeadRules.Framing, for headers: RawHeaders, fingerprint: UInt64) {
        var lengths: [Int] = []
        lengths.reserveCapacity(2 * headers.count)
        var bytes: [UInt8] = []
        for index in 0..<headers.count {
            let header = headers[index]
            lengths.append(header.keyLength)
            lengths.append(header.value == nil ? -1 : header.valueLength)
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: header.key, count: header.keyLength))
            if let value = header.value {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: value, count: header.valueLength))
            }
        }
        blocks[Self.slot(fingerprint)] = Block(lengths: lengths, bytes: bytes, fields: fields, framing: framing)
    }

    /// A long value's field seen before under this name (by raw name) with exactly these bytes, if any: a hit needs
    /// the whole stored value to equal the whole incoming one, so a prefix, a suffix or a near miss of a cached value
    /// (another client's token) is never taken for it.
    func longValue(named rawName: String, bytes: UnsafeRawBufferPointer) -> HTTPField? {
        guard let cached = longValues[Self.slot(of: bytes)], cached.name.rawName == rawName,
            cached.withUnsafeBytesOfValue({ Self.identical(UnsafeRawBufferPointer($0), bytes) })
        else { return nil }
        return cached
    }

    /// Remembers the field made of a long value's `bytes`.
    func remember(_ field: HTTPField, forLongValue bytes: UnsafeRawBufferPointer) {
        longValues[Self.slot(of: bytes)] = field
    }

    /// A request-target seen before with exactly these bytes (at least 8 of them), if any: like a long value, only a
    /// whole equal target is taken, never one sharing a prefix, a suffix or a length with the incoming one.
    func target(bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count >= 8, var cached = targets[Self.slot(of: bytes)] else { return nil }
        return cached.withUTF8 { Self.identical(UnsafeRawBufferPointer($0), bytes) } ? cached : nil
    }

    /// Remembers `target`, made of `bytes` (at least 8 of them).
    func remember(target: String, bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 8 else { return }
        targets[Self.slot(of: bytes)] = target
    }

    /// Whether two byte runs are the same length and the same bytes.
    static func identical(_ stored: UnsafeRawBufferPointer, _ incoming: UnsafeRawBufferPointer) -> Bool {
        stored.count == incoming.count && (incoming.isEmpty || memcmp(stored.baseAddress!, incoming.baseAddress!, incoming.count) == 0)
    }

    /// Whether `count` bytes of `stored` from `offset` equal those at `pointer` (and `stored` holds them all).
    private static func equal(_ stored: UnsafeRawBufferPointer, _ offset: Int, _ pointer: UnsafeRawPointer, _ count: Int) -> Bool {
        guard offset + count <= stored.count else { return false }
        return count == 0 || memcmp(stored.baseAddress! + offset, pointer, count) == 0
    }

    private static func slot(_ fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: fingerprint >> 60) & (slots - 1)
    }

    /// The slot of a long value: its length and last eight bytes, mixed.
    private static func slot(of bytes: UnsafeRawBufferPointer) -> Int {
        let tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        return slot((tail ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15)
    }
}
