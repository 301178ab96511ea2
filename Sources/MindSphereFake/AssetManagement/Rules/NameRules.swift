/// The platform's rules for type ids and member (variable, aspect) names.
enum NameRules {
    /// Names an asset type may not use for its variables and aspects.
    static let reservedMemberNames: Set<String> = [
        "id", "name", "description", "tenant", "etag", "scope", "properties", "propertysets", "extends", "variables",
        "aspects", "parenttypeid",
    ]

    /// Checks a variable or aspect name: 1–64 of `A-Z a-z 0-9 _`.
    /// - Throws: `FakeError` (400) naming the value.
    static func checkMemberName(_ name: String, what: String, at position: String) throws(FakeError) {
        guard (1...64).contains(name.utf8.count), name.utf8.allSatisfy(isNameByte) else {
            throw FakeError.invalidBody("\(position): \(what) '\(name)' must be 1 to 64 characters of A-Z, a-z, 0-9 and _")
        }
    }

    /// Checks a type id against the tenant: `{tenant}.{name}`, 1–128 of `A-Z a-z 0-9 _ .`, prefix at most 8
    /// characters, and the name part equal to the body's `name`.
    /// - Throws: `FakeError` (400 invalid id, 403 foreign prefix) naming the id.
    static func checkTypeID(_ id: String, tenant: String, name: String) throws(FakeError) {
        guard (1...128).contains(id.utf8.count), id.utf8.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") }),
            let dot = id.firstIndex(of: ".")
        else {
            throw FakeError.invalidParameter(
                "type id '\(id)' must be '{tenant}.{name}': 1 to 128 characters of A-Z, a-z, 0-9, _ and .")
        }
        let prefix = id[..<dot]
        guard prefix.count <= 8, !prefix.isEmpty else {
            throw FakeError.invalidParameter("type id '\(id)': the tenant prefix '\(prefix)' must be 1 to 8 characters")
        }
        guard prefix == tenant else {
            throw FakeError(.forbidden, "type id '\(id)' does not belong to tenant '\(tenant)'; use '\(tenant).\(name)'")
        }
        let suffix = id[id.index(after: dot)...]
        guard suffix == name else {
            throw FakeError.invalidBody("name '\(name)' does not match the id '\(id)'; the id must be '\(tenant).\(name)'")
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
