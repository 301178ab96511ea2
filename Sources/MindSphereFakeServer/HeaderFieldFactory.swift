internal import CMicroHTTPD
import Glibc
import HTTPTypes
import Synchronization

/// Makes the `HTTPField`s of request headers as libmicrohttpd hands them over. Common names come from a table of
/// ready-made names, and long values seen recently (a client's bearer token, sent with every request) are reused
/// once their bytes compare equal, so they are not converted and validated again. Every field equals what
/// `HTTPField(name:value:)` makes of the same bytes.
final class HeaderFieldFactory: Sendable {
    /// Field names clients commonly send, in the spelling they use.
    private static let commonNames = [
        "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Connection", "Authorization",
        "Content-Type", "Content-Length", "X-SPACE-AUTH-KEY", "If-Match", "If-None-Match", "Cache-Control",
        "host", "user-agent", "accept", "accept-encoding", "connection", "authorization", "content-type",
        "content-length", "if-match", "if-none-match",
    ]
    /// Values at least this long are looked up among the recent ones.
    private static let reusedValueBytes = 64
    /// How many recent long fields are kept (a power of two).
    private static let recentSlots = 64

    private let names: [(bytes: [UInt8], name: HTTPField.Name)]
    private let recent: Mutex<[HTTPField?]>

    init() {
        names = Self.commonNames.map { (Array($0.utf8), HTTPField.Name($0)!) }
        recent = Mutex([HTTPField?](repeating: nil, count: Self.recentSlots))
    }

    /// The request headers of `connection`, in the order received.
    func headerFields(of connection: OpaquePointer) -> HTTPFields {
        var collector = (factory: Unmanaged.passUnretained(self), fields: [HTTPField]())
        collector.fields.reserveCapacity(8)
        withUnsafeMutablePointer(to: &collector) { pointer in
            _ = MHD_get_connection_values(connection, MHD_ValueKind.HEADER_KIND, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let collector = cls.assumingMemoryBound(to: (factory: Unmanaged<HeaderFieldFactory>, fields: [HTTPField]).self)
                if let field = collector.pointee.factory.takeUnretainedValue().field(key: key, value: value) {
                    collector.pointee.fields.append(field)
                }
                return .YES
            }, pointer)
        }
        return HTTPFields(collector.fields)
    }

    /// The field for one header, or `nil` when the name is not a valid field name.
    func field(key: UnsafePointer<CChar>, value: UnsafePointer<CChar>?) -> HTTPField? {
        let keyBytes = UnsafeRawBufferPointer(start: key, count: strlen(key))
        guard let name = knownName(keyBytes) ?? HTTPField.Name(String(cString: key)) else { return nil }
        guard let value else { return HTTPField(name: name, value: "") }
        let valueBytes = UnsafeRawBufferPointer(start: value, count: strlen(value))
        guard valueBytes.count >= Self.reusedValueBytes else { return HTTPField(name: name, value: String(cString: value)) }
        let slot = Self.slot(of: valueBytes)
        if let cached = recent.withLock({ $0[slot] }), cached.name.rawName == name.rawName,
           cached.withUnsafeBytesOfValue({ Self.equal($0, valueBytes) }) {
            return cached
        }
        let field = HTTPField(name: name, value: String(cString: value))
        if field.withUnsafeBytesOfValue({ Self.equal($0, valueBytes) }) {
            recent.withLock { $0[slot] = field }
        }
        return field
    }

    private func knownName(_ bytes: UnsafeRawBufferPointer) -> HTTPField.Name? {
        for entry in names where entry.bytes.count == bytes.count {
            if entry.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return entry.name
            }
        }
        return nil
    }

    /// The slot of a long value: its length and last eight bytes, mixed.
    private static func slot(of bytes: UnsafeRawBufferPointer) -> Int {
        let tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        let mixed = (tail ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 58) & (recentSlots - 1)
    }

    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ received: UnsafeRawBufferPointer) -> Bool {
        stored.count == received.count && memcmp(stored.baseAddress!, received.baseAddress!, received.count) == 0
    }
}
