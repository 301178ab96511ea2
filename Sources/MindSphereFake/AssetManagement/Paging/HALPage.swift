/// Renders one page of a list the way Asset Management does: `_embedded` (an empty array when nothing is on the page,
/// as Spring HATEOAS renders an empty page and as clients written against real tenants iterate it), `_links`
/// (`first`, `prev`, `self`, `next`, `last` as far as they apply) and `page`.
struct HALPage {
    /// The collection key inside `_embedded`, e.g. `assets`.
    let collection: String
    /// The absolute URL of the list, without query.
    let listURL: String
    /// Query parameters to repeat in links besides `page`, `size` and `sort` (e.g. `filter`, `basicFieldsOnly`).
    let extraQuery: [(name: String, value: String)]

    /// The page document for `items` (already sliced) out of `total`.
    func json(items: [JSONValue], total: Int, request: PageRequest) -> JSONValue {
        var document = JSONObject()
        document["_embedded"] = .object([collection: .array(items)])
        let totalPages = total == 0 ? 0 : (total + request.size - 1) / request.size
        let hasPrevious = request.page > 0
        let hasNext = request.page + 1 < totalPages
        var links = JSONObject()
        if hasPrevious || hasNext {
            links["first"] = link(page: 0, request)
        }
        if hasPrevious {
            links["prev"] = link(page: min(request.page - 1, max(totalPages - 1, 0)), request)
        }
        links["self"] = link(page: request.page, request)
        if hasNext {
            links["next"] = link(page: request.page + 1, request)
        }
        if hasPrevious || hasNext {
            links["last"] = link(page: max(totalPages - 1, 0), request)
        }
        document["_links"] = .object(links)
        document["page"] = .object([
            "size": .int(request.size),
            "totalElements": .int(total),
            "totalPages": .int(totalPages),
            "number": .int(request.page),
        ])
        return .object(document)
    }

    private func link(page: Int, _ request: PageRequest) -> JSONValue {
        var pairs = extraQuery
        pairs.append((name: "page", value: String(page)))
        pairs.append((name: "size", value: String(request.size)))
        pairs.append((name: "sort", value: request.sortText))
        let query = pairs.sorted { $0.name < $1.name }
            .map { "\($0.name)=\(AssetManagementLinks.encodeQueryValue($0.value))" }
            .joined(separator: "&")
        return .object(["href": .string(listURL + "?" + query)])
    }
}
