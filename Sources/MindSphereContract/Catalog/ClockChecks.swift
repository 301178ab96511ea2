import Foundation
import HTTPTypes
import MindSphereFake

/// Checks that need a target whose clock can be moved (only a fake).
public enum ClockChecks {
    /// All clock checks.
    public static let all: [ContractCheck] = [
        ContractCheck(
            "gateway.token.expiry", tier: .behaviour, requires: .controlsClock,
            "a token is refused with the gateway's 401 once its 30 minutes have passed"
        ) { context in
            try await context.preservingClock {
                let issued = try await TokenManagerChecks.requestToken(context, "token request")
                let token = try context.string(try context.json(issued, step: "token request"), "access_token", step: "token request")
                let fresh = try await context.send("fresh token", .get, GatewayChecks.assets, authorization: .header("Bearer " + token))
                try context.ensure(fresh.status.code != 401, "a fresh token was refused")
                try await context.advanceClock(seconds: 1801)
                let expired = try await context.send("expired token", .get, GatewayChecks.assets, authorization: .header("Bearer " + token))
                try context.expectTokenRejected(expired, step: "expired token")
            }
        }
    ]
}
