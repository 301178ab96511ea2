extension AssumptionRegistry {
    /// Gateway-wide behaviour.
    public static let gateway: [Assumption] = [
        Assumption(
            "gateway.missing-authorization", .inferred,
            "A request without Authorization gets the same 401 token_validation_failed body as a bad token."),
        Assumption(
            "gateway.www-authenticate", .unknown,
            "401 responses carry 'WWW-Authenticate: Bearer error=\"invalid_token\"'."),
        Assumption(
            "gateway.correlation-header", .unknown,
            "Error responses carry their correlation id in an X-Correlation-ID header."),
        Assumption(
            "gateway.auth-before-routing", .unknown,
            "Unknown /api paths are checked for a token first (401), then answered 404."),
        Assumption(
            "gateway.unknown-route-body", .unknown,
            "Unknown /api paths answer 404 with {\"errors\":[{\"code\":\"mdsp.core.generic.notFound\",...}]}."),
        Assumption(
            "gateway.method-not-allowed", .unknown,
            "A known path with the wrong method answers 405 with an Allow header, in the API's error shape."),
        Assumption("gateway.trailing-slash", .unknown, "One trailing slash on a path is tolerated."),
        Assumption(
            "gateway.payload-too-large", .inferred,
            "Bodies above the gateway limit answer 413 mdsp.core.generic.payloadTooLarge."),
        Assumption(
            "gateway.head-limits", .unknown,
            "Request heads up to 8 KiB with up to 100 header fields are served (the defaults of Spring Boot and Tomcat); a longer head answers 431 (414 for the request line alone) in the API's error shape."
        ),
    ]
}
