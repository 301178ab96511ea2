/// Single-asset reads already rendered to JSON bytes, valid for one generation of the tenant's assets and types and
/// one base URL (links are absolute). Any change to either empties it, so a read never returns stale bytes.
struct RenderedAssetCache: Sendable {
    private var generation = (assets: -1, types: -1)
    private var baseURL = ""
    private var bodies: [String: [UInt8]] = [:]
    private static let capacity = 4096

    /// The cached body of asset `id`, when it was rendered at this generation for this base URL.
    mutating func body(of id: String, generation: (assets: Int, types: Int), baseURL: String) -> [UInt8]? {
        if generation != self.generation || baseURL != self.baseURL {
            bodies.removeAll(keepingCapacity: true)
            self.generation = generation
            self.baseURL = baseURL
            return nil
        }
        return bodies[id]
    }

    /// Remembers the body of asset `id` rendered at the current generation.
    mutating func store(_ body: [UInt8], of id: String) {
        if bodies.count >= Self.capacity { bodies.removeAll(keepingCapacity: true) }
        bodies[id] = body
    }
}
