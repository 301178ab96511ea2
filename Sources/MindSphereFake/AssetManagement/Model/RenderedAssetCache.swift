/// Assets already rendered for one kind of answer (a read's bytes and etag, a list entry's bytes), valid for one
/// generation of the tenant's assets and types and one request origin (links are absolute). Any change to either
/// empties it, so an answer never carries stale bytes.
struct RenderedAssetCache<Rendered: Sendable>: Sendable {
    private var generation = (assets: -1, types: -1)
    /// The origin the renderings were made for; no request has an empty scheme, so none matches at first.
    private var origin = RequestOrigin(scheme: "", host: "")
    private var renderings: [ByteHashedKey: Rendered] = [:]
    private static var capacity: Int { 4096 }

    /// The rendering of asset `id`, when it was made at this generation for this origin.
    mutating func rendering(of id: String, generation: (assets: Int, types: Int), origin: RequestOrigin) -> Rendered? {
        if generation != self.generation || origin != self.origin {
            renderings.removeAll(keepingCapacity: true)
            self.generation = generation
            self.origin = origin
            return nil
        }
        return renderings[ByteHashedKey(id)]
    }

    /// Remembers the rendering of asset `id` made at the current generation.
    mutating func store(_ rendering: Rendered, of id: String) {
        if renderings.count >= Self.capacity { renderings.removeAll(keepingCapacity: true) }
        renderings[ByteHashedKey(id)] = rendering
    }
}
