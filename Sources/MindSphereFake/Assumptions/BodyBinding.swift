/// How JSON request bodies of Token Manager and Asset Management bind to typed members (assumption
/// `api.body-binding`).
package enum BodyBinding: Sendable, Equatable {
    /// As Jackson with Spring Boot's defaults: scalars coerce between strings, numbers and Booleans (`JacksonScalars`).
    case jackson
    /// Every member must have its JSON type.
    case strict
}
