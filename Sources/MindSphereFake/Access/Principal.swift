/// The caller a valid token stands for.
///
/// A value with its members in one shared, immutable box: every request copies the caller out of the token cache
/// into its context, and a copy then counts one reference instead of one per string and array. Setting a member
/// gives this value a box of its own (copy on write), so it still behaves as a plain struct.
public struct Principal: Sendable, Equatable {
    private final class Members: Sendable {
        let tenant: String
        let clientID: String
        let scopes: [String]
        let tokenID: String
        let expiresAt: Int64

        init(tenant: String, clientID: String, scopes: [String], tokenID: String, expiresAt: Int64) {
            self.tenant = tenant
            self.clientID = clientID
            self.scopes = scopes
            self.tokenID = tokenID
            self.expiresAt = expiresAt
        }
    }

    private var members: Members

    /// The tenant whose data the caller sees (`ten` claim).
    public var tenant: String {
        get { members.tenant }
        set { replace(tenant: newValue) }
    }
    /// The client id (`client_id` claim).
    public var clientID: String {
        get { members.clientID }
        set { replace(clientID: newValue) }
    }
    /// The granted scopes.
    public var scopes: [String] {
        get { members.scopes }
        set { replace(scopes: newValue) }
    }
    /// The token id (`jti` claim).
    public var tokenID: String {
        get { members.tokenID }
        set { replace(tokenID: newValue) }
    }
    /// Expiry in seconds since 1970 (`exp` claim).
    public var expiresAt: Int64 {
        get { members.expiresAt }
        set { replace(expiresAt: newValue) }
    }

    /// A principal.
    public init(tenant: String, clientID: String, scopes: [String], tokenID: String, expiresAt: Int64) {
        members = Members(tenant: tenant, clientID: clientID, scopes: scopes, tokenID: tokenID, expiresAt: expiresAt)
    }

    /// Equal when every member is equal; two values sharing one box are equal without comparing.
    public static func == (lhs: Principal, rhs: Principal) -> Bool {
        lhs.members === rhs.members
            || (lhs.tenant == rhs.tenant && lhs.clientID == rhs.clientID && lhs.scopes == rhs.scopes
                && lhs.tokenID == rhs.tokenID && lhs.expiresAt == rhs.expiresAt)
    }

    /// This principal with the given members changed, in a new box (others sharing the old one keep it).
    private mutating func replace(
        tenant: String? = nil, clientID: String? = nil, scopes: [String]? = nil, tokenID: String? = nil, expiresAt: Int64? = nil
    ) {
        members = Members(
            tenant: tenant ?? self.tenant, clientID: clientID ?? self.clientID, scopes: scopes ?? self.scopes,
            tokenID: tokenID ?? self.tokenID, expiresAt: expiresAt ?? self.expiresAt)
    }
}
