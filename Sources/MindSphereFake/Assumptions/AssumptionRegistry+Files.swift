extension AssumptionRegistry {
    /// Asset Management files (`/files`), file assignments and the model lock.
    public static let files: [Assumption] = [
        Assumption(
            "am.files.statuses", .inferred,
            "POST /files answers 201 with the file's metadata (seen in the Python SDK sample's request log); PUT /files/{id} answers 200 with the new metadata and etag + 1; DELETE answers 204."
        ),
        Assumption(
            "am.files.form", .inferred,
            "The upload is multipart/form-data with a 'file' part (its filename becomes originalFileName, its Content-Type mimeType, application/octet-stream without one) and the fields name (the filename when absent), description and scope in any order (the .NET SDK sends file, name, scope, description with a quoted GUID boundary, unquoted parameter names, a path as filename and no Content-Type on the file part; the Node SDK sends the file with its mimeType); another media type answers 415, a form without 'file' 400 missingRequestBodyProperty, a name above 255 characters 400."
        ),
        Assumption(
            "am.files.size-limit", .inferred,
            "A file may have 5 MB = 5242880 bytes (exactly that is accepted); one byte more answers 413 mdsp.core.generic.payloadTooLarge."),
        Assumption(
            "am.files.duplicate-name", .unknown,
            "File names are unique per tenant: a second upload (or a PUT) with a name in use answers 409 mdsp.core.generic.conflict naming the file that has it (the Node SDK's files test retries a POST of a name it deleted just before and expects one file per name)."
        ),
        Assumption(
            "am.files.scope", .unknown,
            "scope defaults to PRIVATE; PUBLIC and PRIVATE files are both listed and readable by the owning tenant (subtenants are not modelled); other values answer 400."
        ),
        Assumption(
            "am.files.download", .inferred,
            "GET /files/{id}/file answers 200 with the exact bytes, the stored mimeType as Content-Type and Content-Disposition: attachment; filename=\"<originalFileName>\"."
        ),
        Assumption(
            "am.files.delete-assigned", .inferred,
            "DELETE of a file that an asset type or a (not deleted) asset assigns answers 409 mdsp.core.generic.conflict naming the holders; isAssigned is true while any holds it."
        ),
        Assumption(
            "am.files.assignment-statuses", .inferred,
            "PUT /assets|assettypes/{id}/fileAssignments/{key} (If-Match required) answers 200 with the whole resource, etag + 1 (both official SDKs type the answer as the resource); DELETE answers 204 (the Node SDK expects no body; the .NET SDK would also read a resource)."
        ),
        Assumption(
            "am.files.assignment-unknown-file", .inferred,
            "An assignment naming a file id the tenant does not have answers 400 invalidRequestBodyProperty with the id in the message (the official SDK test expects the id in the message)."
        ),
        Assumption(
            "am.files.assignment-inheritance", .inferred,
            "An asset shows its type's (and the type's ancestors') assignments with _links.origin naming the type, its own key replacing an inherited one; an asset type shows inherited ones only with exploded=true, like inherited variables."
        ),
        Assumption(
            "am.files.assignment-bodies", .inferred,
            "fileAssignments [{key, fileId}] in POST/PUT/PATCH bodies of assets and asset types are stored; items with _links.origin (echoed inherited ones) are skipped; PUT without the member clears own assignments, PATCH without it keeps them; a key is 1 to 128 letters, digits, '_', '-' or '.', a key twice in one body answers 400."
        ),
        Assumption(
            "am.model-lock.refusal", .inferred,
            "GET /model/lock answers {\"enabled\": bool}, off at first; PUT /model/lock?enabled=true|false sets it and answers the same; while enabled, creating, changing or deleting aspect and asset types (file assignments of types included) answers 409 mdsp.core.generic.conflict; assets still change."
        ),
    ]
}
