/// JSON Merge Patch (RFC 7396): members of the patch replace those of the target, `null` removes them, objects merge.
enum MergePatch {
    /// `patch` applied to `target`.
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard let patchObject = patch.objectValue else { return patch }
        var result = target.objectValue ?? JSONObject()
        for (key, value) in patchObject.members {
            if value.isNull {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
