/// Assets already rendered for one kind of answer (a read's bytes and etag, a list entry's bytes), valid for one
/// generation of the tenant's assets and types and one base URL (links are absolute). Any change to either empties
/// it, so an answer never carries stale bytes.
struct RenderedAssetCache<Rendered: Sendable>: Sendable {
    private var generation = (assets: -1, types: -1)
    private var baseURL = ""
    private var renderings: [String: Rendered] = [:]
    private static var capacity: Int { 4096 }

    /// The rendering of asset `id`, when it was made at this generation for this base URL.
    mutating func rendering(of id: String, generation: (assets: Int, types: Int), baseURL: String) -> Rendered? {
        if generation != self.generation || baseURL != self.baseURL {
            renderings.removeAll(keepingCapacity: true)
            self.generation = generation
            self.baseURL = baseURL
            return nil
        }
        return renderings[id]
    }

    /// Remembers the rendering of asset `id` made at the current generation.
    mutating func store(_ rendering: Rendered, of id: String) {
        if renderings.count >= Self.capacity { renderings.removeAll(keepingCapacity: true) }
        renderings[id] = rendering
    }
}
