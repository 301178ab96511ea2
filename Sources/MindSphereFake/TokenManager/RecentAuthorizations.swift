/// The last few `Authorization` values that named a cached issued token, each with that token's cache key and
/// cache entry.
///
/// A transport that sees a client repeat a header can hand the core the very same string again (the server keeps a
/// repeated bearer header per thread): recognised by where its bytes live, such a value is known without parsing it,
/// reading its 1 KB or more, or hashing it. Anything else is looked up by its bytes as before.
struct RecentAuthorizations<Value> {
    /// How many values are kept: a few clients or server threads at a time.
    static var capacity: Int { 8 }

    /// A kept value (holding its bytes alive), its token's key and cache entry.
    private struct Kept {
        let authorization: String
        let key: IssuedTokenKey
        let value: Value
    }

    /// Where each kept value's bytes are (found once, when it is kept), in the order of `kept`: searched as plain
    /// numbers, so recognising a value touches no reference-counted storage.
    private var storages: [Storage] = []
    private var kept: [Kept] = []
    private var next = 0

    /// The entry remembered for `authorization` when it is one of the kept values itself: the same bytes in the same
    /// place. Kept values hold their storage alive and strings never change in place while shared, so an equal
    /// address and length means equal bytes.
    func recognised(_ authorization: String) -> Value? {
        guard let storage = Self.storage(of: authorization), let index = storages.firstIndex(of: storage) else { return nil }
        return kept[index].value
    }

    /// Keeps `authorization` with the cache key and entry of its token, pushing out the oldest value when full.
    mutating func remember(_ authorization: String, key: IssuedTokenKey, value: Value) {
        guard let storage = Self.storage(of: authorization) else { return }
        let entry = Kept(authorization: authorization, key: key, value: value)
        if kept.count < Self.capacity {
            storages.append(storage)
            kept.append(entry)
        } else {
            storages[next] = storage
            kept[next] = entry
        }
        next = (next + 1) % Self.capacity
    }

    /// Forgets the values that named `key` (its token left the cache, so its entry may no longer be handed out).
    mutating func forget(_ key: IssuedTokenKey) {
        var index = kept.count - 1
        while index >= 0 {
            if kept[index].key == key {
                kept.remove(at: index)
                storages.remove(at: index)
            }
            index -= 1
        }
        next = kept.count % Self.capacity
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
