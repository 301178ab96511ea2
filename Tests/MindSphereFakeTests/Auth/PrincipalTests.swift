import Testing

@testable import MindSphereFake

/// `Principal` keeps its members in one shared box; it must still behave as a plain value.
@Suite struct PrincipalTests {
    private let original = Principal(tenant: "iiotuxpc", clientID: "app-v1", scopes: ["a", "b"], tokenID: "jti-1", expiresAt: 100)

    @Test func settingAMemberOfACopy_leavesTheOriginalAlone() {
        var copy = original
        copy.tenant = "other"
        copy.clientID = "app-v2"
        copy.scopes.append("c")
        copy.tokenID = "jti-2"
        copy.expiresAt = 200
        #expect(original.tenant == "iiotuxpc" && original.clientID == "app-v1" && original.scopes == ["a", "b"])
        #expect(original.tokenID == "jti-1" && original.expiresAt == 100)
        #expect(copy.tenant == "other" && copy.clientID == "app-v2" && copy.scopes == ["a", "b", "c"])
        #expect(copy.tokenID == "jti-2" && copy.expiresAt == 200)
    }

    @Test func equality_comparesMembers_notBoxes() {
        let twin = Principal(tenant: "iiotuxpc", clientID: "app-v1", scopes: ["a", "b"], tokenID: "jti-1", expiresAt: 100)
        #expect(twin == original)
        var changed = original
        changed.expiresAt = 101
        #expect(changed != original)
        changed.expiresAt = 100
        #expect(changed == original)
        for different in [
            Principal(tenant: "x", clientID: "app-v1", scopes: ["a", "b"], tokenID: "jti-1", expiresAt: 100),
            Principal(tenant: "iiotuxpc", clientID: "x", scopes: ["a", "b"], tokenID: "jti-1", expiresAt: 100),
            Principal(tenant: "iiotuxpc", clientID: "app-v1", scopes: ["a"], tokenID: "jti-1", expiresAt: 100),
            Principal(tenant: "iiotuxpc", clientID: "app-v1", scopes: ["a", "b"], tokenID: "x", expiresAt: 100),
        ] {
            #expect(different != original)
        }
    }
}
