public import MindSphereFake

/// Prepares a fake's state dump for the before/after comparison of a run. What a run legitimately leaves behind is
/// removed: the running clock's reading (it moves by itself), series left empty by the run's deletes, and the run's
/// own soft-deleted resources (deleted assets stay readable, as on the real service), recognised by the run's prefix
/// or by ids the run created. Arrays are compared as sets.
public struct StateComparison: Sendable {
    /// The run's prefix.
    public let prefix: RunPrefix
    /// Ids the run created.
    public let ownedIDs: Set<String>

    /// A comparison for one run.
    public init(prefix: RunPrefix, ownedIDs: Set<String>) {
        self.prefix = prefix
        self.ownedIDs = ownedIDs
    }

    /// `state` reduced to what must be equal before and after.
    public func comparable(_ state: JSONValue) -> JSONValue {
        reduce(state, key: nil) ?? .null
    }

    private func reduce(_ value: JSONValue, key: String?) -> JSONValue? {
        switch value {
        case .object(var object):
            if key == "clock", object["frozen"]?.boolValue != true {
                object["now"] = nil
                object["epochMilliseconds"] = nil
            }
            if object["records"]?.arrayValue?.isEmpty == true, object["pendingRecords"].map({ $0 == .int(0) }) ?? true { return nil }
            if belongsToRun(object) { return nil }
            return .object(
                JSONObject(
                    object.members.compactMap { member in
                        reduce(member.value, key: member.key).map { (key: member.key, value: $0) }
                    }))
        case .array(let elements):
            let kept = elements.compactMap { reduce($0, key: nil) }
            return .array(kept.sorted { JSONWriter.string($0) < JSONWriter.string($1) })
        default:
            return value
        }
    }

    private func belongsToRun(_ object: JSONObject) -> Bool {
        for member in object.members {
            guard let text = member.value.stringValue else { continue }
            if text.contains(prefix.value) || ownedIDs.contains(text) { return true }
        }
        return false
    }
}
