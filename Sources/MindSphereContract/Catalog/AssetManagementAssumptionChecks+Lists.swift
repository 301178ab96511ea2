import Foundation
import HTTPTypes
import MindSphereFake

extension AssetManagementAssumptionChecks {
    static func names(_ context: CheckContext, _ label: String, _ query: String) async throws -> [String] {
        let response = try await context.send(label, .get, base + "/assets?" + query)
        try context.expectStatus(response, 200, step: label)
        return (try context.json(response, step: label)["_embedded"]?["assets"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    static func filterQuery(_ json: JSONValue) -> String { "filter=" + AssetManagementChecks.filter(json) }

    static let lists: [ContractCheck] = [
        ContractCheck(
            "am.assumption.links-resolve", tier: .strict, verifies: ["am.links.resolve"],
            "an asset's location link and its aspects' self links answer GET 200"
        ) { context in
            let listed = try await context.send("list assets", .get, base + "/assets?size=50")
            try context.expectStatus(listed, 200, step: "list assets")
            let assets = try context.json(listed, step: "list assets")["_embedded"]?["assets"]?.arrayValue ?? []
            var followed = 0
            for asset in assets.prefix(10) {
                var hrefs: [String] = []
                if let location = asset["_links"]?["location"]?["href"]?.stringValue { hrefs.append(location) }
                if let aspectsLink = asset["_links"]?["aspects"]?["href"]?.stringValue {
                    let aspects = try await context.send("list aspects", .get, context.path(ofLink: aspectsLink))
                    try context.expectStatus(aspects, 200, step: "list aspects")
                    hrefs += (try context.json(aspects, step: "list aspects")["_embedded"]?["aspects"]?.arrayValue ?? [])
                        .prefix(2).compactMap { $0["_links"]?["self"]?["href"]?.stringValue }
                }
                for href in hrefs {
                    try context.expectStatus(try await context.send("follow \(href)", .get, context.path(ofLink: href)), 200, step: "follow \(href)")
                    followed += 1
                }
            }
            try context.ensure(followed > 0, "no asset had a location or aspect link to follow")
        },
        ContractCheck(
            "am.assumption.list-includes-deleted", tier: .strict, requires: .writes, verifies: ["am.list.includes-deleted"],
            "deleted assets are listed unless the filter says deleted: null"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            let id = try context.string(try await newAsset(context, "listed", ids), "assetId", step: "create")
            try context.expectStatus(
                try await context.send("delete", .delete, base + "/assets/" + id, headers: ["If-Match": "0"]), 204, step: "delete")
            let name = context.prefix.name("listed")
            try context.ensure(try await names(context, "list", filterQuery(.object(["name": .string(name)]))) == [name], "deleted asset not listed")
            try context.ensure(
                try await names(context, "list undeleted", filterQuery(.object(["name": .string(name), "deleted": .null]))).isEmpty,
                "deleted: null still lists the deleted asset")
        },
        ContractCheck(
            "am.assumption.list-default-sort", tier: .strict, requires: .writes, verifies: ["am.list.default-sort"],
            "lists sort by name case-insensitively"
        ) { context in
            let ids = try await context.session.fixtures.ids(context.session)
            for name in ["Bsort", "asort", "Csort"] { _ = try await newAsset(context, name, ids) }
            let listed = try await names(
                context, "list",
                filterQuery(
                    .object([
                        "name": .object(["endsWith": .string("sort")]),
                        "typeId": .string(ids.assetTypeID),
                    ])))
            let expected = ["asort", "Bsort", "Csort"].map(context.prefix.name)
            try context.ensure(listed == expected, "order is \(listed)")
        },
        ContractCheck(
            "am.assumption.list-single-page-links", tier: .strict, verifies: ["am.list.links"],
            "a single page has only a self link"
        ) { context in
            let response = try await context.send(
                "list one", .get, base + "/assets?" + filterQuery(.object(["name": .string(context.prefix.name("none"))])))
            let links = try context.json(response, step: "list one")["_links"]?.objectValue?.keys ?? []
            try context.ensure(links == ["self"], "links are \(links)")
        },
        ContractCheck(
            "am.assumption.list-size", tier: .strict, verifies: ["am.list.size"],
            "size=0 means 10; size=2000 is served; size=2001 answers 400 invalidParameter"
        ) { context in
            let zero = try context.json(try await context.send("size 0", .get, base + "/assets?size=0"), step: "size 0")
            try context.ensure(try context.integer(zero, "page.size", step: "size 0") == 10, "size=0 did not give 10")
            let largest = try context.json(try await context.send("size 2000", .get, base + "/assets?size=2000"), step: "size 2000")
            try context.ensure(try context.integer(largest, "page.size", step: "size 2000") == 2000, "size=2000 did not give 2000")
            let tooLarge = try await context.send("size 2001", .get, base + "/assets?size=2001")
            try context.expectPlatformError(tooLarge, status: 400, code: "mdsp.core.generic.invalidParameter", step: "size 2001")
        },
        ContractCheck(
            "am.assumption.list-bad-paging", tier: .strict, verifies: ["am.list.bad-paging"],
            "size=-1 answers 400 invalidParameter"
        ) { context in
            let response = try await context.send("size -1", .get, base + "/assets?size=-1")
            try context.expectPlatformError(response, status: 400, code: "mdsp.core.generic.invalidParameter", step: "size -1")
        },
        ContractCheck(
            "am.assumption.list-core-types", tier: .strict, verifies: ["am.list.includes-core-types"],
            "GET /assettypes lists core.basicasset"
        ) { context in
            let response = try await context.send(
                "list core types", .get,
                base + "/assettypes?" + filterQuery(.object(["id": .string("core.basicasset")])))
            let types = try context.json(response, step: "list core types")["_embedded"]?["assetTypes"]?.arrayValue ?? []
            try context.ensure(types.contains { $0["id"] == .string("core.basicasset") }, "core.basicasset is not listed")
        },
        ContractCheck(
            "am.assumption.filter-unknown-field", tier: .strict, requires: .writes, verifies: ["am.filter.unknown-field"],
            "a condition on a field that is not filterable is ignored"
        ) { context in
            _ = try await context.session.fixtures.ids(context.session)
            let name = context.prefix.name("machine1")
            let listed = try await names(
                context, "filter with unknown field",
                filterQuery(.object(["name": .string(name), "colour": .string("red")])))
            try context.ensure(listed == [name], "the unknown field was not ignored")
        },
        ContractCheck(
            "am.assumption.filter-case", tier: .strict, requires: .writes, verifies: ["am.filter.case"],
            "filter comparisons are case-sensitive"
        ) { context in
            _ = try await context.session.fixtures.ids(context.session)
            let listed = try await names(
                context, "filter upper case", filterQuery(.object(["name": .string(context.prefix.name("machine1").uppercased())])))
            try context.ensure(listed.isEmpty, "an upper-case name matched")
        },
        ContractCheck(
            "am.assumption.filter-text-syntax", tier: .strict, verifies: ["am.filter.text-syntax"],
            "the old text syntax 'name eq x' answers 400"
        ) { context in
            let response = try await context.send("text filter", .get, base + "/assets?filter=" + PercentDecoding.encode("name eq x"))
            try context.expectStatus(response, 400, step: "text filter")
        },
        ContractCheck("am.assumption.include-shared", tier: .strict, verifies: ["am.include-shared"], "includeShared=true is accepted") { context in
            try context.expectStatus(try await context.send("includeShared", .get, base + "/assets?includeShared=true"), 200, step: "includeShared")
        },
    ]
}
