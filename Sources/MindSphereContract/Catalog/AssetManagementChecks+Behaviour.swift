import Foundation
import HTTPTypes
import MindSphereFake

extension AssetManagementChecks {
    static let behaviour: [ContractCheck] = [
        ContractCheck(
            "am.assets.paging", tier: .behaviour, requires: .writes, verifies: ["am.list.links"],
            "size=1 over the run's two assets gives two pages with next/prev links"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            try context.expectStatus(
                try await createAsset(context, "create second asset", name: "paged", ids: ids), 200, 201,
                step: "create second asset")
            let query = "filter=" + filter(.object(["name": .object(["startsWith": .string(context.prefix.value + "_")])]))
            let first = try context.json(try await context.send("page 0", .get, base + "/assets?\(query)&size=1"), step: "page 0")
            try context.ensure(try context.integer(first, "page.totalElements", step: "page 0") >= 2, "page 0: fewer than 2 elements")
            try context.ensure(try context.integer(first, "page.size", step: "page 0") == 1, "page 0: page.size is not 1")
            try context.ensure(first["_embedded"]?["assets"]?.arrayValue?.count == 1, "page 0: not exactly one asset")
            let next = try context.string(first, "_links.next.href", step: "page 0")
            let second = try context.json(try await context.send("page 1", .get, context.localTarget(fromLink: next)), step: "page 1")
            try context.ensure(try context.integer(second, "page.number", step: "page 1") == 1, "next link does not lead to page 1")
            _ = try context.string(second, "_links.prev.href", step: "page 1")
        },
        ContractCheck(
            "am.assets.filter", tier: .behaviour, requires: .writes,
            "filter functions eq, startsWith, contains, endsWith, in and not select the run's asset"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let name = context.prefix.name("machine1")
            let cases: [(String, JSONValue, Bool)] = [
                ("eq", .object(["name": .string(name)]), true),
                ("eq operator", .object(["name": .object(["eq": .string(name)])]), true),
                ("startsWith", .object(["name": .object(["startsWith": .string(context.prefix.value)])]), true),
                ("contains", .object(["name": .object(["contains": .string("machine1")]), "typeId": .string(ids.assetTypeID)]), true),
                (
                    "endsWith",
                    .object([
                        "and": .object([
                            "name": .object(["endsWith": .string("_machine1")]),
                            "typeId": .string(ids.assetTypeID),
                        ])
                    ]), true
                ),
                ("in", .object(["name": .object(["in": .object(["value": .array([.string(name), .string("x")])])])]), true),
                (
                    "not",
                    .object([
                        "name": .object(["startsWith": .string(context.prefix.value)]),
                        "not": .object(["name": .string(name)]),
                    ]), false
                ),
            ]
            for (label, json, expectMatch) in cases {
                let response = try await context.send("filter \(label)", .get, base + "/assets?filter=" + filter(json))
                try context.expectStatus(response, 200, step: "filter \(label)")
                let names = (try context.json(response, step: "filter \(label)")["_embedded"]?["assets"]?.arrayValue ?? [])
                    .compactMap { $0["name"]?.stringValue }
                try context.ensure(
                    names.contains(name) == expectMatch,
                    "filter \(label): the run's asset is \(expectMatch ? "missing" : "included")")
            }
        },
        ContractCheck(
            "am.assets.filter.no-match", tier: .behaviour,
            verifies: ["am.list.empty-page"],
            "a filter that matches nothing answers a page whose _embedded holds an empty array"
        ) { context in
            let json: JSONValue = .object(["name": .string(context.prefix.name("nothing"))])
            let response = try await context.send("filter no match", .get, base + "/assets?filter=" + filter(json))
            try context.expectStatus(response, 200, step: "filter no match")
            let body = try context.json(response, step: "filter no match")
            try context.ensure(body["_embedded"]?["assets"] == .array([]), "an empty page has no _embedded.assets: []")
            try context.ensure(try context.integer(body, "page.totalElements", step: "filter no match") == 0, "totalElements is not 0")
        },
        ContractCheck(
            "am.asset.etag", tier: .behaviour, requires: .writes, verifies: ["am.etag.initial"],
            "PUT with the current If-Match increments the etag; a stale etag is refused"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(try await createAsset(context, "create asset", name: "etag", ids: ids), step: "create asset")
            let id = try context.string(created, "assetId", step: "create asset")
            let etag = try context.integer(created, "etag", step: "create asset")
            let update: JSONValue = .object(["name": .string(context.prefix.name("etag2")), "description": .string("updated")])
            let updated = try await context.send(
                "update with etag", .put, base + "/assets/" + id, json: update,
                headers: ["If-Match": String(etag)])
            try context.expectStatus(updated, 200, step: "update with etag")
            let next = try context.integer(try context.json(updated, step: "update with etag"), "etag", step: "update with etag")
            try context.ensure(next == etag + 1, "etag went from \(etag) to \(next), expected \(etag + 1)")
            let stale = try await context.send(
                "update with stale etag", .put, base + "/assets/" + id, json: update,
                headers: ["If-Match": String(etag)])
            try context.ensure((400..<500).contains(stale.status.code), "a stale If-Match answered \(stale.status.code)")
        },
        ContractCheck(
            "am.aspecttype.delete-in-use", tier: .behaviour, requires: .writes, verifies: ["am.delete.referenced"],
            "deleting an aspect type that an asset type uses is refused with 409"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let current = try context.json(
                try await context.send("read aspect type", .get, base + "/aspecttypes/" + ids.aspectTypeID),
                step: "read aspect type")
            let etag = try context.integer(current, "etag", step: "read aspect type")
            let response = try await context.send(
                "delete used aspect type", .delete, base + "/aspecttypes/" + ids.aspectTypeID,
                headers: ["If-Match": String(etag)])
            try context.expectStatus(response, 409, step: "delete used aspect type")
        },
        ContractCheck("am.asset.not-found", tier: .behaviour, "GET /assets/{unknown id} answers 404") { context in
            let response = try await context.send("unknown asset", .get, base + "/assets/" + context.unknownID())
            try context.expectStatus(response, 404, step: "unknown asset")
        },
    ]

    static let strict: [ContractCheck] = [
        ContractCheck(
            "am.asset.not-found.body", tier: .strict, verifies: ["am.not-found"],
            "an unknown asset answers 404 {errors:[{code,logref,message}]} naming the id"
        ) { context in
            let id = context.unknownID()
            let response = try await context.send("unknown asset", .get, base + "/assets/" + id)
            try context.expectPlatformError(response, status: 404, code: "mdsp.core.generic.notFound", step: "unknown asset")
            let message = try context.string(try context.json(response, step: "unknown asset"), "errors.0.message", step: "unknown asset")
            try context.ensure(message.contains(id), "the message does not name the id")
        },
        ContractCheck(
            "am.asset.create.status", tier: .strict, requires: .writes, verifies: ["am.create.status"], "POST /assets answers 201 with etag 0"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let response = try await createAsset(context, "create asset", name: "status", ids: ids)
            try context.expectStatus(response, 201, step: "create asset")
            try context.ensure(
                try context.integer(try context.json(response, step: "create asset"), "etag", step: "create asset") == 0,
                "a new asset's etag is not 0")
        },
        ContractCheck(
            "am.asset.delete.status", tier: .strict, requires: .writes, verifies: ["am.delete.status"],
            "DELETE /assets/{id} answers 204 without a body"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(try await createAsset(context, "create asset", name: "del204", ids: ids), step: "create asset")
            let id = try context.string(created, "assetId", step: "create asset")
            let response = try await context.send(
                "delete asset", .delete, base + "/assets/" + id,
                headers: ["If-Match": String(try context.integer(created, "etag", step: "create asset"))])
            try context.expectStatus(response, 204, step: "delete asset")
            try context.ensure(response.body.isEmpty, "DELETE answered with a body")
        },
        ContractCheck(
            "am.asset.if-match.stale", tier: .strict, requires: .writes, verifies: ["am.if-match.stale"],
            "a stale If-Match answers 412 mdsp.core.generic.noMatch"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(try await createAsset(context, "create asset", name: "stale", ids: ids), step: "create asset")
            let id = try context.string(created, "assetId", step: "create asset")
            let stale = String(try context.integer(created, "etag", step: "create asset") + 7)
            let response = try await context.send(
                "update with stale etag", .put, base + "/assets/" + id,
                json: .object(["name": .string(context.prefix.name("stale"))]), headers: ["If-Match": stale])
            try context.expectPlatformError(response, status: 412, code: "mdsp.core.generic.noMatch", step: "stale etag")
        },
        ContractCheck(
            "am.asset.if-match.missing", tier: .strict, requires: .writes, verifies: ["am.if-match.missing"],
            "an update without If-Match answers 400 mdsp.core.generic.missingParameter"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let created = try context.json(try await createAsset(context, "create asset", name: "nomatch", ids: ids), step: "create asset")
            let id = try context.string(created, "assetId", step: "create asset")
            let response = try await context.send(
                "update without If-Match", .put, base + "/assets/" + id,
                json: .object(["name": .string(context.prefix.name("nomatch"))]))
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.missingParameter", step: "no If-Match")
        },
        ContractCheck("am.assets.filter.malformed", tier: .strict, verifies: ["am.filter.malformed"], "a filter that is not JSON answers 400") {
            context in
            let response = try await context.send("malformed filter", .get, base + "/assets?filter=" + PercentDecoding.encode("{name"))
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.invalidParameter", step: "malformed filter")
        },
    ]
}
