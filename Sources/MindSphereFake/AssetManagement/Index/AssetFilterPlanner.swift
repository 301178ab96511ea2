/// Turns a filter into `AssetCandidates` from a table's indexes. Every rule is exact or errs towards `maybe`, so
/// testing `maybe` with the filter gives the same matches as testing every asset (`AssetListDifferentialTests`
/// holds the two paths together).
struct AssetFilterPlanner {
    let index: AssetIndex
    /// `hasType` operands to the stored ids of the type and its subtypes, as `FilterEvaluator` resolved them.
    let typeFamilies: [String: Set<String>]

    /// The candidates of `expression`.
    func candidates(_ expression: FilterExpression) -> AssetCandidates {
        let universe = index.present
        switch expression {
        case .all(let parts):
            return parts.reduce(.exactly(universe)) { $0.and(candidates($1)) }
        case .any(let parts):
            return parts.reduce(.exactly(SlotSet())) { $0.or(candidates($1)) }
        case .not(let part):
            return candidates(part).negated(within: universe)
        case .hasType(let type):
            let family = typeFamilies[type] ?? []
            return .exactly(family.reduce(SlotSet()) { $0.union(index.slots(ofType: $1)) })
        case .field(let name, let condition):
            return candidates(field: name, condition)
        }
    }

    private func candidates(field: String, _ condition: FilterCondition) -> AssetCandidates {
        let universe = index.present
        guard Self.indexedFields.contains(field) else { return .unknown(universe) }
        switch condition {
        case .all(let parts):
            return parts.reduce(.exactly(universe)) { $0.and(candidates(field: field, $1)) }
        case .any(let parts):
            return parts.reduce(.exactly(SlotSet())) { $0.or(candidates(field: field, $1)) }
        case .not(let part):
            return candidates(field: field, part).negated(within: universe)
        case .equals(let value):
            return equals(field: field, value) ?? .unknown(universe)
        case .oneOf(let values):
            var result = AssetCandidates.exactly(SlotSet())
            for value in values {
                guard let part = equals(field: field, value) else { return .unknown(universe) }
                result = result.or(part)
            }
            return result
        case .startsWith(let prefix):
            switch field {
            case "name": return index.names.candidates(prefix, exact: false) ?? .unknown(universe)
            case "externalId": return index.externalIDs.candidates(prefix, exact: false) ?? .unknown(universe)
            default: return .unknown(universe)
            }
        case .endsWith, .contains, .before, .after, .between:
            return .unknown(universe)
        }
    }

    /// The fields with an index; conditions on others (and unknown fields, which the filter ignores) are tested.
    private static let indexedFields: Set<String> = ["deleted", "name", "externalId", "typeId", "parentId"]

    private func equals(field: String, _ value: String?) -> AssetCandidates? {
        switch (field, value) {
        case ("deleted", nil): .exactly(index.live)
        case ("name", let text?): index.names.candidates(text, exact: true)
        case ("externalId", let text?): index.externalIDs.candidates(text, exact: true)
        case ("typeId", let text?): .exactly(index.slots(ofType: text))
        case ("parentId", let text?): .exactly(index.slots(withParent: text))
        case ("name", nil), ("typeId", nil), ("parentId", nil): .exactly(SlotSet())
        default: nil
        }
    }
}
