/// The body shapes in which the platform's APIs report errors; each route answers in the shape of its API.
public enum ErrorShape: Sendable, Equatable {
    /// The gateway's token check: `{"error":"token_validation_failed","error_description":"[<id>]"}`.
    case gateway
    /// MindSphere services (Asset Management, Token Manager): `{"errors":[{"code","logref","message"}]}`.
    case platform
    /// UAA-style token endpoint: `{"error":"...","error_description":"..."}`.
    case oauth
    /// IoT Time Series: `{"id":"<id>","message":"..."}`.
    case timeSeries
    /// The fake's own control plane: `{"error":"<code>","message":"..."}`.
    case control
    /// Spring Boot services (IoT TS Bulk): `{"timestamp","status","error","exception","message","path"}`.
    case spring
}
