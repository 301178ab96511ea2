/// The caller a valid token stands for.
///
/// A value with its members in one shared, immutable box: every request copies the caller out of the token cache
/// into its context, and a copy then counts one reference instead of one per string and array. Setting a member
/// gives this value a box of its own (copy on write), so it still behaves as a plain struct.
public struct Principal: Sendable, Equatable {
    private struct Members: Equatable {
        var tenant: String
        var clientID: String
        var scopes: [String]
        var tokenID: String
        var expiresAt: Int64
    }

    private final class Box: Sendable {
        let members: Members

        init(_ members: Members) {
            self.members = members
        }
    }

    private var box: Box

    /// The tenant whose data the caller sees (`ten` claim).
    public var tenant: String {
        get { box.members.tenant }
        set { change { $0.tenant = newValue } }
    }
    /// The client id (`client_id` claim).
    public var clientID: String {
        get { box.members.clientID }
        set { change { $0.clientID = newValue } }
    }
    /// The granted scopes.
    public var scopes: [String] {
        get { box.members.scopes }
        set { change { $0.scopes = newValue } }
    }
    /// The token id (`jti` claim).
    public var tokenID: String {
        get { box.members.tokenID }
        set { change { $0.tokenID = newValue } }
    }
    /// Expiry in seconds since 1970 (`exp` claim).
    public var expiresAt: Int64 {
        get { box.members.expiresAt }
        set { change { $0.expiresAt = newValue } }
    }

    /// A principal.
    public init(tenant: String, clientID: String, scopes: [String], tokenID: String, expiresAt: Int64) {
        box = Box(Members(tenant: tenant, clientID: clientID, scopes: scopes, tokenID: tokenID, expiresAt: expiresAt))
    }

    /// Equal when every member is equal; two values sharing one box are equal without comparing.
    public static func == (lhs: Principal, rhs: Principal) -> Bool {
        lhs.box === rhs.box || lhs.box.members == rhs.box.members
    }

    /// This principal with `update` applied to its members, in a new box (others sharing the old one keep it).
    private mutating func change(_ update: (inout Members) -> Void) {
        var members = box.members
        update(&members)
        box = Box(members)
    }
}
