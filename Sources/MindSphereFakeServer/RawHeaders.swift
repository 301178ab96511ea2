internal import CMicroHTTPD
import Glibc

/// The request headers of one connection as libmicrohttpd holds them: pointers to its NUL-terminated bytes, valid while
/// the request is being answered, with their lengths, kept in storage the caller provides (`count(of:)` says how much).
struct RawHeaders {
    /// One header.
    struct Header {
        /// The name, NUL-terminated.
        var key: UnsafePointer<CChar>
        /// The name's length in bytes.
        var keyLength: Int
        /// The value, NUL-terminated, or `nil` when libmicrohttpd has none.
        var value: UnsafePointer<CChar>?
        /// The value's length in bytes (0 without a value).
        var valueLength: Int

        /// The name's bytes.
        var keyBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: key, count: keyLength) }
        /// The value's bytes (empty without a value).
        var valueBytes: UnsafeRawBufferPointer {
            value.map { UnsafeRawBufferPointer(start: $0, count: valueLength) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
        }
    }

    /// How many headers callers make room for at least (more when a request has more).
    static let capacity = 32

    private let storage: UnsafeMutableBufferPointer<Header>
    /// The number of headers kept.
    private(set) var count = 0

    /// The number of headers `connection`'s request has.
    static func count(of connection: OpaquePointer) -> Int {
        Int(MHD_get_connection_values_n(connection, MHD_ValueKind.HEADER_KIND, nil, nil))
    }

    /// The headers of `connection`, kept in `storage` (at most `storage.count` of them).
    ///
    /// The lengths are the ones libmicrohttpd measured when it parsed the head, so nothing is measured again.
    init(of connection: OpaquePointer, storage: UnsafeMutableBufferPointer<Header>) {
        self.storage = storage
        withUnsafeMutablePointer(to: &self) { pointer in
            _ = MHD_get_connection_values_n(
                connection, MHD_ValueKind.HEADER_KIND,
                { cls, _, key, keyLength, value, valueLength in
                    guard let cls, let key else { return .YES }
                    cls.assumingMemoryBound(to: RawHeaders.self).pointee.append(
                        key: key, keyLength: keyLength, value: value, valueLength: valueLength)
                    return .YES
                }, pointer)
        }
    }

    private mutating func append(key: UnsafePointer<CChar>, keyLength: Int, value: UnsafePointer<CChar>?, valueLength: Int) {
        guard count < storage.count else { return }
        storage[count] = Header(key: key, keyLength: keyLength, value: value, valueLength: value == nil ? 0 : valueLength)
        count += 1
    }

    /// Header `index`.
    subscript(index: Int) -> Header { storage[index] }

    /// A cheap fingerprint of the block: count, lengths and the last bytes of each value.
    var fingerprint: UInt64 {
        var mixed = UInt64(count)
        for index in 0..<count {
            let header = storage[index]
            mixed = (mixed ^ UInt64(header.keyLength << 20 | header.valueLength)) &* 0x9E37_79B9_7F4A_7C15
            if let value = header.value, header.valueLength >= 8 {
                let tail = UnsafeRawPointer(value).loadUnaligned(fromByteOffset: header.valueLength - 8, as: UInt64.self)
                mixed = (mixed ^ tail) &* 0x9E37_79B9_7F4A_7C15
            }
        }
        return mixed
    }
}
