/// The alternative in force for each switchable assumption of `AssumptionRegistry`: the registry's default unless a
/// scenario (`assumptions:`) or the control plane (`POST /_fake/assumptions`) picked another.
public struct AssumptionChoices: Sendable, Equatable {
    /// Picked alternatives by assumption id; ids not listed use their default.
    public private(set) var picked: [String: String]

    /// Every switchable assumption at its default.
    public static let defaults = AssumptionChoices()

    /// The defaults.
    public init() {
        picked = [:]
    }

    /// The defaults changed by `picks` (assumption id to alternative name).
    /// - Throws: `FakeError` (400) naming an id that is not a switchable assumption or an alternative it lacks.
    public init(_ picks: [String: String]) throws(FakeError) {
        self.init()
        for (id, alternative) in picks.sorted(by: { $0.key < $1.key }) { try pick(alternative, for: id) }
    }

    /// Puts `alternative` in force for assumption `id`.
    /// - Throws: `FakeError` (400) naming an id that is not a switchable assumption or an alternative it lacks.
    public mutating func pick(_ alternative: String, for id: String) throws(FakeError) {
        guard let assumption = AssumptionRegistry.assumption(id), assumption.isSwitchable else {
            let ids = AssumptionRegistry.switchable.map(\.id).joined(separator: ", ")
            throw FakeError.invalidBody("'\(id)' is not a switchable assumption; switchable: \(ids)")
        }
        let names = assumption.alternatives.map(\.name)
        guard names.contains(alternative) else {
            throw FakeError.invalidBody("assumption '\(id)' has no alternative '\(alternative)'; choose \(names.joined(separator: " or "))")
        }
        picked[id] = alternative == assumption.defaultAlternative ? nil : alternative
    }

    /// The alternative in force for `id`, or `nil` when `id` is not a switchable assumption.
    public func alternative(of id: String) -> String? {
        picked[id] ?? AssumptionRegistry.assumption(id)?.defaultAlternative
    }

    /// Every switchable assumption with the alternative in force, in registry order.
    public var inForce: [(id: String, alternative: String)] {
        AssumptionRegistry.switchable.map { (id: $0.id, alternative: picked[$0.id] ?? $0.defaultAlternative ?? "") }
    }

    /// How request bodies bind (`api.body-binding`).
    package var bodyBinding: BodyBinding { picked["api.body-binding"] == "strict" ? .strict : .jackson }
    /// Whether time-series values may be strings of their type (`ts.strict-types`).
    package var valueCoercion: ValueCoercion { picked["ts.strict-types"] == "strict" ? .strict : .coerce }
    /// Which `_time` forms are accepted (`ts.time-formats`).
    package var timeFormats: TimeFormats { picked["ts.time-formats"] == "lenient" ? .lenient : .strict }
    /// What a GET on a static aspect answers (`ts.static-aspect`).
    package var staticAspectRead: StaticAspectRead { picked["ts.static-aspect"] == "refuse" ? .refuse : .empty }

    /// `{"<id>": "<alternative>", ...}` for every switchable assumption, in registry order.
    public var json: JSONValue {
        .object(JSONObject(inForce.map { (key: $0.id, value: JSONValue.string($0.alternative)) }))
    }
}
