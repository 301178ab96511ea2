/// A file attached to an asset or asset type under a key (`fileAssignments: [{key, fileId}]`).
public struct FileAssignment: Sendable, Equatable {
    /// The key, unique per holder; a holder's own key hides an inherited one of the same name.
    public var key: String
    /// The assigned file's id.
    public var fileID: String

    /// An assignment.
    public init(key: String, fileID: String) {
        self.key = key
        self.fileID = fileID
    }
}
