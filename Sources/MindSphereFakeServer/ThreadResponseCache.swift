internal import CMicroHTTPD
import HTTPTypes

/// One libmicrohttpd thread's recently made responses, kept for bodies the core hands out again (a cached asset
/// rendering): a response for the same body storage and the same headers is queued again instead of being built and
/// copied anew, as a C server shares one response. Only its own thread touches it.
final class ThreadResponseCache {
    /// A class: scanning the entries then counts one reference per entry, not one per member.
    private final class Entry {
        /// The body; holding it keeps its storage, so equal storage means equal bytes.
        let body: [UInt8]
        let headerFields: HTTPFields
        let response: OpaquePointer

        init(body: [UInt8], headerFields: HTTPFields, response: OpaquePointer) {
            self.body = body
            self.headerFields = headerFields
            self.response = response
        }
    }

    /// How many responses are kept.
    private static let slots = 4
    /// Larger bodies are not kept.
    private static let largestBody = 64 * 1024

    private var entries = [Entry?](repeating: nil, count: slots)
    private var nextSlot = 0

    deinit {
        for entry in entries {
            if let entry { MHD_destroy_response(entry.response) }
        }
    }

    /// A libmicrohttpd response with `headerFields` and `body`, and whether the caller owns it (and must destroy it
    /// after queueing); a kept response stays owned by the cache.
    func response(headerFields: HTTPFields, body: [UInt8]) -> (response: OpaquePointer, owned: Bool)? {
        let storage = Self.storage(of: body)
        if storage != nil {
            for entry in entries {
                if let entry, Self.storage(of: entry.body) == storage, entry.body.count == body.count,
                    entry.headerFields == headerFields
                {
                    return (entry.response, false)
                }
            }
        }
        guard let created = Self.make(headerFields: headerFields, body: body) else { return nil }
        guard storage != nil, body.count <= Self.largestBody else { return (created, true) }
        if let evicted = entries[nextSlot] { MHD_destroy_response(evicted.response) }
        entries[nextSlot] = Entry(body: body, headerFields: headerFields, response: created)
        nextSlot = (nextSlot + 1) % Self.slots
        return (created, false)
    }

    /// A new response with a copy of `body`.
    static func make(headerFields: HTTPFields, body: [UInt8]) -> OpaquePointer? {
        let response = body.withUnsafeBytes { buffer in
            // libmicrohttpd copies the bytes (RESPMEM_MUST_COPY) and never writes through this pointer.
            MHD_create_response_from_buffer(
                buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
        }
        guard let response else { return nil }
        for field in headerFields {
            _ = MHD_add_response_header(response, field.name.rawName, field.value)
        }
        return response
    }

    /// The address of a non-empty body's storage (empty arrays share one).
    private static func storage(of body: [UInt8]) -> UnsafeRawPointer? {
        body.isEmpty ? nil : body.withUnsafeBytes { $0.baseAddress }
    }
}
