public import HTTPTypes
import Synchronization

/// The last requests and responses of the API (not of the control plane), in a ring of fixed capacity. Recording
/// costs one lock and a copy of at most `bodyPrefixBytes` of each body; secrets are masked when entries are read.
public final class RequestJournal: Sendable {
    /// One exchange.
    public struct Entry: Sendable {
        /// Position in the journal since the last reset, from 1.
        public var sequence: Int
        /// When it was served, on the fake's clock (ms since 1970).
        public var timeMilliseconds: Int64
        /// The request method.
        public var method: String
        /// The request-target as sent (path and query).
        public var target: String
        /// The decoded path.
        public var path: String
        /// The request headers.
        public var requestHeaders: HTTPFields
        /// The first bytes of the request body.
        public var requestBody: [UInt8]
        /// The full size of the request body.
        public var requestBodyBytes: Int
        /// The response status code (0 when the connection was dropped).
        public var status: Int
        /// The response headers.
        public var responseHeaders: HTTPFields
        /// The first bytes of the response body.
        public var responseBody: [UInt8]
        /// The full size of the response body.
        public var responseBodyBytes: Int
        /// The id of the fault rule that hit the request, if any.
        public var faultID: String?
    }

    private struct Ring {
        var entries: [Entry] = []
        var head = 0
        var sequence = 0
    }

    /// At most this many entries are kept; older ones are overwritten.
    public let capacity: Int
    /// At most this many bytes of each body are kept.
    public let bodyPrefixBytes: Int
    private let ring = Mutex(Ring())

    /// A journal of `capacity` entries keeping `bodyPrefixBytes` of each body.
    public init(capacity: Int = 1000, bodyPrefixBytes: Int = 4096) {
        self.capacity = max(0, capacity)
        self.bodyPrefixBytes = max(0, bodyPrefixBytes)
    }

    /// Records one exchange.
    public func record(_ request: FakeRequest, path: String, response: FakeResponse, nowMilliseconds: Int64, faultID: String?) {
        record(
            method: request.method.rawValue, target: request.target, path: path, headerFields: request.headerFields,
            body: request.body, response: response, nowMilliseconds: nowMilliseconds, faultID: faultID)
    }

    /// Records one exchange whose method may be no valid HTTP method (a request the transport refused).
    func record(
        method: String, target: String, path: String, headerFields: HTTPFields, body: [UInt8],
        response: FakeResponse, nowMilliseconds: Int64, faultID: String?
    ) {
        guard capacity > 0 else { return }
        var entry = Entry(
            sequence: 0, timeMilliseconds: nowMilliseconds, method: method, target: target,
            path: path, requestHeaders: headerFields, requestBody: prefix(of: body),
            requestBodyBytes: body.count, status: response.transport.dropConnection ? 0 : response.status.code,
            responseHeaders: response.headerFields, responseBody: prefix(of: response.body),
            responseBodyBytes: response.body.count, faultID: faultID)
        ring.withLock { ring in
            ring.sequence += 1
            entry.sequence = ring.sequence
            if ring.entries.count < capacity {
                ring.entries.append(entry)
                return
            }
            // Exchanged, not copied: the new entry goes in and the oldest comes out into `entry` without counting a
            // reference of either one's members (a copy would count each of them up and down again).
            swap(&ring.entries[ring.head], &entry)
            ring.head = (ring.head + 1) % capacity
        }
        // `entry` now holds the oldest entry (or the appended one's second reference), freed here after the lock.
    }

    /// The body itself when it fits (arrays share storage, so that costs no copy), else its first bytes.
    private func prefix(of body: [UInt8]) -> [UInt8] {
        body.count <= bodyPrefixBytes ? body : Array(body.prefix(bodyPrefixBytes))
    }

    /// The entries, oldest first, whose path contains `pathContains` and whose status matches `status` (`"429"`,
    /// or a class such as `"4xx"`), the newest `limit` of them; secrets masked.
    public func entries(pathContains: String? = nil, status: String? = nil, limit: Int = 100) -> [Entry] {
        let all = ring.withLock { ring in Array(ring.entries[ring.head...] + ring.entries[..<ring.head]) }
        let statusFilter = status.flatMap(StatusFilter.init)
        var selected = all.filter { entry in
            // The target is searched with its secrets masked, so the filter cannot be used to guess them.
            if let pathContains, !pathContains.isEmpty,
                !entry.path.contains(pathContains) && !SecretMasker.maskedTarget(entry.target).contains(pathContains)
            {
                return false
            }
            if let statusFilter, !statusFilter.matches(entry.status) { return false }
            return true
        }
        if selected.count > limit { selected.removeFirst(selected.count - max(0, limit)) }
        return selected.map(SecretMasker.masked)
    }

    /// Forgets every entry and restarts the sequence.
    public func clear() {
        ring.withLock { $0 = Ring() }
    }

    /// A status filter: an exact code, or a class like `4xx`.
    struct StatusFilter {
        let low: Int
        let high: Int

        init?(_ text: String) {
            let lower = text.lowercased()
            if lower.count == 3, lower.hasSuffix("xx"), let digit = Int(lower.prefix(1)) {
                low = digit * 100
                high = digit * 100 + 99
            } else if let code = Int(text) {
                low = code
                high = code
            } else {
                return nil
            }
        }

        func matches(_ status: Int) -> Bool { (low...high).contains(status) }
    }
}
