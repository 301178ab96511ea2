/// The caller a valid token stands for.
public struct Principal: Sendable, Equatable {
    /// The tenant whose data the caller sees (`ten` claim).
    public var tenant: String
    /// The client id (`client_id` claim).
    public var clientID: String
    /// The granted scopes.
    public var scopes: [String]
    /// The token id (`jti` claim).
    public var tokenID: String
    /// Expiry in seconds since 1970 (`exp` claim).
    public var expiresAt: Int64

    /// A principal.
    public init(tenant: String, clientID: String, scopes: [String], tokenID: String, expiresAt: Int64) {
        self.tenant = tenant
        self.clientID = clientID
        self.scopes = scopes
        self.tokenID = tokenID
        self.expiresAt = expiresAt
    }
}
