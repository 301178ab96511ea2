/// One file of Asset Management (`/files`): its metadata and the exact bytes uploaded.
public struct FileRecord: Sendable, Equatable {
    /// Who may see a file: `PRIVATE` for the uploading tenant only, `PUBLIC` also for its subtenants.
    public enum Scope: String, Sendable, CaseIterable {
        case `public` = "PUBLIC"
        case `private` = "PRIVATE"
    }

    /// The 32-hex id.
    public var id: String
    /// The owning tenant.
    public var tenantID: String
    /// The display name (the `name` form field; the original file name when none is sent).
    public var name: String
    /// The file name the upload carried in its `Content-Disposition`.
    public var originalFileName: String
    /// A free description.
    public var description: String?
    /// Its visibility.
    public var scope: Scope
    /// The media type the upload declared for the file part.
    public var mimeType: String
    /// The bytes, exactly as uploaded.
    public var content: [UInt8]
    /// Upload time in milliseconds since 1970.
    public var uploaded: Int64
    /// Time of the last replacement in milliseconds since 1970.
    public var lastModified: Int64
    /// The optimistic-locking counter, 0 at upload.
    public var etag: Int

    /// A record.
    public init(
        id: String, tenantID: String, name: String, originalFileName: String, description: String? = nil,
        scope: Scope = .private, mimeType: String = "application/octet-stream", content: [UInt8],
        uploaded: Int64, lastModified: Int64? = nil, etag: Int = 0
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.originalFileName = originalFileName
        self.description = description
        self.scope = scope
        self.mimeType = mimeType
        self.content = content
        self.uploaded = uploaded
        self.lastModified = lastModified ?? uploaded
        self.etag = etag
    }

    /// The largest file the API accepts: 5 MB (5 × 1024 × 1024 bytes).
    public static let maximumBytes = 5 * 1024 * 1024
}
