/// One aspect type as Asset Management stores it.
public struct AspectTypeRecord: Sendable, Equatable {
    /// The id, `{tenant}.{name}`.
    public var id: String
    /// The owning tenant (`core` for built-in types).
    public var tenantID: String
    /// The name (immutable).
    public var name: String
    /// `static` or `dynamic` (immutable).
    public var category: AspectSchema.Category
    /// `private` for tenant types, `public` for built-in ones.
    public var scope: String
    /// A free description.
    public var description: String?
    /// The variables in definition order.
    public var variables: [VariableDefinition]
    /// The optimistic-locking counter, 0 at creation.
    public var etag: Int

    /// A record.
    public init(
        id: String, tenantID: String, name: String, category: AspectSchema.Category, scope: String = "private",
        description: String? = nil, variables: [VariableDefinition], etag: Int = 0
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.category = category
        self.scope = scope
        self.description = description
        self.variables = variables
        self.etag = etag
    }

    /// The resource as the API answers it.
    func json(links: AssetManagementLinks) -> JSONValue {
        .object([
            "id": .string(id),
            "tenantId": .string(tenantID),
            "name": .string(name),
            "category": .string(category.rawValue),
            "scope": .string(scope),
            "description": description.map(JSONValue.string) ?? .null,
            "variables": .array(variables.map { .object(VariableDefinitionCodec.json($0)) }),
            "sharing": AssetManagementLinks.emptySharing,
            "etag": .int(etag),
            "_links": .object(["self": links.href("aspecttypes/\(id)")]),
        ])
    }
}
