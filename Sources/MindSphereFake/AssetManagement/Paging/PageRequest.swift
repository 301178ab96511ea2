/// The `page`, `size` and `sort` query parameters of an Asset Management list, read the way the platform reads them.
struct PageRequest: Sendable {
    /// The default and the largest page size.
    static let defaultSize = 10, maximumSize = 2000

    /// The 0-based page number.
    let page: Int
    /// The page size.
    let size: Int
    /// The sort properties, in priority order.
    let sortFields: [String]
    /// Whether the order is ascending.
    let ascending: Bool

    /// The `sort` value as written in links, e.g. `name,id,asc`.
    var sortText: String { (sortFields + [ascending ? "asc" : "desc"]).joined(separator: ",") }

    /// Reads the parameters; `sortable` names the fields a list can sort by, `defaultSort` its default fields.
    /// `size=0` means the default size; sizes above the maximum are refused (assumption `am.list.size`);
    /// `sort=ASC` or `DESC` alone sorts the default fields in that direction.
    /// - Throws: `FakeError` (400) naming the bad parameter.
    init(_ context: RequestContext, sortable: Set<String>, defaultSort: [String]) throws(FakeError) {
        page = try Self.integer(context, "page", default: 0)
        let requested = try Self.integer(context, "size", default: Self.defaultSize)
        guard requested <= Self.maximumSize else {
            throw FakeError.invalidParameter("query parameter 'size' must be from 0 to \(Self.maximumSize), got \(requested)")
        }
        size = requested == 0 ? Self.defaultSize : requested
        guard let raw = context.query["sort"], !raw.withoutSurroundingSpaces().isEmpty else {
            sortFields = defaultSort
            ascending = true
            return
        }
        var pieces = raw.split(separator: ",").map { String($0).withoutSurroundingSpaces() }.filter { !$0.isEmpty }
        var direction = true
        if let last = pieces.last?.lowercased(), last == "asc" || last == "desc" {
            direction = last == "asc"
            pieces.removeLast()
        }
        for field in pieces where !sortable.contains(field) {
            throw FakeError.invalidParameter(
                "sort property '\(field)' is not supported; use one of \(sortable.sorted().joined(separator: ", ")) with asc or desc")
        }
        sortFields = pieces.isEmpty ? defaultSort : pieces
        ascending = direction
    }

    private static func integer(_ context: RequestContext, _ name: String, default value: Int) throws(FakeError) -> Int {
        guard let raw = context.query[name], !raw.isEmpty else { return value }
        guard let number = Int(raw), number >= 0 else {
            throw FakeError.invalidParameter("query parameter '\(name)' must be a non-negative integer, got '\(raw)'")
        }
        return number
    }

    /// Sorts `items` by the requested fields, reading each key once per item with `key`.
    func sorted<Item>(_ items: [Item], key: (Item, String) -> String) -> [Item] {
        let fields = sortFields
        let keys = items.map { item in fields.map { key(item, $0) } }
        let ascending = self.ascending
        let order = keys.indices.sorted { left, right in
            for (a, b) in zip(keys[left], keys[right]) where a != b {
                return ascending ? a < b : a > b
            }
            return false
        }
        return order.map { items[$0] }
    }

    /// The 0-based positions in the whole list this page holds (they may lie beyond its end).
    var window: Range<Int> {
        let (start, overflow) = page.multipliedReportingOverflow(by: size)
        guard !overflow else { return Int.max..<Int.max }
        let (end, endOverflow) = start.addingReportingOverflow(size)
        return start..<(endOverflow ? Int.max : end)
    }

    /// The slice of `items` this page holds.
    func slice<Item>(_ items: [Item]) -> ArraySlice<Item> {
        let (start, overflow) = page.multipliedReportingOverflow(by: size)
        guard !overflow, start < items.count else { return [] }
        return items[start..<min(start + size, items.count)]
    }
}
