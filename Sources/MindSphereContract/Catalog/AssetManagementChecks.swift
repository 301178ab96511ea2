import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of Asset Management v3 (`/api/assetmanagement/v3`): happy paths here, behaviour and exact errors in
/// `AssetManagementChecks+Behaviour.swift`.
public enum AssetManagementChecks {
    static let base = "/api/assetmanagement/v3"

    /// All Asset Management checks.
    public static var all: [ContractCheck] { happyPaths + behaviour + strict }

    static let happyPaths: [ContractCheck] = [
        ContractCheck("am.assets.list", tier: .happyPath, "GET /assets answers a HAL page of 10 with the tenant's assets") { context in
            let response = try await context.send("list assets", .get, base + "/assets")
            try context.expectStatus(response, 200, step: "list assets")
            let body = try context.json(response, step: "list assets")
            try context.ensure(try context.integer(body, "page.size", step: "list assets") == 10, "page.size is not 10")
            try context.ensure(try context.integer(body, "page.number", step: "list assets") == 0, "page.number is not 0")
            _ = try context.integer(body, "page.totalElements", step: "list assets")
            _ = try context.integer(body, "page.totalPages", step: "list assets")
            let assets = try context.value(body, "_embedded.assets", step: "list assets").arrayValue ?? []
            try context.ensure(!assets.isEmpty, "_embedded.assets is empty; a tenant has at least its root asset")
            _ = try context.string(body, "_links.self.href", step: "list assets")
            try expectAssetShape(context, assets[0], step: "list assets")
        },
        ContractCheck("am.assets.root", tier: .happyPath, "GET /assets/root answers the root asset with an empty hierarchyPath") { context in
            let response = try await context.send("root asset", .get, base + "/assets/root")
            try context.expectStatus(response, 200, step: "root asset")
            let body = try context.json(response, step: "root asset")
            try expectAssetShape(context, body, step: "root asset")
            let path = try context.value(body, "hierarchyPath", step: "root asset").arrayValue
            try context.ensure(path?.isEmpty == true, "root asset: hierarchyPath is not an empty array")
        },
        ContractCheck("am.asset.read", tier: .happyPath, "GET /assets/{id} answers the asset with its etag") { context in
            let root = try context.json(try await context.send("root asset", .get, base + "/assets/root"), step: "root asset")
            let id = try context.string(root, "assetId", step: "root asset")
            let response = try await context.send("read asset", .get, base + "/assets/" + id)
            try context.expectStatus(response, 200, step: "read asset")
            let body = try context.json(response, step: "read asset")
            try context.ensure(body["assetId"]?.stringValue == id, "read asset: assetId differs")
            try expectAssetShape(context, body, step: "read asset")
        },
        ContractCheck(
            "am.aspecttype.create", tier: .happyPath, requires: .writes,
            "PUT /aspecttypes/{id} creates a dynamic aspect type that GET returns with its variables"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("read aspect type", .get, base + "/aspecttypes/" + ids.aspectTypeID)
            try context.expectStatus(response, 200, step: "read aspect type")
            let body = try context.json(response, step: "read aspect type")
            try context.ensure(body["id"]?.stringValue == ids.aspectTypeID, "aspect type id differs")
            try context.ensure(body["category"]?.stringValue == "dynamic", "category is not dynamic")
            _ = try context.integer(body, "etag", step: "read aspect type")
            let names = (body["variables"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            try context.ensure(Set(names) == ["temperature", "counter", "label", "ok"], "variables are \(names)")
        },
        ContractCheck(
            "am.assettype.create", tier: .happyPath, requires: .writes,
            "PUT /assettypes/{id} creates an asset type holding the aspect"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await context.send("read asset type", .get, base + "/assettypes/" + ids.assetTypeID)
            try context.expectStatus(response, 200, step: "read asset type")
            let body = try context.json(response, step: "read asset type")
            try context.ensure(body["id"]?.stringValue == ids.assetTypeID, "asset type id differs")
            let aspects = body["aspects"]?.arrayValue ?? []
            try context.ensure(aspects.contains { $0["name"]?.stringValue == ids.aspectName }, "asset type lacks aspect '\(ids.aspectName)'")
        },
        ContractCheck(
            "am.asset.create", tier: .happyPath, requires: .writes,
            "POST /assets creates an asset of the new type under the root"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await createAsset(context, "create asset", name: "created", ids: ids)
            try context.expectStatus(response, 200, 201, step: "create asset")
            let body = try context.json(response, step: "create asset")
            try expectAssetShape(context, body, step: "create asset")
            try context.ensure(body["typeId"]?.stringValue == ids.assetTypeID, "typeId differs")
            try context.ensure(body["parentId"]?.stringValue == ids.rootAssetID, "parentId differs")
        },
        ContractCheck(
            "am.asset.delete", tier: .happyPath, requires: .writes,
            "DELETE /assets/{id} with If-Match removes the asset"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(try await createAsset(context, "create asset", name: "deleted", ids: ids), step: "create asset")
            let id = try context.string(created, "assetId", step: "create asset")
            let etag = try context.integer(created, "etag", step: "create asset")
            let response = try await context.send("delete asset", .delete, base + "/assets/" + id, headers: ["If-Match": String(etag)])
            try context.expectStatus(response, 200, 204, step: "delete asset")
            let after = try await context.send("read deleted asset", .get, base + "/assets/" + id)
            if after.status.code == 200 {
                let deleted = try context.json(after, step: "read deleted asset")["deleted"]
                try context.ensure(deleted != nil && deleted != .null, "the deleted asset reads back without 'deleted' set")
            } else {
                try context.expectStatus(after, 404, step: "read deleted asset")
            }
        },
    ]

    /// Creates an asset named `<prefix>_<name>` of the run's type under the root.
    static func createAsset(_ context: CheckContext, _ label: String, name: String, ids: RunFixtures.Ids) async throws -> FakeResponse {
        try await context.send(
            label, .post, base + "/assets",
            json: .object([
                "name": .string(context.prefix.name(name)),
                "typeId": .string(ids.assetTypeID),
                "parentId": .string(ids.rootAssetID),
                "description": .string("contract kit run \(context.prefix)"),
            ]))
    }

    /// Fails unless `asset` has the seed's asset fields.
    static func expectAssetShape(_ context: CheckContext, _ asset: JSONValue, step: String) throws {
        let id = try context.string(asset, "assetId", step: step)
        try context.ensure(CheckContext.isHexID(id), "\(step): assetId '\(id)' is not 32 lowercase hex characters")
        for key in ["tenantId", "name", "typeId", "timezone", "twinType"] { _ = try context.string(asset, key, step: step) }
        _ = try context.integer(asset, "etag", step: step)
        for key in ["variables", "aspects", "fileAssignments", "locks"] {
            try context.ensure(asset[key]?.arrayValue != nil, "\(step): '\(key)' is not an array")
        }
        _ = try context.string(asset, "_links.self.href", step: step)
    }

    /// A `filter` query value (URL-encoded JSON).
    static func filter(_ json: JSONValue) -> String {
        PercentDecoding.encode(JSONWriter.string(json))
    }
}
