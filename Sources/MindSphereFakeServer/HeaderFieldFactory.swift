internal import CMicroHTTPD
import Glibc
import HTTPTypes
import MindSphereFake

/// Makes the `HTTPField`s of request headers as libmicrohttpd hands them over. Common names come from a table of
/// ready-made names; each thread remembers the header blocks and long values (a client's bearer token, sent with every
/// request) it saw recently and reuses their fields when exactly the same bytes come again, so they are not converted
/// and validated anew. Every result equals what `HTTPField(name:value:)` makes of the same bytes.
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
    /// Each thread's recent header blocks and long values; `nil` when caching is off.
    private let caches: ThreadLocal<ThreadHeaderCache>?

    /// A factory; `usesCaches: false` converts every header afresh (the general twin of the cached path).
    init(usesCaches: Bool = true) {
        names = Self.commonNames.map { (Array($0.utf8), HTTPField.Name($0)!) }
        caches = usesCaches ? ThreadLocal { ThreadHeaderCache() } : nil
    }

    /// The request headers of `connection` in the order received, with the framing they declare, or the refusal
    /// `rules` give them. A block equal byte for byte to one that passed before is answered from the thread's cache
    /// (only blocks checked with `requiresHost` are kept, so a cached verdict holds for every request).
    /// `fieldCount` is `RawHeaders.count(of: connection)`, counted once by the caller.
    func requestHead(
        of connection: OpaquePointer, fieldCount: Int, rules: RequestHeadRules, requiresHost: Bool
    )
        -> Result<(fields: HTTPFields, framing: RequestHeadRules.Framing), FakeError>
    {
        let capacity = max(RawHeaders.capacity, fieldCount)
        return withUnsafeTemporaryAllocation(of: RawHeaders.Header.self, capacity: capacity) { storage in
            let headers = RawHeaders(of: connection, storage: storage)
            let cache = caches?.value
            let fingerprint = headers.fingerprint
            if let block = cache?.block(matching: headers, fingerprint: fingerprint) { return .success((block.fields, block.framing)) }
            let framing: RequestHeadRules.Framing
            switch rules.check(headers, requiresHost: requiresHost) {
            case .success(let checked): framing = checked
            case .failure(let refusal): return .failure(refusal)
            }
            var list: [HTTPField] = []
            list.reserveCapacity(headers.count)
            for index in 0..<headers.count {
                let header = headers[index]
                if let field = field(key: header.key, value: header.value, cache: cache) { list.append(field) }
            }
            let fields = HTTPFields(list)
            if requiresHost { cache?.remember(fields, framing: framing, for: headers, fingerprint: fingerprint) }
            return .success((fields, framing))
        }
    }

    /// The field for one header, or `nil` when the name is not a valid field name.
    func field(key: UnsafePointer<CChar>, value: UnsafePointer<CChar>?) -> HTTPField? {
        field(key: key, value: value, cache: caches?.value)
    }

    private func field(key: UnsafePointer<CChar>, value: UnsafePointer<CChar>?, cache: ThreadHeaderCache?) -> HTTPField? {
        let keyBytes = UnsafeRawBufferPointer(start: key, count: strlen(key))
        guard let name = knownName(keyBytes) ?? HTTPField.Name(String(cString: key)) else { return nil }
        guard let value else { return HTTPField(name: name, value: "") }
        let valueBytes = UnsafeRawBufferPointer(start: value, count: strlen(value))
        guard let cache, valueBytes.count >= Self.reusedValueBytes else { return HTTPField(name: name, value: String(cString: value)) }
        if let cached = cache.longValue(named: name.rawName, bytes: valueBytes) { return cached }
        let field = HTTPField(name: name, value: String(cString: value))
        if field.withUnsafeBytesOfValue({ $0.count == valueBytes.count && memcmp($0.baseAddress!, value, $0.count) == 0 }) {
            cache.remember(field, forLongValue: valueBytes)
        }
        return field
    }

    /// The request-target as text (invalid UTF-8 repaired, as `String(cString:)` does). A target of more than 15
    /// bytes (shorter ones are kept inline, without an allocation) that this thread saw recently with exactly these
    /// bytes comes back as the same string: clients repeat their paths, and one string then serves every request
    /// and journal entry that names it.
    func target(_ uri: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeRawBufferPointer(start: uri, count: strlen(uri))
        guard let cache = caches?.value, bytes.count > 15 else { return String(cString: uri) }
        if let cached = cache.target(bytes: bytes) { return cached }
        var target = String(cString: uri)
        // Kept only when no byte was repaired: the cache answers for the incoming bytes, which must be the text's.
        if target.withUTF8({ ThreadHeaderCache.identical(UnsafeRawBufferPointer($0), bytes) }) {
            cache.remember(target: target, bytes: bytes)
        }
        return target
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
