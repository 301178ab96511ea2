/// One Asset Management file seeded by a scenario (`files:` of a tenant): its metadata and bytes.
public struct ScenarioFile: Sendable {
    /// The tenant it belongs to.
    public var tenant: String
    /// The id, when the scenario gives one; else one is derived from tenant and name.
    public var id: String?
    /// The display name, unique per tenant; asset and type bodies of the scenario may name it as `fileId`.
    public var name: String
    /// The file name shown as `originalFileName` and sent in `Content-Disposition` on download.
    public var originalFileName: String
    /// A free description.
    public var description: String?
    /// `PUBLIC` or `PRIVATE`.
    public var scope: FileRecord.Scope
    /// The media type.
    public var mimeType: String
    /// The bytes.
    public var content: [UInt8]
    /// Where it was written, for error messages.
    public var origin: SourceLocation?
    /// The `uploaded` and `lastModified` times a state dump recorded; `nil` for the scenario's fixed time.
    public var uploaded: Int64?
    /// See `uploaded`.
    public var lastModified: Int64?

    /// A seeded file.
    public init(
        tenant: String, id: String? = nil, name: String, originalFileName: String? = nil, description: String? = nil,
        scope: FileRecord.Scope = .private, mimeType: String = "application/octet-stream", content: [UInt8],
        origin: SourceLocation? = nil
    ) {
        self.tenant = tenant
        self.id = id
        self.name = name
        self.originalFileName = originalFileName ?? name
        self.description = description
        self.scope = scope
        self.mimeType = mimeType
        self.content = content
        self.origin = origin
    }
}
