/// A single-asset read as it is answered: the asset's etag (checked against `If-None-Match`) and its JSON bytes.
struct RenderedAssetRead: Sendable {
    /// The asset's etag when it was rendered.
    let etag: Int
    /// The `GET /assets/{id}` body.
    let body: [UInt8]
}
