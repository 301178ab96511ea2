import Foundation
import HTTPTypes
import MindSphereFake

extension AssetManagementAssumptionChecks {
    static let assets: [ContractCheck] = [
        ContractCheck(
            "am.assumption.update-status", tier: .strict, requires: .writes, verifies: ["am.update.status"],
            "PUT /assets/{id} answers 200 with the whole asset including hierarchyPath"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try await newAsset(context, "update", ids)
            let response = try await context.send(
                "update", .put, base + "/assets/" + (try context.string(asset, "assetId", step: "create")),
                json: .object(["name": .string(context.prefix.name("updated"))]), headers: ["If-Match": "0"])
            try context.expectStatus(response, 200, step: "update")
            try context.ensure(try context.json(response, step: "update")["hierarchyPath"]?.arrayValue != nil, "no hierarchyPath")
        },
        ContractCheck(
            "am.assumption.if-match-format", tier: .strict, requires: .writes, verifies: ["am.if-match.format"],
            "If-Match accepts \"0\" and W/\"1\"; 'abc' answers 400 invalidParameter"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let id = try context.string(try await newAsset(context, "ifmatch", ids), "assetId", step: "create")
            let body: JSONValue = .object(["name": .string(context.prefix.name("ifmatch"))])
            try context.expectStatus(
                try await context.send("quoted", .put, base + "/assets/" + id, json: body, headers: ["If-Match": "\"0\""]),
                200, step: "quoted etag")
            try context.expectStatus(
                try await context.send("weak", .put, base + "/assets/" + id, json: body, headers: ["If-Match": "W/\"1\""]),
                200, step: "weak etag")
            let bad = try await context.send("not a number", .put, base + "/assets/" + id, json: body, headers: ["If-Match": "abc"])
            try context.expectPlatformError(bad, status: 400, code: "mdsp.core.generic.invalidParameter", step: "If-Match abc")
        },
        ContractCheck(
            "am.assumption.deleted-asset-change", tier: .strict, requires: .writes, verifies: ["am.deleted-asset.change"],
            "a deleted asset stays readable and a change to it answers 404"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let id = try context.string(try await newAsset(context, "gone", ids), "assetId", step: "create")
            try context.expectStatus(
                try await context.send("delete", .delete, base + "/assets/" + id, headers: ["If-Match": "0"]), 204, step: "delete")
            try context.expectStatus(try await context.send("read deleted", .get, base + "/assets/" + id), 200, step: "read deleted")
            let change = try await context.send(
                "change deleted", .put, base + "/assets/" + id,
                json: .object(["name": .string(context.prefix.name("gone"))]), headers: ["If-Match": "1"])
            try context.expectStatus(change, 404, step: "change deleted")
        },
        ContractCheck(
            "am.assumption.values-render", tier: .strict, requires: .writes, verifies: ["am.asset.values-render"],
            "an asset of a type with only a dynamic aspect lists no aspects and no variables"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try context.json(try await context.send("read asset", .get, base + "/assets/" + ids.assetID), step: "read asset")
            try context.ensure(asset["aspects"] == .array([]), "aspects is not empty")
            try context.ensure(asset["variables"] == .array([]), "variables is not empty")
        },
        ContractCheck(
            "am.assumption.absent-fields", tier: .strict, requires: .writes, verifies: ["am.asset.absent-fields"],
            "externalId not given at creation renders as null"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try await newAsset(context, "absent", ids)
            try context.ensure(asset["externalId"] == .null, "externalId is not null")
        },
        ContractCheck(
            "am.assumption.hierarchy-position", tier: .strict, verifies: ["am.asset.hierarchy-position"],
            "hierarchyPath comes right before _links in a single asset"
        ) { context in
            let asset = try context.json(try await context.send("root asset", .get, base + "/assets/root"), step: "root asset")
            let keys = asset.objectValue?.keys ?? []
            guard let position = keys.firstIndex(of: "hierarchyPath") else { throw CheckFailure("no hierarchyPath") }
            try context.ensure(position + 1 < keys.count && keys[position + 1] == "_links", "hierarchyPath is not followed by _links")
        },
        ContractCheck(
            "am.assumption.put-clears", tier: .strict, requires: .writes, verifies: ["am.asset.put-clears"],
            "PUT without externalId clears it"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try await context.send(
                "create with externalId", .post, base + "/assets",
                json: .object([
                    "name": .string(context.prefix.name("clears")), "typeId": .string(ids.assetTypeID), "parentId": .string(ids.rootAssetID),
                    "externalId": .string(context.prefix.name("ext")),
                ]))
            let id = try context.string(try context.json(created, step: "create"), "assetId", step: "create")
            let updated = try await context.send(
                "put without externalId", .put, base + "/assets/" + id,
                json: .object(["name": .string(context.prefix.name("clears"))]), headers: ["If-Match": "0"])
            try context.ensure(try context.json(updated, step: "put")["externalId"] == .null, "externalId survived the PUT")
        },
        ContractCheck(
            "am.assumption.patch-values", tier: .strict, requires: .writes, verifies: ["am.asset.patch-values"],
            "PATCH merges variables by name"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let typeID = context.prefix.typeID(tenant: context.tenant, "vars")
            try context.expectStatus(
                try await context.send(
                    "create type with variables", .put, base + "/assettypes/" + typeID,
                    json: .object([
                        "name": .string(context.prefix.name("vars")), "parentTypeId": .string("core.basicasset"), "scope": .string("private"),
                        "variables": .array([variable("v1", "STRING", length: 20), variable("v2", "STRING", length: 20)]),
                    ])), 200, 201, step: "create type")
            let created = try await context.send(
                "create asset", .post, base + "/assets",
                json: .object([
                    "name": .string(context.prefix.name("vars1")), "typeId": .string(typeID), "parentId": .string(ids.rootAssetID),
                    "variables": .array([
                        .object(["name": .string("v1"), "value": .string("a")]), .object(["name": .string("v2"), "value": .string("b")]),
                    ]),
                ]))
            let id = try context.string(try context.json(created, step: "create asset"), "assetId", step: "create asset")
            let patched = try await context.send(
                "patch v1", .patch, base + "/assets/" + id,
                json: .object(["variables": .array([.object(["name": .string("v1"), "value": .string("c")])])]),
                headers: ["If-Match": "0", "Content-Type": "application/merge-patch+json"])
            let variables = try context.json(patched, step: "patch")["variables"]?.arrayValue ?? []
            try context.ensure(variables.contains { $0["name"] == .string("v2") && $0["value"] == .string("b") }, "v2 was lost by the PATCH")
        },
        ContractCheck(
            "am.assumption.immutable-fields", tier: .strict, requires: .writes, verifies: ["am.asset.immutable-fields"],
            "a PUT that changes typeId answers 400"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let id = try context.string(try await newAsset(context, "immutable", ids), "assetId", step: "create")
            let response = try await context.send(
                "change typeId", .put, base + "/assets/" + id,
                json: .object([
                    "name": .string(context.prefix.name("immutable")), "typeId": .string("core.basicasset"),
                ]), headers: ["If-Match": "0"])
            try context.expectStatus(response, 400, step: "change typeId")
        },
        ContractCheck(
            "am.assumption.timezone", tier: .strict, requires: .writes, verifies: ["am.asset.timezone"],
            "an asset without timezone gets Europe/Berlin"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let asset = try await newAsset(context, "tz", ids)
            try context.ensure(
                asset["timezone"]?.stringValue == "Europe/Berlin", "timezone is \(asset["timezone"].map(JSONWriter.string) ?? "absent")")
        },
        ContractCheck(
            "am.assumption.location-inheritance", tier: .strict, requires: .writes, verifies: ["am.asset.location-inheritance"],
            "an asset under a parent with a location has none itself"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let parent = try context.string(try await newAsset(context, "located", ids), "assetId", step: "create parent")
            let located = try await context.send(
                "put location", .put, base + "/assets/\(parent)/location",
                json: .object([
                    "country": .string("Germany"), "locality": .string("Erlangen"),
                ]), headers: ["If-Match": "0"])
            try context.expectStatus(located, 200, step: "put location")
            let child = try await context.send(
                "create child", .post, base + "/assets",
                json: .object([
                    "name": .string(context.prefix.name("child")), "typeId": .string(ids.assetTypeID), "parentId": .string(parent),
                ]))
            try context.ensure(try context.json(child, step: "create child")["location"] == .null, "the child inherited a location")
        },
        ContractCheck(
            "am.assumption.variables-endpoint", tier: .strict, requires: .writes, verifies: ["am.asset.variables-endpoint"],
            "GET /assets/{id}/variables answers 200 with a HAL page"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("variables", .get, base + "/assets/\(ids.assetID)/variables")
            try context.expectStatus(response, 200, step: "variables")
            _ = try context.integer(try context.json(response, step: "variables"), "page.totalElements", step: "variables")
        },
    ]
}
