extension AssumptionRegistry {
    /// Asset Management v3 behaviour.
    public static let assetManagement: [Assumption] = [
        Assumption("am.create.status", .inferred, "POST /assets answers 201 with the created asset (hierarchyPath included)."),
        Assumption(
            "am.type-create.status", .unknown,
            "PUT /aspecttypes/{id} and /assettypes/{id} answer 201 when they create and 200 when they update."),
        Assumption("am.delete.status", .inferred, "DELETE of assets, asset types and aspect types answers 204 without a body."),
        Assumption(
            "am.update.status", .inferred,
            "PUT/PATCH /assets/{id}, move and location answer 200 with the whole updated asset (hierarchyPath included)."),
        Assumption("am.etag.initial", .inferred, "A new resource has etag 0; every change increments it by 1."),
        Assumption("am.etag.header", .unknown, "No ETag response header is sent; the etag travels in the body only."),
        Assumption(
            "am.if-match.missing", .unknown,
            "A change without If-Match (or with an empty one) answers 400 mdsp.core.generic.missingParameter."),
        Assumption("am.if-match.stale", .unknown, "A stale If-Match answers 412 mdsp.core.generic.noMatch."),
        Assumption("am.if-match.format", .inferred, "If-Match accepts 0, \"0\" and W/\"0\"; a non-integer answers 400 invalidParameter."),
        Assumption(
            "am.if-match.absent-resource", .unknown,
            "PUT of a type that does not exist with an If-Match header answers 412 noMatch."),
        Assumption("am.if-none-match.create-only", .inferred, "PUT of an existing type with If-None-Match: * answers 412 noMatch."),
        Assumption("am.if-none-match.get", .inferred, "A GET whose If-None-Match names the current etag answers 304 without a body."),
        Assumption(
            "am.list.empty-page", .inferred,
            "An empty page of any list (no match, or a page beyond the end) carries _embedded with the collection as an empty array; seen for lists with no match in official SDK tests run against real tenants, the same for pages beyond the end because Spring HATEOAS renders every empty page alike."
        ),
        Assumption(
            "am.links.resolve", .unknown,
            "Every href Asset Management renders answers GET 200: an aspect's _links.self (GET /assets/{id}/aspects/{name}) answers that aspect as the list renders it, an asset's _links.location (GET /assets/{id}/location) answers its location ({} without one); the billboard links only the collections that are served."
        ),
        Assumption("am.not-found", .unknown, "Unknown ids answer 404 mdsp.core.generic.notFound naming the id."),
        Assumption("am.deleted-asset.change", .unknown, "Changing a deleted asset answers 404 (it stays readable by GET)."),
        Assumption(
            "am.delete.referenced", .inferred,
            "Deleting an asset with children, a type with child types or assets, or an aspect type used by an asset type answers 409 mdsp.core.generic.conflict."
        ),
        Assumption("am.delete.root", .unknown, "Deleting the root asset answers 409 conflict; moving it answers 400."),
        Assumption(
            "am.validation.status", .inferred,
            "Body rule violations answer 400 invalidRequestBodyProperty (missing members: missingRequestBodyProperty)."),
        Assumption("am.core-types.readonly", .unknown, "Changing or deleting a core.* type answers 403 mdsp.core.generic.forbidden."),
        Assumption(
            "am.core-types.catalog", .inferred,
            "Tenants start with core.basicasset (root type), basicenterprise, basichierarchy (parent of basicsite and basicarea), basicdevice (2 STRING variables), basicagent with the agent types mclib, mcnano, mciot2040, starteragentrpiassettype and industrialEdge (mcnano and mciot2040 with the aspect firmwareStatus), and the static aspect types core.connectivityStatus and core.firmwarestatus (name FirmwareStatus; version, product STRING; installationDate TIMESTAMP); CoreTypeCatalog.evidence says where each was seen. No public source lists more core aspect types: a real tenant's GET /aspecttypes?filter={\"tenantId\":\"core\"} tells."
        ),
        Assumption("am.type-id.case", .unknown, "Type ids compare case-insensitively (core.BasicAsset finds core.basicasset)."),
        Assumption(
            "am.type-id.prefix", .inferred,
            "A type id must be '{tenant}.{name}' with the body's name; another tenant's prefix answers 403."),
        Assumption("am.assettype.default-parent", .unknown, "An asset type without parentTypeId gets core.basicasset."),
        Assumption("am.assettype.instantiable-default", .inferred, "instantiable defaults to true."),
        Assumption(
            "am.assettype.exploded-body", .inferred,
            "Inherited members sent back with _links.origin (an exploded GET) are ignored on PUT/PATCH."),
        Assumption("am.member-names", .unknown, "Variable and aspect names are 1-64 characters of A-Z a-z 0-9 _."),
        Assumption(
            "am.variable.length-default", .inferred,
            "STRING without length gets 255, BIG_STRING 100000; length on other data types is ignored (null)."),
        Assumption(
            "am.variable.length-type", .unknown,
            "A variable's length must be null or an integer (1-255 for STRING, 1-100000 for BIG_STRING and, though ignored, for other types); a Boolean, object, array or out-of-range value answers 400 invalidRequestBodyProperty. Under api.body-binding jackson a numeric string (\"20\") and a fraction (truncated) are integers; under strict they answer 400 too."
        ),
        Assumption(
            "am.asset.values-render", .inferred,
            "An asset lists only variables with a value (set or default) and only static aspects with at least one value; dynamic aspects never appear."
        ),
        Assumption("am.asset.absent-fields", .inferred, "externalId and description not given at creation render as null."),
        Assumption("am.asset.hierarchy-position", .unknown, "hierarchyPath (root first, without the asset) sits before _links."),
        Assumption(
            "am.asset.put-clears", .unknown,
            "PUT /assets/{id} replaces externalId, description, location and values; members left out are cleared."),
        Assumption("am.asset.patch-values", .unknown, "PATCH merges variables and aspect values by name instead of replacing the arrays."),
        Assumption(
            "am.asset.immutable-fields", .inferred,
            "typeId, parentId, timezone and twinType in a PUT/PATCH body must equal the current values (400 otherwise)."),
        Assumption("am.asset.timezone", .unknown, "Time zones are not validated against the zone database; default Europe/Berlin."),
        Assumption("am.asset.location-inheritance", .unknown, "Locations are not inherited from the parent; DELETE location leaves null."),
        Assumption(
            "am.asset.variables-endpoint", .unknown,
            "GET /assets/{id}/variables lists the asset type's variable definitions (inherited included)."),
        Assumption("am.list.includes-deleted", .inferred, "GET /assets lists deleted assets too (filter {\"deleted\":null} hides them)."),
        Assumption(
            "am.list.default-sort", .inferred,
            "Lists sort by name (case-insensitive), then id, ascending; links repeat sort=name,id,asc."),
        Assumption(
            "am.list.links", .inferred,
            "List links are absolute; first/prev/next/last appear only when there is more than one page (Spring HATEOAS)."),
        Assumption(
            "am.list.size", .unknown,
            "size=0 means 10; sizes above 2000 (the largest clients are seen to use) answer 400 mdsp.core.generic.invalidParameter."),
        Assumption("am.list.bad-paging", .unknown, "Negative or non-integer page/size and unknown sort properties answer 400 invalidParameter."),
        Assumption("am.list.includes-core-types", .inferred, "Type lists include the built-in core.* types."),
        Assumption(
            "am.filter.malformed", .unknown,
            "A malformed filter answers 400 mdsp.core.generic.invalidParameter with a message naming the problem."),
        Assumption("am.filter.unknown-field", .inferred, "Conditions on fields that are not filterable are ignored."),
        Assumption("am.filter.case", .unknown, "Filter comparisons are case-sensitive."),
        Assumption("am.filter.text-syntax", .unknown, "The old text syntax ('name eq x') is refused as malformed."),
        Assumption("am.include-shared", .inferred, "includeShared is accepted and has no effect (nothing is shared in the fake)."),
    ]
}
