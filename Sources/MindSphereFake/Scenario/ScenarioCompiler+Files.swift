extension ScenarioCompiler {
    private static let fileKeys: Set<String> = ["id", "name", "file", "text", "originalFileName", "description", "scope", "mimeType"]

    /// One entry of a tenant's `files:` list: `{name, file: <path below the scenario> | text: <inline>, ...}`.
    /// Fixture files are read as text, so their bytes are the file's UTF-8 text.
    mutating func compileTenantFile(_ node: ScenarioNode, tenant: String) throws(ScenarioError) {
        try node.onlyKeys(Self.fileKeys, in: "a file")
        guard let nameNode = node.child("name") else { throw node.error("a file needs a 'name'") }
        let name = try nameNode.string("the file name")
        guard !name.isEmpty else { throw nameNode.error("the file name must not be empty") }
        let content: [UInt8]
        var originalFileName = try node.child("originalFileName")?.string("originalFileName")
        switch (node.child("file"), node.child("text")) {
        case (let fileNode?, nil):
            let path = try fileNode.string("file")
            content = Array(try loader.read(path, relativeTo: node.file, at: fileNode.location).text.utf8)
            if originalFileName == nil { originalFileName = path.split(separator: "/").last.map(String.init) }
        case (nil, let textNode?):
            content = Array(try textNode.string("text").utf8)
        default:
            throw node.error("file '\(name)' needs exactly one of 'file' (a fixture path) or 'text'")
        }
        guard content.count <= FileRecord.maximumBytes else {
            throw node.error("file '\(name)' has \(content.count) bytes; files may have at most \(FileRecord.maximumBytes)")
        }
        let scopeText = try node.child("scope")?.string("scope") ?? "PRIVATE"
        guard let scope = FileRecord.Scope(rawValue: scopeText.uppercased()) else {
            throw node.error("file scope '\(scopeText)' must be PUBLIC or PRIVATE")
        }
        if scenario.files.contains(where: { $0.tenant == tenant && $0.name == name }) {
            throw nameNode.error("tenant '\(tenant)' has two files named '\(name)'")
        }
        scenario.files.append(
            ScenarioFile(
                tenant: tenant, id: try node.child("id")?.string("id"), name: name, originalFileName: originalFileName,
                description: try node.child("description")?.string("description"), scope: scope,
                mimeType: try node.child("mimeType")?.string("mimeType") ?? "application/octet-stream",
                content: content, origin: node.location))
    }
}
