import Foundation
import HTTPTypes
import MindSphereFake

/// Checks of the gateway's own behaviour: token validation, unknown routes, methods, limits.
public enum GatewayChecks {
    static let assets = "/api/assetmanagement/v3/assets"

    /// All gateway checks.
    public static let all: [ContractCheck] = [
        ContractCheck(
            "gateway.token.invalid", tier: .behaviour,
            "a bad bearer token answers 401 {error: token_validation_failed, error_description: [<id>]}"
        ) { context in
            let response = try await context.send("bad token", .get, assets, authorization: .header("Bearer not.a.token"))
            try context.expectTokenRejected(response, step: "bad token")
        },
        ContractCheck(
            "gateway.token.missing", tier: .strict, verifies: ["gateway.missing-authorization"],
            "no Authorization header answers the same 401 as a bad token"
        ) { context in
            let response = try await context.send("no token", .get, assets, authorization: .none)
            try context.expectTokenRejected(response, step: "no token")
        },
        ContractCheck(
            "gateway.token.www-authenticate", tier: .strict, verifies: ["gateway.www-authenticate"],
            "a 401 carries WWW-Authenticate: Bearer error=\"invalid_token\""
        ) { context in
            let response = try await context.send("bad token", .get, assets, authorization: .header("Bearer not.a.token"))
            try context.expectStatus(response, 401, step: "bad token")
            let header = response.header("WWW-Authenticate") ?? ""
            try context.ensure(
                header.hasPrefix("Bearer") && header.contains("invalid_token"),
                "WWW-Authenticate is '\(header)', expected Bearer error=\"invalid_token\"")
        },
        ContractCheck(
            "gateway.error.correlation-header", tier: .strict, verifies: ["gateway.correlation-header"],
            "an error response carries its logref in X-Correlation-ID"
        ) { context in
            let response = try await context.send("unknown asset", .get, assets + "/" + context.unknownID())
            try context.expectStatus(response, 404, step: "unknown asset")
            let header = response.header("X-Correlation-ID") ?? ""
            try context.ensure(!header.isEmpty, "no X-Correlation-ID header")
            let logref = response.bodyJSON?["errors"]?.arrayValue?.first?["logref"]?.stringValue
            try context.ensure(logref == nil || logref == header, "X-Correlation-ID '\(header)' differs from logref")
        },
        ContractCheck(
            "gateway.route.auth-first", tier: .strict, verifies: ["gateway.auth-before-routing"],
            "an unknown /api path answers 401 without a token and 404 with one"
        ) { context in
            let path = "/api/\(context.prefix.value)/v1/things"
            try context.expectTokenRejected(
                try await context.send("unknown API without token", .get, path, authorization: .none),
                step: "unknown API without token")
            try context.expectStatus(try await context.send("unknown API with token", .get, path), 404, step: "unknown API with token")
        },
        ContractCheck(
            "gateway.route.unknown-body", tier: .strict, verifies: ["gateway.unknown-route-body"],
            "an unknown /api path answers 404 mdsp.core.generic.notFound in the {errors:[...]} shape"
        ) { context in
            let response = try await context.send("unknown API", .get, "/api/\(context.prefix.value)/v1/things")
            try context.expectPlatformError(response, status: 404, code: "mdsp.core.generic.notFound", step: "unknown API")
        },
        ContractCheck(
            "gateway.route.method-not-allowed", tier: .strict, verifies: ["gateway.method-not-allowed"],
            "GET on the token endpoint (POST only) answers 405 with an Allow header"
        ) { context in
            let response = try await context.send("GET token endpoint", .get, TokenCache.tokenPath, authorization: .none)
            try context.expectStatus(response, 405, step: "GET token endpoint")
            let allow = response.header("Allow") ?? ""
            try context.ensure(allow.contains("POST"), "Allow is '\(allow)', expected it to list POST")
            _ = try context.value(try context.json(response, step: "GET token endpoint"), "errors.0.code", step: "GET token endpoint")
        },
        ContractCheck(
            "gateway.route.trailing-slash", tier: .strict, verifies: ["gateway.trailing-slash"],
            "GET /assets/ (one trailing slash) answers like GET /assets"
        ) { context in
            try context.expectStatus(try await context.send("assets with slash", .get, assets + "/"), 200, step: "assets with slash")
        },
        ContractCheck(
            "gateway.body.too-large", tier: .strict, requires: .transport, verifies: ["gateway.payload-too-large"],
            "a body above the gateway's limit (3 MB to the token endpoint) answers 413 payloadTooLarge"
        ) { context in
            let body = Array(repeating: UInt8(ascii: " "), count: 3 * 1024 * 1024)
            let response = try await context.send(
                "POST 3 MB", .post, TokenCache.tokenPath, body: body,
                headers: ["Content-Type": "application/json"], authorization: .none)
            try context.expectPlatformError(response, status: 413, code: "mdsp.core.generic.payloadTooLarge", step: "POST 3 MB")
        },
        ContractCheck(
            "gateway.head.large-served", tier: .strict, requires: .transport, verifies: ["gateway.head-limits"],
            "a request head of about 6 KiB in over 30 header fields (under 8 KiB with a 3 KB token) is served"
        ) { context in
            // About 4,950 bytes of padding, besides Host, Authorization and the client's own.
            let headers = paddingHeaders(fields: 30, bytesEach: 140)
            try context.expectStatus(
                try await context.send("GET assets with a large head", .get, assets + "?size=1", headers: headers), 200,
                step: "GET assets with a large head")
        },
        ContractCheck(
            "gateway.head.too-large", tier: .strict, requires: .transport, verifies: ["gateway.head-limits"],
            "a request head of about 11 KiB (10 KiB of padding, over 8 KiB in all) answers 431 requestHeaderFieldsTooLarge"
        ) { context in
            // About 10,250 bytes of padding: over Spring Boot's 8 KiB, and in few fields, so that a fake's connection
            // memory (twice the limit, shared with a record per field) holds the whole head.
            let headers = paddingHeaders(fields: 10, bytesEach: 1000)
            let response = try await context.send("GET assets with an 11 KiB head", .get, assets + "?size=1", headers: headers)
            try context.expectPlatformError(
                response, status: 431, code: "mdsp.core.generic.requestHeaderFieldsTooLarge", step: "GET assets with an 11 KiB head")
        },
    ]

    /// `fields` header fields `X-Contract-Padding-0`, `-1`, ... of `bytesEach` bytes each, to make a request head long.
    static func paddingHeaders(fields: Int, bytesEach: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<fields).map { ("X-Contract-Padding-\($0)", String(repeating: "p", count: bytesEach)) })
    }
}
