import HTTPTypes

/// `/files`, `/files/{id}` and `/files/{id}/file`: files uploaded as `multipart/form-data`, kept in memory.
struct FileEndpoints: Sendable {
    let store: AssetStore

    /// The largest request body the upload routes take: a file of `FileRecord.maximumBytes` and room for the
    /// form around it (boundaries, part headers, name, description and scope fields).
    static let maximumRequestBytes = FileRecord.maximumBytes + 64 * 1024

    /// `POST /files`: uploads a file (201 with its metadata).
    func create(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let upload = try FileUpload(context)
        let id = store.newAssetID()
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            try Self.checkUniqueName(upload.name, in: model, except: nil)
            let record = FileRecord(
                id: id, tenantID: model.tenant, name: upload.name, originalFileName: upload.originalFileName,
                description: upload.description, scope: upload.scope, mimeType: upload.mimeType, content: upload.content,
                uploaded: context.nowMilliseconds)
            model.files[id.lowercased()] = record
            return .json(model.json(file: record, links: AssetManagementLinks(baseURL: context.baseURL)), status: .created)
        }
    }

    /// `GET /files`: the tenant's files as a HAL page, with `filter` and `sort`.
    func list(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let query = try ListQuery(
            context, sortable: ["id", "name", "originalFileName", "scope", "mimeType", "uploaded", "lastModified"],
            defaultSort: ["name", "id"])
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let evaluator = FilterEvaluator(query.filter)
            let matching = model.files.values.filter { evaluator.matches($0) }
            let sorted = query.page.sorted(Array(matching)) { file, field in
                switch field {
                case "id": file.id
                case "originalFileName": file.originalFileName.lowercased()
                case "scope": file.scope.rawValue
                case "mimeType": file.mimeType
                case "uploaded": Timestamp.format(milliseconds: file.uploaded)
                case "lastModified": Timestamp.format(milliseconds: file.lastModified)
                default: file.name.lowercased()
                }
            }
            return query.response(collection: "files", path: "files", all: sorted) { model.json(file: $0, links: query.links) }
        }
    }

    /// `GET /files/{id}`: the metadata (304 for a fresh `If-None-Match`).
    func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let file = try model.existingFile(id)
            if EntityTagCheck.isNotModified(context, current: file.etag) { return .empty(.notModified) }
            return .json(model.json(file: file, links: AssetManagementLinks(baseURL: context.baseURL)))
        }
    }

    /// `GET /files/{id}/file`: the bytes as uploaded, with the stored media type and original file name.
    func download(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        let file = try store.withTenant(context.tenant) { model throws(FakeError) in try model.existingFile(id) }
        var fields = HTTPFields()
        fields[.contentType] = file.mimeType
        fields[.contentDisposition] = "attachment; filename=\"\(Self.quoted(file.originalFileName))\""
        return FakeResponse(status: .ok, headerFields: fields, body: file.content)
    }

    /// `PUT /files/{id}`: replaces the bytes and metadata (`If-Match` required; 200 with the new metadata).
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let upload = try FileUpload(context)
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            var file = try model.existingFile(id)
            try EntityTagCheck.requireMatch(context, current: file.etag, resource: "file '\(file.id)'")
            try Self.checkUniqueName(upload.name, in: model, except: file.id)
            file.name = upload.name
            file.originalFileName = upload.originalFileName
            file.description = upload.description
            file.scope = upload.scope
            file.mimeType = upload.mimeType
            file.content = upload.content
            file.lastModified = context.nowMilliseconds
            file.etag += 1
            model.files[file.id.lowercased()] = file
            return .json(model.json(file: file, links: AssetManagementLinks(baseURL: context.baseURL)))
        }
    }

    /// `DELETE /files/{id}`: removes a file (`If-Match` required); refused while an asset or type holds it.
    func delete(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let id = context.parameter("id")
        return try store.withTenant(context.tenant) { model throws(FakeError) in
            let file = try model.existingFile(id)
            try EntityTagCheck.requireMatch(context, current: file.etag, resource: "file '\(file.id)'")
            let holders = model.holders(of: file.id)
            if !holders.isEmpty {
                throw FakeError.conflict(
                    "file '\(file.id)' is assigned to \(holders.joined(separator: ", ")) and cannot be deleted; remove the assignments first")
            }
            model.files[file.id.lowercased()] = nil
            return .empty()
        }
    }

    /// File names are unique per tenant.
    /// - Throws: `FakeError` 409 naming the file that has the name.
    static func checkUniqueName(_ name: String, in model: TenantAssetModel, except id: String?) throws(FakeError) {
        if let other = model.files.values.first(where: { $0.name == name && $0.id != id }) {
            throw FakeError.conflict("a file named '\(name)' already exists (id '\(other.id)')")
        }
    }

    /// `text` with `"` and `\` escaped for a quoted header parameter, control characters dropped.
    static func quoted(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            if scalar == "\"" || scalar == "\\" { output.unicodeScalars.append("\\") }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}

/// A file seen by the filter: name, description, scope and the other text fields.
extension FileRecord: FilterSubject {
    func filterValue(_ field: String) -> FilterFieldValue {
        switch field {
        case "id": .text(id)
        case "name": .text(name)
        case "originalFileName": .text(originalFileName)
        case "description": description.map(FilterFieldValue.text) ?? .null
        case "scope": .text(scope.rawValue)
        case "mimeType": .text(mimeType)
        case "tenantId": .text(tenantID)
        case "subTenant": .null
        default: .unknownField
        }
    }

    var filterTypeID: String? { nil }
}
