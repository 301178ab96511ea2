extension AssumptionRegistry {
    /// How the JSON request bodies of Token Manager and Asset Management bind to the services' request types.
    public static let binding: [Assumption] = [
        Assumption(
            "api.body-binding", .inferred,
            "Token Manager and Asset Management bodies bind like Jackson with Spring Boot's defaults (ALLOW_COERCION_OF_SCALARS, ACCEPT_FLOAT_AS_INT on, FAIL_ON_UNKNOWN_PROPERTIES off): a string field takes a number or Boolean as its text; a Boolean field takes \"true\"/\"True\"/\"TRUE\"/\"false\"/\"False\"/\"FALSE\" (surrounding spaces trimmed) and integers (0 is false); an integer field takes a numeric string (\"15\") and a fraction (truncated); a number field takes a decimal string (\"1.5\"); an empty or \"null\" string is null; unknown members are ignored. Objects and arrays for scalars, and strings that do not parse, answer 400 naming the member. Evidence: the services are Spring Boot (Asset Management is Spring HATEOAS HAL; the error bodies are Spring's), and Siemens' dataModelHandler creates asset types with \"instantiable\":\"true\".",
            alternatives: [
                .init("jackson", "Scalars coerce as Jackson with Spring Boot's defaults does, as described."),
                .init(
                    "strict",
                    "Every member must have its JSON type: a string for text, true/false for Booleans, an integer literal for integers, a number for numbers; unknown members are still ignored."
                ),
            ])
    ]
}
