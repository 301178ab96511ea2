/// One asset type as Asset Management stores it (own aspects and variables only; inheritance is resolved on read).
public struct AssetTypeRecord: Sendable, Equatable {
    /// An aspect slot of an asset type: a name bound to an aspect type.
    public struct AspectSlot: Sendable, Equatable {
        /// The aspect name, unique in the type family.
        public var name: String
        /// The aspect type it instantiates.
        public var aspectTypeID: String

        /// A slot.
        public init(name: String, aspectTypeID: String) {
            self.name = name
            self.aspectTypeID = aspectTypeID
        }
    }

    /// The id, `{tenant}.{name}` or `core.{name}`.
    public var id: String
    /// The owning tenant (`core` for built-in types).
    public var tenantID: String
    /// The name.
    public var name: String
    /// A free description.
    public var description: String?
    /// The parent type; `nil` only for the root of the hierarchy.
    public var parentTypeID: String?
    /// Whether assets of this type may be created.
    public var instantiable: Bool
    /// `private` for tenant types, `public` for built-in ones.
    public var scope: String
    /// Own aspects in definition order.
    public var aspects: [AspectSlot]
    /// Own variables in definition order.
    public var variables: [VariableDefinition]
    /// The optimistic-locking counter, 0 at creation.
    public var etag: Int
    /// Own file assignments; subtypes and assets inherit them unless they assign the same key.
    public var fileAssignments: [FileAssignment] = []

    /// A record.
    public init(
        id: String, tenantID: String, name: String, description: String? = nil, parentTypeID: String?,
        instantiable: Bool = true, scope: String = "private", aspects: [AspectSlot] = [],
        variables: [VariableDefinition] = [], etag: Int = 0
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.description = description
        self.parentTypeID = parentTypeID
        self.instantiable = instantiable
        self.scope = scope
        self.aspects = aspects
        self.variables = variables
        self.etag = etag
    }
}
