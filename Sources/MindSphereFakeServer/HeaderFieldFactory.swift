internal import CMicroHTTPD
import Glibc
import HTTPTypes

/// Makes the `HTTPField`s of request headers as libmicrohttpd hands them over. Common names come from a table of
/// ready-made names; each thread remembers the header blocks and long values (a client's bearer token, sent with every
/// request) it saw recently and reuses their fields when the same bytes come again, so they are not converted and
/// validated anew. Every result equals what `HTTPField(name:value:)` makes of the same bytes.
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

    private let names: [(bytes: [UInt8], name: HTTPField.Name)]
    /// Each thread's recent header blocks and long values.
    private let caches = ThreadLocal { ThreadHeaderCache() }

    init() {
        names = Self.commonNames.map { (Array($0.utf8), HTTPField.Name($0)!) }
    }

    /// The request headers of `connection`, in the order received.
    func headerFields(of connection: OpaquePointer) -> HTTPFields {
        withUnsafeTemporaryAllocation(of: RawHeaders.Header.self, capacity: RawHeaders.capacity) { storage in
            let headers = RawHeaders(of: connection, storage: storage)
            if headers.overflowed { return allFields(of: connection) }
            let cache = caches.value
            let fingerprint = headers.fingerprint
            if let fields = cache.fields(matching: headers, fingerprint: fingerprint) { return fields }
            var list: [HTTPField] = []
            list.reserveCapacity(headers.count)
            for index in 0..<headers.count {
                let header = headers[index]
                if let field = field(key: header.key, value: header.value, cache: cache) { list.append(field) }
            }
            let fields = HTTPFields(list)
            cache.remember(fields, for: headers, fingerprint: fingerprint)
            return fields
        }
    }

    /// The field for one header, or `nil` when the name is not a valid field name.
    func field(key: UnsafePointer<CChar>, value: UnsafePointer<CChar>?) -> HTTPField? {
        field(key: key, value: value, cache: caches.value)
    }

    /// Every header of a request with more headers than `RawHeaders` keeps, made one by one.
    private func allFields(of connection: OpaquePointer) -> HTTPFields {
        var collector = (factory: Unmanaged.passUnretained(self), fields: [HTTPField]())
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

    private func field(key: UnsafePointer<CChar>, value: UnsafePointer<CChar>?, cache: ThreadHeaderCache) -> HTTPField? {
        let keyBytes = UnsafeRawBufferPointer(start: key, count: strlen(key))
        guard let name = knownName(keyBytes) ?? HTTPField.Name(String(cString: key)) else { return nil }
        guard let value else { return HTTPField(name: name, value: "") }
        let valueBytes = UnsafeRawBufferPointer(start: value, count: strlen(value))
        guard valueBytes.count >= Self.reusedValueBytes else { return HTTPField(name: name, value: String(cString: value)) }
        if let cached = cache.longValue(named: name.rawName, bytes: valueBytes) { return cached }
        let field = HTTPField(name: name, value: String(cString: value))
        if field.withUnsafeBytesOfValue({ $0.count == valueBytes.count && memcmp($0.baseAddress!, value, $0.count) == 0 }) {
            cache.remember(field, forLongValue: valueBytes)
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
}
