import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of Asset Management files (`/files`), file assignments and the model lock. Files are named with the
/// run's prefix and deleted at the end of the run; assignments are removed by the check that made them, so the
/// files can go.
public enum AssetManagementFileChecks {
    static let base = AssetManagementChecks.base

    /// All of them.
    public static var all: [ContractCheck] { happyPath + assumptions + lock }

    /// A `multipart/form-data` body as curl `-F` writes it: the `file` part, then the text fields.
    static func form(
        _ content: [UInt8], fileName: String, type: String = "application/octet-stream",
        fields: [(String, String)]
    ) -> (contentType: String, body: [UInt8]) {
        let boundary = "------------------------contractkit7f3a"
        var body = Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        body += content + Array("\r\n".utf8)
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    /// `POST /files` of `content` named `<prefix>_<suffix>`.
    static func upload(
        _ context: CheckContext, _ label: String, _ suffix: String, _ content: [UInt8], scope: String? = "PRIVATE",
        type: String = "application/octet-stream"
    ) async throws -> FakeResponse {
        var fields = [("name", context.prefix.name(suffix)), ("description", "contract kit run \(context.prefix)")]
        if let scope { fields.append(("scope", scope)) }
        let (contentType, body) = form(content, fileName: context.prefix.name(suffix) + ".bin", type: type, fields: fields)
        return try await context.send(label, .post, base + "/files", body: body, headers: ["Content-Type": contentType])
    }

    /// Uploads and returns the new file's id.
    static func uploadedID(_ context: CheckContext, _ suffix: String, _ content: [UInt8] = Array("contract kit".utf8)) async throws -> String {
        let response = try await upload(context, "upload \(suffix)", suffix, content)
        try context.expectStatus(response, 201, step: "upload \(suffix)")
        return try context.string(try context.json(response, step: "upload \(suffix)"), "id", step: "upload \(suffix)")
    }

    /// Bytes that exercise a parser: every byte value, CR LF pairs and dashes.
    static let binaryContent: [UInt8] = Array(0...255) + Array("\r\n--\r\n".utf8) + Array(0...255).reversed()

    static let happyPath: [ContractCheck] = [
        ContractCheck(
            "am.files.roundtrip", tier: .happyPath, requires: .writes, verifies: ["am.files.download", "am.files.form"],
            "a multipart upload reads back as metadata and downloads byte for byte"
        ) { context in
            let response = try await upload(context, "upload", "roundtrip", binaryContent, type: "image/png")
            try context.expectStatus(response, 201, step: "upload")
            let metadata = try context.json(response, step: "upload")
            let id = try context.string(metadata, "id", step: "upload")
            for key in ["name", "originalFileName", "tenantId", "uploaded", "lastModified", "scope", "mimeType"] {
                _ = try context.string(metadata, key, step: "upload")
            }
            try context.ensure(metadata["originalFileName"]?.stringValue == context.prefix.name("roundtrip") + ".bin", "originalFileName differs")
            try context.ensure(metadata["mimeType"]?.stringValue == "image/png", "mimeType is not the part's Content-Type")
            let file = try await context.send("download", .get, base + "/files/\(id)/file")
            try context.expectStatus(file, 200, step: "download")
            try context.ensure(
                file.body == binaryContent, "the download differs from the upload (\(file.body.count) of \(binaryContent.count) bytes)")
            try context.ensure(
                file.header("Content-Type")?.hasPrefix("image/png") == true, "download Content-Type is \(file.header("Content-Type") ?? "none")")
            try context.ensure(
                file.header("Content-Disposition")?.contains(context.prefix.name("roundtrip") + ".bin") == true,
                "Content-Disposition does not name the original file")
            let read = try await context.send("read", .get, base + "/files/\(id)")
            try context.expectStatus(read, 200, step: "read")
        },
        ContractCheck(
            "am.files.list", tier: .happyPath, requires: .writes, verifies: ["am.files.scope"],
            "GET /files lists PUBLIC and PRIVATE files of the tenant and filters on scope"
        ) { context in
            let publicResponse = try await upload(context, "upload public", "listpub", [1], scope: "PUBLIC")
            try context.expectStatus(publicResponse, 201, step: "upload public")
            let defaulted = try await upload(context, "upload without scope", "listdef", [2], scope: nil)
            try context.expectStatus(defaulted, 201, step: "upload without scope")
            try context.ensure(defaulted.bodyJSON?["scope"]?.stringValue == "PRIVATE", "a file without scope is not PRIVATE")
            let filter = AssetManagementChecks.filter(.object(["name": .object(["startsWith": .string(context.prefix.name("list"))])]))
            let list = try await context.send("list", .get, base + "/files?filter=" + filter)
            try context.expectStatus(list, 200, step: "list")
            let names = (try context.json(list, step: "list")["_embedded"]?["files"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            try context.ensure(names.sorted() == [context.prefix.name("listdef"), context.prefix.name("listpub")], "listed \(names)")
            let bad = try await upload(context, "upload bad scope", "listbad", [3], scope: "SHARED")
            try context.expectPlatformError(bad, status: 400, code: nil, step: "upload bad scope")
        },
    ]

    static let assumptions: [ContractCheck] = [
        ContractCheck(
            "am.files.assumption.statuses", tier: .strict, requires: .writes, verifies: ["am.files.statuses"],
            "POST /files 201, PUT with If-Match 200 and etag + 1, DELETE 204"
        ) { context in
            let id = try await uploadedID(context, "statuses")
            let (contentType, body) = form([9], fileName: "v2.bin", fields: [("name", context.prefix.name("statuses2"))])
            let put = try await context.send(
                "replace", .put, base + "/files/\(id)", body: body,
                headers: ["Content-Type": contentType, "If-Match": "0"])
            try context.expectStatus(put, 200, step: "replace")
            try context.ensure(put.bodyJSON?["etag"] == .int(1), "the etag after PUT is not 1")
            let delete = try await context.send("delete", .delete, base + "/files/\(id)", headers: ["If-Match": "1"])
            try context.expectStatus(delete, 204, step: "delete")
        },
        ContractCheck(
            "am.files.assumption.size-limit", tier: .strict, requires: .writes, verifies: ["am.files.size-limit"],
            "a file of exactly 5 MB is accepted, one byte more answers 413"
        ) { context in
            let limit = 5 * 1024 * 1024
            let exact = try await upload(context, "upload 5 MB", "fivemb", [UInt8](repeating: 0x41, count: limit))
            try context.expectStatus(exact, 201, step: "upload 5 MB")
            let above = try await upload(context, "upload 5 MB + 1", "fivemb1", [UInt8](repeating: 0x41, count: limit + 1))
            try context.expectPlatformError(above, status: 413, code: "mdsp.core.generic.payloadTooLarge", step: "upload 5 MB + 1")
        },
        ContractCheck(
            "am.files.assumption.duplicate-name", tier: .strict, requires: .writes, verifies: ["am.files.duplicate-name"],
            "a second file with a name in use answers 409"
        ) { context in
            _ = try await uploadedID(context, "dupe")
            let second = try await upload(context, "upload same name", "dupe", [2])
            try context.expectPlatformError(second, status: 409, code: "mdsp.core.generic.conflict", step: "upload same name")
        },
        ContractCheck(
            "am.files.assumption.assignments", tier: .strict, requires: .writes,
            verifies: ["am.files.assignment-statuses", "am.files.assignment-unknown-file", "am.files.delete-assigned"],
            "assignment PUT 200 with etag + 1, unknown file 400 naming it, file delete refused while assigned, DELETE 204"
        ) { context in
            let fileID = try await uploadedID(context, "assigned")
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try await AssetManagementAssumptionChecks.newAsset(context, "fileholder", ids)
            let assetID = try context.string(asset, "assetId", step: "create asset")
            let path = base + "/assets/\(assetID)/fileAssignments/manual"
            let unknown = try await context.send(
                "assign unknown file", .put, path, json: .object(["fileId": .string("abcd")]),
                headers: ["If-Match": "0"])
            try context.expectPlatformError(unknown, status: 400, code: nil, step: "assign unknown file")
            try context.ensure(unknown.bodyText.contains("abcd"), "the refusal does not name the unknown file id")
            let put = try await context.send("assign", .put, path, json: .object(["fileId": .string(fileID)]), headers: ["If-Match": "0"])
            try context.expectStatus(put, 200, step: "assign")
            try context.ensure(put.bodyJSON?["etag"] == .int(1), "the asset's etag after the assignment is not 1")
            let busy = try await context.send("delete assigned file", .delete, base + "/files/\(fileID)", headers: ["If-Match": "0"])
            try context.expectPlatformError(busy, status: 409, code: "mdsp.core.generic.conflict", step: "delete assigned file")
            let unassign = try await context.send("unassign", .delete, path, headers: ["If-Match": "1"])
            try context.expectStatus(unassign, 204, step: "unassign")
        },
        ContractCheck(
            "am.files.assumption.inheritance", tier: .behaviour, requires: .writes,
            verifies: ["am.files.assignment-inheritance", "am.files.assignment-bodies"],
            "a type's assignment from its PUT body shows on a subtype (exploded) and an asset with _links.origin"
        ) { context in
            let fileID = try await uploadedID(context, "inherited")
            let parentID = context.prefix.typeID(tenant: context.tenant, "fileparent")
            let childID = context.prefix.typeID(tenant: context.tenant, "filechild")
            let parent = try await context.send(
                "create parent type", .put, base + "/assettypes/" + parentID,
                json: .object([
                    "name": .string(context.prefix.name("fileparent")), "parentTypeId": .string("core.basicasset"),
                    "fileAssignments": .array([.object(["key": .string("manual"), "fileId": .string(fileID)])]),
                ]))
            try context.expectStatus(parent, 200, 201, step: "create parent type")
            let own = parent.bodyJSON?["fileAssignments"]?.arrayValue?.first
            try context.ensure(own?["fileId"]?.stringValue == fileID, "the type body's fileAssignments were not kept")
            let child = try await context.send(
                "create child type", .put, base + "/assettypes/" + childID,
                json: .object([
                    "name": .string(context.prefix.name("filechild")), "parentTypeId": .string(parentID),
                ]))
            try context.expectStatus(child, 200, 201, step: "create child type")
            let exploded = try await context.send("read child exploded", .get, base + "/assettypes/\(childID)?exploded=true")
            let inherited = exploded.bodyJSON?["fileAssignments"]?.arrayValue?.first
            try context.ensure(inherited?["fileId"]?.stringValue == fileID, "the subtype does not inherit the assignment")
            try context.ensure(inherited?["_links"]?["origin"] != nil, "the inherited assignment has no _links.origin")
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try await context.send(
                "create asset", .post, base + "/assets",
                json: .object([
                    "name": .string(context.prefix.name("fileasset")), "typeId": .string(childID), "parentId": .string(ids.rootAssetID),
                ]))
            try context.expectStatus(asset, 200, 201, step: "create asset")
            let shown = asset.bodyJSON?["fileAssignments"]?.arrayValue?.first
            try context.ensure(shown?["fileId"]?.stringValue == fileID, "the asset does not show its type's assignment")
            try context.ensure(shown?["_links"]?["origin"] != nil, "the asset's inherited assignment has no _links.origin")
        },
    ]

    static let lock: [ContractCheck] = [
        ContractCheck(
            "am.files.assumption.model-lock", tier: .strict, requires: [.writes, .disposable], verifies: ["am.model-lock.refusal"],
            "while the model lock is on, asset type changes answer 409 (not run on a real tenant: it locks the tenant's model)"
        ) { context in
            context.session.safety.own("lock")
            let before = try await context.send("read lock", .get, base + "/model/lock")
            try context.expectStatus(before, 200, step: "read lock")
            try context.ensure(before.bodyJSON?["enabled"] == .bool(false), "the model lock is on before the check")
            await context.session.cleanup.push("unlock the model") {
                _ = try await context.send("unlock (cleanup)", .put, base + "/model/lock?enabled=false", record: false)
            }
            let on = try await context.send("lock", .put, base + "/model/lock?enabled=true")
            try context.expectStatus(on, 200, step: "lock")
            try context.ensure(on.bodyJSON?["enabled"] == .bool(true), "PUT enabled=true does not answer enabled true")
            let typeID = context.prefix.typeID(tenant: context.tenant, "locked")
            let refused = try await context.send(
                "create type while locked", .put, base + "/assettypes/" + typeID,
                json: .object(["name": .string(context.prefix.name("locked"))]))
            try context.expectPlatformError(refused, status: 409, code: "mdsp.core.generic.conflict", step: "create type while locked")
            let off = try await context.send("unlock", .put, base + "/model/lock?enabled=false")
            try context.ensure(off.bodyJSON?["enabled"] == .bool(false), "PUT enabled=false does not answer enabled false")
        }
    ]
}
