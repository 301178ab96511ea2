/// The last few `Authorization` values that named a cached issued token, each with that token's cache key.
///
/// A transport that sees a client repeat a header can hand the core the very same string again (the server keeps a
/// repeated bearer header per thread): recognised by where its bytes live, such a value is known without reading
/// its 1 KB or more twice, once to hash and once to compare. Anything else is looked up by its bytes as before.
struct RecentAuthorizations {
    /// How many values are kept: a few clients or server threads at a time.
    static let capacity = 8

    /// A kept value, where its bytes are (found once, when it is kept), and its token's key.
    private typealias Entry = (storage: Storage, authorization: String, key: IssuedTokenKey)

    private var entries: [Entry] = []
    private var next = 0

    /// The key remembered for `authorization` when it is one of the kept values itself: the same bytes in the same
    /// place. Kept values hold their storage alive and strings never change in place while shared, so an equal
    /// address and length means equal bytes.
    func key(forSameStorageAs authorization: String) -> IssuedTokenKey? {
        guard let storage = Self.storage(of: authorization) else { return nil }
        for entry in entries where entry.storage == storage { return entry.key }
        return nil
    }

    /// Keeps `authorization` with the cache key of its token, pushing out the oldest value when full.
    mutating func remember(_ authorization: String, key: IssuedTokenKey) {
        guard let storage = Self.storage(of: authorization) else { return }
        let entry = (storage, authorization, key)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
        }
        next = (next + 1) % Self.capacity
    }

    /// The address and length of a string's UTF-8 bytes when they live in a heap buffer of their own; `nil` for
    /// strings of up to 15 bytes, which are kept inline in the value and have no lasting address.
    private static func storage(of text: String) -> Storage? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { Storage(address: UnsafeRawPointer($0.baseAddress), count: $0.count) }
    }

    private struct Storage: Equatable {
        let address: UnsafeRawPointer?
        let count: Int
    }
}
