/// A JSON document as a value: objects keep their key order, numbers keep whether they were integers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, when this value is one.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The Boolean, when this value is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the JSON type, for error messages ("string", "number", ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Looks up a key when this value is an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// A convenience for integers.
    public static func int(_ value: Int) -> JSONValue { .number(.integer(Int64(value))) }

    /// A convenience for doubles.
    public static func double(_ value: Double) -> JSONValue { .number(.double(value)) }
}

/// A JSON number: an integer literal that fits `Int64`, or any other number as `Double`.
public enum JSONNumber: Sendable, Equatable {
    case integer(Int64)
    case double(Double)

    /// The number as a `Double`.
    public var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        }
    }
}

/// A JSON object that keeps its keys in insertion order. Small objects are searched linearly; once an object has
/// more than `indexThreshold` members it also keeps a key index, so building, reading and comparing large objects
/// stays linear in their size (a linear search per insert made a 100,000-key body cost seconds).
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var members: [(key: String, value: JSONValue)]
    /// The position of each key's member, kept only for objects larger than `indexThreshold`.
    private var index: [String: Int]?

    /// Above this many members an object keeps a key index; below it a linear search is cheaper than hashing. Rendered
    /// resources (an asset has about 20 members) stay below it: they are built once and written, never searched.
    static let indexThreshold = 32

    /// An object from ordered members (for a repeated key, lookups find its first member).
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
        if members.count > Self.indexThreshold { rebuildIndex() }
    }

    /// An object from a literal, in literal order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The number of members.
    public var count: Int { members.count }

    /// The value of `key`; setting `nil` removes it, setting a new key appends it, setting an existing key replaces
    /// its value in place.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                members.append((key: key, value: newValue))
                if index != nil {
                    index?[key] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// The position of `key`'s (first) member.
    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex(where: { $0.key == key })
    }

    private mutating func rebuildIndex() {
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where built[member.key] == nil { built[member.key] = position }
        index = built
    }

    /// Two objects are equal when they have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (key, value) in lhs.members where rhs[key] != value { return false }
        return true
    }
}
