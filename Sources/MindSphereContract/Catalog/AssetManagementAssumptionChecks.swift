import Foundation
import HTTPTypes
import MindSphereFake

/// One check per Asset Management assumption of the fake that no behaviour check already covers: status codes,
/// conditional headers and type rules. Each tells, on a real tenant, whether the assumption holds.
public enum AssetManagementAssumptionChecks {
    static let base = AssetManagementChecks.base

    /// All of them.
    public static var all: [ContractCheck] { types + AssetManagementAssumptionChecks.assets + AssetManagementAssumptionChecks.lists }

    /// A variable definition.
    static func variable(_ name: String, _ type: String, length: Int? = nil) -> JSONValue {
        var object: JSONObject = [
            "name": .string(name), "dataType": .string(type), "unit": .string(""), "searchable": .bool(false),
            "qualityCode": .bool(false),
        ]
        if let length { object["length"] = .int(length) }
        return .object(object)
    }

    /// `PUT /aspecttypes/<tenant>.<prefix>_<suffix>` with `variables`.
    static func putAspectType(
        _ context: CheckContext, _ label: String, _ suffix: String, variables: [JSONValue],
        category: String = "dynamic", headers: [String: String] = [:]
    ) async throws -> FakeResponse {
        try await context.send(
            label, .put, base + "/aspecttypes/" + context.prefix.typeID(tenant: context.tenant, suffix),
            json: .object([
                "name": .string(context.prefix.name(suffix)), "category": .string(category), "scope": .string("private"),
                "description": .string("contract kit run \(context.prefix)"), "variables": .array(variables),
            ]), headers: headers)
    }

    /// Creates an asset of the run's type and returns its body.
    static func newAsset(_ context: CheckContext, _ name: String, _ ids: RunFixtures.Ids) async throws -> JSONValue {
        let response = try await AssetManagementChecks.createAsset(context, "create asset", name: name, ids: ids)
        try context.expectStatus(response, 200, 201, step: "create asset")
        return try context.json(response, step: "create asset")
    }

    static let types: [ContractCheck] = [
        ContractCheck(
            "am.assumption.type-create-status", tier: .strict, requires: .writes, verifies: ["am.type-create.status"],
            "PUT of a new aspect type answers 201, of an existing one 200"
        ) { context in
            let variables = [variable("v", "INT")]
            try context.expectStatus(try await putAspectType(context, "create", "created", variables: variables), 201, step: "create")
            try context.expectStatus(
                try await putAspectType(context, "update", "created", variables: variables, headers: ["If-Match": "0"]),
                200, step: "update")
        },
        ContractCheck(
            "am.assumption.if-match-absent-resource", tier: .strict, requires: .writes, verifies: ["am.if-match.absent-resource"],
            "PUT of a type that does not exist with If-Match answers 412"
        ) { context in
            let response = try await putAspectType(
                context, "create with If-Match", "absent", variables: [variable("v", "INT")],
                headers: ["If-Match": "0"])
            try context.expectPlatformError(response, status: 412, code: "mdsp.core.generic.noMatch", step: "create with If-Match")
        },
        ContractCheck(
            "am.assumption.if-none-match-create-only", tier: .strict, requires: .writes, verifies: ["am.if-none-match.create-only"],
            "PUT of an existing type with If-None-Match: * answers 412"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send(
                "create-only over existing", .put, base + "/aspecttypes/" + ids.aspectTypeID,
                json: RunFixtures.aspectTypeBody(prefix: context.prefix), headers: ["If-None-Match": "*"])
            try context.expectPlatformError(response, status: 412, code: "mdsp.core.generic.noMatch", step: "create-only over existing")
        },
        ContractCheck(
            "am.assumption.core-types-readonly", tier: .strict, requires: [.writes, .disposable],
            verifies: ["am.core-types.readonly"],
            "deleting a core.* type answers 403 (not run on a real tenant: it would risk the tenant's types)"
        ) { context in
            context.session.safety.own("core.basicdevice")
            let response = try await context.send("delete core type", .delete, base + "/assettypes/core.basicdevice", headers: ["If-Match": "0"])
            try context.expectPlatformError(response, status: 403, code: "mdsp.core.generic.forbidden", step: "delete core type")
        },
        ContractCheck(
            "am.assumption.core-types-catalog", tier: .strict, verifies: ["am.core-types.catalog"],
            "the core asset types, their parents and exactly the static core aspect types the fake has exist"
        ) { context in
            for id in [
                "core.basicasset", "core.basicenterprise", "core.basichierarchy", "core.basicsite", "core.basicarea",
                "core.basicdevice", "core.basicagent", "core.mclib", "core.mcnano", "core.mciot2040",
                "core.starteragentrpiassettype", "core.industrialEdge",
            ] {
                try context.expectStatus(try await context.send("read \(id)", .get, base + "/assettypes/" + id), 200, step: id)
            }
            for (id, parent) in [
                ("core.basicsite", "core.basichierarchy"), ("core.basicarea", "core.basichierarchy"),
                ("core.mcnano", "core.basicagent"),
            ] {
                let type = try await context.send("parent of \(id)", .get, base + "/assettypes/" + id)
                try context.ensure(type.bodyJSON?["parentTypeId"]?.stringValue == parent, "\(id) is not derived from \(parent)")
            }
            for id in ["core.connectivityStatus", "core.firmwarestatus"] {
                let aspect = try await context.send("read \(id)", .get, base + "/aspecttypes/" + id)
                try context.expectStatus(aspect, 200, step: id)
                try context.ensure(aspect.bodyJSON?["category"]?.stringValue == "static", "\(id) is not static")
            }
            // No public source lists the core aspect types; on a real tenant this names every one the fake lacks.
            let listed = try await context.send(
                "list core aspect types", .get,
                base + "/aspecttypes?size=100&" + filterQuery(.object(["tenantId": .string("core")])))
            try context.expectStatus(listed, 200, step: "list core aspect types")
            let ids = Set(
                (listed.bodyJSON?["_embedded"]?["aspectTypes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue.map { $0.lowercased() } })
            let known: Set<String> = ["core.connectivitystatus", "core.firmwarestatus"]
            try context.ensure(ids == known, "the tenant's core aspect types are \(ids.sorted()), the fake has \(known.sorted())")
        },
        ContractCheck(
            "am.assumption.type-id-case", tier: .strict, verifies: ["am.type-id.case"],
            "GET /assettypes/core.BasicAsset finds core.basicasset"
        ) { context in
            let response = try await context.send("read core.BasicAsset", .get, base + "/assettypes/core.BasicAsset")
            try context.expectStatus(response, 200, step: "read core.BasicAsset")
        },
        ContractCheck(
            "am.assumption.type-id-prefix", tier: .strict, requires: .writes, verifies: ["am.type-id.prefix"],
            "an aspect type id with another tenant's prefix answers 403"
        ) { context in
            let id = "zzother.\(context.prefix.name("foreign"))"
            let response = try await context.send(
                "create with foreign prefix", .put, base + "/aspecttypes/" + id,
                json: .object([
                    "name": .string(context.prefix.name("foreign")), "category": .string("dynamic"), "scope": .string("private"),
                    "variables": .array([variable("v", "INT")]),
                ]))
            try context.expectPlatformError(response, status: 403, code: "mdsp.core.generic.forbidden", step: "foreign prefix")
        },
        ContractCheck(
            "am.assumption.assettype-defaults", tier: .strict, requires: .writes,
            verifies: ["am.assettype.default-parent", "am.assettype.instantiable-default"],
            "an asset type without parentTypeId and instantiable gets core.basicasset and true"
        ) { context in
            let id = context.prefix.typeID(tenant: context.tenant, "plain")
            let response = try await context.send(
                "create plain asset type", .put, base + "/assettypes/" + id,
                json: .object([
                    "name": .string(context.prefix.name("plain")), "scope": .string("private"), "description": .string("contract kit"),
                ]))
            try context.expectStatus(response, 200, 201, step: "create plain asset type")
            let body = try context.json(response, step: "create plain asset type")
            try context.ensure(body["parentTypeId"]?.stringValue == "core.basicasset", "parentTypeId is not core.basicasset")
            try context.ensure(body["instantiable"]?.boolValue == true, "instantiable is not true")
        },
        ContractCheck(
            "am.assumption.assettype-exploded-body", tier: .strict, requires: .writes, verifies: ["am.assettype.exploded-body"],
            "an exploded GET of an asset type can be PUT back unchanged"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let read = try await context.send("read exploded", .get, base + "/assettypes/" + ids.assetTypeID + "?exploded=true")
            let body = try context.json(read, step: "read exploded")
            let etag = try context.integer(body, "etag", step: "read exploded")
            let put = try await context.send(
                "put back", .put, base + "/assettypes/" + ids.assetTypeID, json: body,
                headers: ["If-Match": String(etag)])
            try context.expectStatus(put, 200, step: "put back")
        },
        ContractCheck(
            "am.assumption.member-names", tier: .strict, requires: .writes, verifies: ["am.member-names"],
            "a variable name with '-' is refused with 400"
        ) { context in
            let response = try await putAspectType(context, "create with bad name", "badname", variables: [variable("bad-name", "INT")])
            try context.expectStatus(response, 400, step: "bad variable name")
        },
        ContractCheck(
            "am.assumption.variable-length-default", tier: .strict, requires: .writes, verifies: ["am.variable.length-default"],
            "a STRING without length gets 255; length on INT is null"
        ) { context in
            let response = try await putAspectType(
                context, "create", "lengths", variables: [variable("s", "STRING"), variable("i", "INT", length: 5)])
            try context.expectStatus(response, 200, 201, step: "create")
            let variables = try context.json(response, step: "create")["variables"]?.arrayValue ?? []
            let string = variables.first { $0["name"]?.stringValue == "s" }
            let integer = variables.first { $0["name"]?.stringValue == "i" }
            try context.ensure(string?["length"] == .int(255), "STRING length is not 255")
            try context.ensure(integer?["length"] == .null || integer?["length"] == nil, "INT length is not null")
        },
        ContractCheck(
            "am.assumption.variable-length-type", tier: .strict, requires: .writes, verifies: ["am.variable.length-type"],
            "a length given as an object answers 400"
        ) { context in
            var bad = variable("s", "STRING").objectValue ?? [:]
            bad["length"] = .object([:])
            let response = try await putAspectType(context, "create with object length", "objlength", variables: [.object(bad)])
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.invalidRequestBodyProperty", step: "object length")
        },
        ContractCheck(
            "am.assumption.body-binding", tier: .behaviour, requires: .writes, verifies: ["api.body-binding", "am.variable.length-type"],
            "an asset type with \"instantiable\":\"true\" and a variable length \"20\" tells jackson (created, read back typed) from strict (400)"
        ) { context in
            let id = context.prefix.typeID(tenant: context.tenant, "coerced")
            var stringVariable = variable("s", "STRING").objectValue ?? [:]
            stringVariable["length"] = .string("20")
            stringVariable["searchable"] = .string("false")
            let response = try await context.send(
                "create with string scalars", .put, base + "/assettypes/" + id,
                json: .object([
                    "name": .string(context.prefix.name("coerced")), "parentTypeId": .string("core.basicasset"), "scope": .string("private"),
                    "instantiable": .string("true"), "variables": .array([.object(stringVariable)]),
                ]))
            if response.status.code == 400 {
                try await context.expectAlternative("api.body-binding", observed: "strict")
                return
            }
            try context.expectStatus(response, 200, 201, step: "create with string scalars")
            let read = try context.json(try await context.send("read back", .get, base + "/assettypes/" + id), step: "read back")
            try context.ensure(
                read["instantiable"] == .bool(true), "instantiable read back as \(read["instantiable"].map(JSONWriter.string) ?? "absent")")
            let length = read["variables"]?.arrayValue?.first?["length"]
            try context.ensure(length == .int(20), "length read back as \(length.map(JSONWriter.string) ?? "absent")")
            try await context.expectAlternative("api.body-binding", observed: "jackson")
        },
        ContractCheck("am.assumption.etag-header", tier: .strict, verifies: ["am.etag.header"], "GET /assets/root sends no ETag header") { context in
            let response = try await context.send("root asset", .get, base + "/assets/root")
            try context.ensure(response.header("ETag") == nil, "an ETag header was sent")
        },
        ContractCheck(
            "am.assumption.if-none-match-get", tier: .strict, verifies: ["am.if-none-match.get"],
            "GET with If-None-Match of the current etag answers 304 without a body"
        ) { context in
            let root = try context.json(try await context.send("root asset", .get, base + "/assets/root"), step: "root asset")
            let id = try context.string(root, "assetId", step: "root asset")
            let etag = try context.integer(root, "etag", step: "root asset")
            let response = try await context.send("conditional GET", .get, base + "/assets/" + id, headers: ["If-None-Match": String(etag)])
            try context.expectStatus(response, 304, step: "conditional GET")
            try context.ensure(response.body.isEmpty, "304 with a body")
        },
        ContractCheck(
            "am.assumption.delete-root", tier: .strict, requires: [.writes, .disposable], verifies: ["am.delete.root"],
            "deleting the root asset answers 409 (not run on a real tenant: it would risk the root)"
        ) { context in
            let root = try context.json(try await context.send("root asset", .get, base + "/assets/root"), step: "root asset")
            let id = try context.string(root, "assetId", step: "root asset")
            context.session.safety.own(id)
            let response = try await context.send(
                "delete root", .delete, base + "/assets/" + id,
                headers: ["If-Match": String(try context.integer(root, "etag", step: "root asset"))])
            try context.expectPlatformError(response, status: 409, code: "mdsp.core.generic.conflict", step: "delete root")
        },
        ContractCheck(
            "am.assumption.validation-status", tier: .strict, requires: .writes, verifies: ["am.validation.status"],
            "POST /assets without typeId answers 400 missingRequestBodyProperty"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send(
                "create without typeId", .post, base + "/assets",
                json: .object([
                    "name": .string(context.prefix.name("notype")), "parentId": .string(ids.rootAssetID),
                ]))
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.missingRequestBodyProperty", step: "no typeId")
        },
    ]
}
