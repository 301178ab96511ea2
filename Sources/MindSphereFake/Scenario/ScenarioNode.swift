import Yams

/// One node of a parsed scenario file with its file and line, and typed accessors whose errors name both.
struct ScenarioNode {
    let node: Node
    let file: String

    /// Where the node starts.
    var location: SourceLocation { SourceLocation(file: file, line: node.mark?.line ?? 1) }

    /// Parses `text` (YAML, so JSON too) into its root node; an empty document is an empty mapping.
    /// - Throws: `ScenarioError` with the line of the syntax error.
    static func parse(_ text: String, file: String) throws(ScenarioError) -> ScenarioNode {
        do {
            guard let root = try Yams.compose(yaml: text, .basic) else {
                return ScenarioNode(node: Node([(Node, Node)]()), file: file)
            }
            return ScenarioNode(node: root, file: file)
        } catch let error as YamlError {
            throw Self.describe(error, text: text, file: file)
        } catch {
            throw ScenarioError("cannot parse YAML", at: SourceLocation(file: file, line: 1))
        }
    }

    /// A YAML error as file, line and the parser's own words, never the document's text (Yams puts the whole text
    /// in some errors; a posted scenario must not make the fake echo a file it includes).
    private static func describe(_ error: YamlError, text: String, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text); " } ?? ""
            return ScenarioError("invalid YAML: \(detail)\(problem) (column \(mark.column))", at: SourceLocation(file: file, line: mark.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(
                "invalid YAML: \(duplicates.count) duplicate key(s)",
                at: SourceLocation(file: file, line: context.mark.line))
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in 1 + text.prefix(offset).reduce(0) { $1 == "\n" ? $0 + 1 : $0 } } ?? 1
            return ScenarioError("invalid YAML: \(problem)", at: SourceLocation(file: file, line: line))
        default:
            return ScenarioError("invalid YAML", at: SourceLocation(file: file, line: 1))
        }
    }

    /// A refusal at this node.
    func error(_ reason: String) -> ScenarioError { ScenarioError(reason, at: location) }

    /// The mapping's entries in order.
    /// - Throws: when the node is not a mapping.
    func entries(_ what: String) throws(ScenarioError) -> [(key: String, value: ScenarioNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping") }
        return mapping.map { (key: $0.key.string ?? "", value: ScenarioNode(node: $0.value, file: file)) }
    }

    /// The value of `key` when this is a mapping that has it (and it is not null).
    func child(_ key: String) -> ScenarioNode? {
        // Compared as text: looking up `Node(key)` resolves its tag through Yams' default resolver, whose first use
        // compiles its regular expressions: milliseconds on the start path, for no scenario feature.
        guard case .mapping(let mapping) = node,
            let value = mapping.first(where: { $0.key.scalar?.string == key })?.value
        else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) { return nil }
        return ScenarioNode(node: value, file: file)
    }

    /// Refuses keys outside `allowed`, so typos are caught rather than ignored.
    func onlyKeys(_ allowed: Set<String>, in what: String) throws(ScenarioError) {
        for (key, value) in try entries(what) where !allowed.contains(key) {
            throw value.error("unknown key '\(key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// The sequence's items; a single non-sequence value counts as a one-item list when `allowSingle`.
    func items(_ what: String, allowSingle: Bool = false) throws(ScenarioError) -> [ScenarioNode] {
        if case .sequence(let sequence) = node { return sequence.map { ScenarioNode(node: $0, file: file) } }
        if allowSingle { return [self] }
        throw error("\(what) must be a list")
    }

    /// Whether the node is a list.
    var isSequence: Bool {
        if case .sequence = node { return true }
        return false
    }

    /// The scalar as text.
    func string(_ what: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be a text value") }
        return scalar.string
    }

    /// The scalar as an integer.
    func integer(_ what: String) throws(ScenarioError) -> Int64 {
        guard case .scalar(let scalar) = node, let value = Int64(String(scalar.string.filter { $0 != "_" })) else {
            throw error("\(what) must be an integer")
        }
        return value
    }

    /// The node as JSON: plain `null`/`~` → null, `true`/`false` → Boolean, plain numbers → numbers (integers kept
    /// apart from doubles), every quoted or other scalar → string. Mappings keep their key order.
    var json: JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            return Self.plainScalar(scalar.string)
        case .mapping(let mapping):
            return .object(JSONObject(mapping.map { (key: $0.key.string ?? "", value: ScenarioNode(node: $0.value, file: file).json) }))
        case .sequence(let sequence):
            return .array(sequence.map { ScenarioNode(node: $0, file: file).json })
        case .alias:
            return .null
        }
    }

    /// A plain scalar's JSON value; numbers as JSON writes them (`007` and `+1` stay text).
    static func plainScalar(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let digits = text.utf8.drop(while: { $0 == UInt8(ascii: "-") })
        if digits.count > 1, digits.first == UInt8(ascii: "0"), digits.dropFirst().first != UInt8(ascii: ".") {
            return .string(text)
        }
        if let first = text.utf8.first, first == UInt8(ascii: "-") || (48...57).contains(first) {
            if let integer = Int64(text) { return .number(.integer(integer)) }
            if text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 || $0 == 101 || $0 == 69 || $0 == 45 || $0 == 43 }),
                let double = Double(text), double.isFinite
            {
                return .number(.double(double))
            }
        }
        return .string(text)
    }
}
