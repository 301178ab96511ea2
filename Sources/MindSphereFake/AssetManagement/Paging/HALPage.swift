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
        .object([
            "_embedded": .object([collection: .array(items)]),
            "_links": links(total: total, request: request),
            "page": page(total: total, request: request),
        ])
    }

    /// The same document as `json(items:total:request:)` written as bytes, with each item already rendered to JSON
    /// bytes: lists splice the entries they keep rendered instead of building and writing them again.
    func bytes(itemBytes: [[UInt8]], total: Int, request: PageRequest) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(itemBytes.reduce(512) { $0 + $1.count + 1 })
        output.append(contentsOf: #"{"_embedded":{"#.utf8)
        JSONWriter.writeString(collection, into: &output)
        output.append(contentsOf: ":[".utf8)
        for (position, item) in itemBytes.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: item)
        }
        output.append(contentsOf: #"]},"_links":"#.utf8)
        JSONWriter.write(links(total: total, request: request), into: &output)
        output.append(contentsOf: #","page":"#.utf8)
        JSONWriter.write(page(total: total, request: request), into: &output)
        output.append(UInt8(ascii: "}"))
        return output
    }

    private static func totalPages(_ total: Int, _ request: PageRequest) -> Int {
        total == 0 ? 0 : (total + request.size - 1) / request.size
    }

    /// `first`, `prev`, `self`, `next`, `last` as far as they apply.
    private func links(total: Int, request: PageRequest) -> JSONValue {
        let totalPages = Self.totalPages(total, request)
        let hasPrevious = request.page > 0
        // Compared without adding to `page`: a client may ask for page Int.max.
        let hasNext = request.page < totalPages - 1
        let query = LinkQuery(extraQuery: extraQuery, request: request)
        var links = JSONObject()
        if hasPrevious || hasNext {
            links["first"] = link(page: 0, request, around: query)
        }
        if hasPrevious {
            links["prev"] = link(page: min(request.page - 1, max(totalPages - 1, 0)), request, around: query)
        }
        links["self"] = link(page: request.page, request, around: query)
        if hasNext {
            links["next"] = link(page: request.page + 1, request, around: query)
        }
        if hasPrevious || hasNext {
            links["last"] = link(page: max(totalPages - 1, 0), request, around: query)
        }
        return .object(links)
    }

    private func page(total: Int, request: PageRequest) -> JSONValue {
        .object([
            "size": .int(request.size),
            "totalElements": .int(total),
            "totalPages": .int(Self.totalPages(total, request)),
            "number": .int(request.page),
        ])
    }

    private func link(page: Int, _ request: PageRequest, around query: LinkQuery) -> JSONValue {
        .object(["href": .string(listURL + "?" + query.before + String(page) + query.after)])
    }

    /// A link's query around its page number, encoded once per page document: its parameters in name order, every
    /// value percent-encoded.
    private struct LinkQuery {
        let before: String
        let after: String

        init(extraQuery: [(name: String, value: String)], request: PageRequest) {
            var pairs = extraQuery.map { (name: $0.name, value: Optional(AssetManagementLinks.encodeQueryValue($0.value))) }
            pairs.append((name: "page", value: nil))
            pairs.append((name: "size", value: String(request.size)))
            pairs.append((name: "sort", value: AssetManagementLinks.encodeQueryValue(request.sortText)))
            let sorted = pairs.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
            let pagePosition = sorted.firstIndex { $0.value == nil } ?? 0
            func joined(_ part: ArraySlice<(name: String, value: String?)>) -> String {
                part.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
            }
            let head = joined(sorted[..<pagePosition])
            let tail = joined(sorted[(pagePosition + 1)...])
            before = (head.isEmpty ? "" : head + "&") + "page="
            after = tail.isEmpty ? "" : "&" + tail
        }
    }
}
