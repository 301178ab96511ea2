import HTTPTypes

/// Asset Management v3 under `/api/assetmanagement/v3`: aspect types, asset types and assets, tenant-scoped by
/// the caller's token, with HAL paging, the JSON filter language and integer etags.
package struct AssetManagementAPI: Sendable {
    let store: AssetStore
    let listsThroughIndexes: Bool

    /// The API over `store`. `listsThroughIndexes: false` makes `GET /assets` test every asset instead of asking
    /// the indexes first: the same answers, slower; the differential tests compare the two.
    public init(store: AssetStore, listsThroughIndexes: Bool = true) {
        self.store = store
        self.listsThroughIndexes = listsThroughIndexes
    }

    /// The routes of this API.
    public var routes: [Route] {
        let aspectTypes = AspectTypeEndpoints(store: store)
        let assetTypes = AssetTypeEndpoints(store: store)
        let assets = AssetEndpoints(store: store, listsThroughIndexes: listsThroughIndexes)
        let details = AssetDetailEndpoints(store: store)
        let files = FileEndpoints(store: store)
        let assignments = FileAssignmentEndpoints(store: store)
        let lock = ModelLockEndpoints(store: store)
        let base = AssetManagementLinks.basePath
        func route(
            _ method: HTTPRequest.Method, _ path: String, maximumBodyBytes: Int? = nil, _ handler: @escaping RouteHandler
        ) -> Route {
            Route(method, base + path, errorShape: .platform, access: .bearerToken, maximumBodyBytes: maximumBodyBytes, handler: handler)
        }
        return [
            route(.get, "", Self.billboard),
            route(.get, "/aspecttypes", aspectTypes.list),
            route(.get, "/aspecttypes/{id}", aspectTypes.read),
            route(.put, "/aspecttypes/{id}", aspectTypes.put),
            route(.patch, "/aspecttypes/{id}", aspectTypes.patch),
            route(.delete, "/aspecttypes/{id}", aspectTypes.delete),
            route(.get, "/assettypes", assetTypes.list),
            route(.get, "/assettypes/{id}", assetTypes.read),
            route(.put, "/assettypes/{id}", assetTypes.put),
            route(.patch, "/assettypes/{id}", assetTypes.patch),
            route(.delete, "/assettypes/{id}", assetTypes.delete),
            route(.patch, "/assettypes/{id}/variables", assetTypes.patchVariables),
            route(.get, "/assets", assets.list),
            route(.post, "/assets", assets.create),
            route(.get, "/assets/root", assets.root),
            route(.get, "/assets/{id}", assets.read),
            route(.put, "/assets/{id}", assets.put),
            route(.patch, "/assets/{id}", assets.patch),
            route(.delete, "/assets/{id}", assets.delete),
            route(.post, "/assets/{id}/move", details.move),
            route(.get, "/assets/{id}/aspects", details.aspects),
            route(.get, "/assets/{id}/aspects/{name}", details.aspect),
            route(.get, "/assets/{id}/variables", details.variables),
            route(.get, "/assets/{id}/location", details.location),
            route(.put, "/assets/{id}/location", details.putLocation),
            route(.delete, "/assets/{id}/location", details.deleteLocation),
            route(.put, "/assets/{id}/fileAssignments/{key}", assignments.putOnAsset),
            route(.delete, "/assets/{id}/fileAssignments/{key}", assignments.deleteOnAsset),
            route(.put, "/assettypes/{id}/fileAssignments/{key}", assignments.putOnType),
            route(.delete, "/assettypes/{id}/fileAssignments/{key}", assignments.deleteOnType),
            route(.post, "/files", maximumBodyBytes: FileEndpoints.maximumRequestBytes, files.create),
            route(.get, "/files", files.list),
            route(.get, "/files/{id}", files.read),
            route(.put, "/files/{id}", maximumBodyBytes: FileEndpoints.maximumRequestBytes, files.put),
            route(.delete, "/files/{id}", files.delete),
            route(.get, "/files/{id}/file", files.download),
            route(.get, "/model/lock", lock.read),
            route(.put, "/model/lock", lock.put),
        ]
    }

    /// `GET /api/assetmanagement/v3/`: links to the API's collections.
    @Sendable static func billboard(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let links = AssetManagementLinks(baseURL: context.baseURL)
        return .json(
            .object([
                "_links": .object([
                    "self": .object(["href": .string(links.root + "/")]),
                    "aspectTypes": links.href("aspecttypes"),
                    "assetTypes": links.href("assettypes"),
                    "assets": links.href("assets"),
                    "files": links.href("files"),
                ])
            ]))
    }
}

/// What every Asset Management list reads from its query: paging, filter and links.
struct ListQuery {
    let page: PageRequest
    let filter: FilterExpression?
    let links: AssetManagementLinks
    let extraQuery: [(name: String, value: String)]

    /// Reads `page`, `size`, `sort`, `filter` and `includeShared` (plus `flags`, repeated in links).
    /// - Throws: `FakeError` (400) naming the bad parameter.
    init(_ context: RequestContext, sortable: Set<String>, defaultSort: [String], flags: [(String, Bool)] = []) throws(FakeError) {
        page = try PageRequest(context, sortable: sortable, defaultSort: defaultSort)
        links = AssetManagementLinks(baseURL: context.baseURL)
        var extra = flags.map { (name: $0.0, value: $0.1 ? "true" : "false") }
        if let text = context.query["filter"], !text.withoutSurroundingSpaces().isEmpty {
            filter = try FilterParser.parse(text)
            extra.append((name: "filter", value: text))
        } else {
            filter = nil
        }
        if try Self.flag(context, "includeShared") { extra.append((name: "includeShared", value: "true")) }
        extraQuery = extra
    }

    /// A Boolean query parameter (`true`/`false` in any letter case).
    /// - Throws: `FakeError` (400) for other values.
    static func flag(_ context: RequestContext, _ name: String) throws(FakeError) -> Bool {
        try context.booleanQuery(name, default: false)
    }

    /// The page document for `all` matching items, rendered with `render`.
    func response<Item>(collection: String, path: String, all: [Item], render: (Item) -> JSONValue) -> FakeResponse {
        response(collection: collection, path: path, items: page.slice(all).map(render), total: all.count)
    }

    /// The page document for this page's rendered `items` out of `total` matching items.
    func response(collection: String, path: String, items: [JSONValue], total: Int) -> FakeResponse {
        let hal = HALPage(collection: collection, listURL: links.root + "/" + path, extraQuery: extraQuery)
        return .json(hal.json(items: items, total: total, request: page))
    }

    /// The page document for this page's items, each already rendered to JSON bytes, out of `total` matching items.
    func response(collection: String, path: String, itemBytes: [[UInt8]], total: Int) -> FakeResponse {
        let hal = HALPage(collection: collection, listURL: links.root + "/" + path, extraQuery: extraQuery)
        let body = hal.bytes(itemBytes: itemBytes, total: total, request: page)
        return FakeResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body)
    }
}
