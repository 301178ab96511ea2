/// What a `POST /files` or `PUT /files/{id}` form carries: the `file` part with its file name and media type,
/// and the `name`, `description` and `scope` fields.
struct FileUpload {
    /// The bytes of the `file` part.
    let content: [UInt8]
    /// The `filename` of the `file` part.
    let originalFileName: String
    /// The `Content-Type` of the `file` part (`application/octet-stream` when it declares none).
    let mimeType: String
    /// The `name` field, or the file name when the form has none.
    let name: String
    /// The `description` field.
    let description: String?
    /// The `scope` field; `PRIVATE` when the form has none.
    let scope: FileRecord.Scope

    /// The upload in the request's multipart body.
    /// - Throws: `FakeError` 415/400 for a body that is no form (see `MultipartFormData`), 400 for a missing
    ///   `file` part or bad field, 413 for a file above `FileRecord.maximumBytes`.
    init(_ context: RequestContext) throws(FakeError) {
        let form = try MultipartFormData(contentType: context.request.header("Content-Type"), body: context.request.body)
        guard let file = form.part("file") else {
            let names = form.parts.compactMap(\.name).map { "'\($0)'" }.joined(separator: ", ")
            throw FakeError.missingBody("the form has no 'file' part (parts: \(names.isEmpty ? "none named" : names))")
        }
        guard file.body.count <= FileRecord.maximumBytes else {
            throw FakeError(
                .payloadTooLarge,
                "the file has \(file.body.count) bytes; files may have at most \(FileRecord.maximumBytes) bytes (5 MB)")
        }
        let fileName = file.fileName.flatMap { $0.isEmpty ? nil : Self.lastPathComponent($0) }
        let nameField = form.part("name")?.text.withoutSurroundingSpaces()
        guard let name = nameField.flatMap({ $0.isEmpty ? nil : $0 }) ?? fileName else {
            throw FakeError.missingBody("the form needs a 'name' field or a filename on its 'file' part")
        }
        guard name.count <= 255 else { throw FakeError.invalidBody("'name' has \(name.count) characters; at most 255 are allowed") }
        let scopeText = form.part("scope")?.text.withoutSurroundingSpaces() ?? ""
        guard let scope = scopeText.isEmpty ? .private : FileRecord.Scope(rawValue: scopeText.uppercased()) else {
            throw FakeError.invalidBody("'scope' must be PUBLIC or PRIVATE, got '\(scopeText)'")
        }
        let declared = file.header("Content-Type")?.withoutSurroundingSpaces() ?? ""
        content = file.body
        originalFileName = fileName ?? name
        mimeType = declared.isEmpty ? "application/octet-stream" : declared
        self.name = name
        let descriptionText = form.part("description")?.text
        description = descriptionText?.isEmpty == true ? nil : descriptionText
        self.scope = scope
    }

    /// The name after the last `/` or `\` (some clients send a whole path as the file name).
    private static func lastPathComponent(_ text: String) -> String {
        let last = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last.map(String.init) ?? text
        return last.isEmpty ? text : last
    }
}
