import HTTPTypes

@testable import MindSphereFake

extension Router {
    /// Answers `request` with the route it matches, as a caller of `tenant` already past the gateway's token check:
    /// the direct dispatch the area harnesses use to test one API's routes without a whole gateway. The route answers
    /// through `Route.answer`, as in the gateway; only the token check and the fault rules are left out.
    func dispatch(_ request: FakeRequest, tenant: String, nowMilliseconds: Int64) -> FakeResponse {
        guard case .found(let route, let parameters) = match(method: request.method, path: request.path) else {
            return FakeResponse(status: .notFound)
        }
        let context = RequestContext(
            request: request, path: request.path, query: request.query, pathParameters: parameters,
            principal: Principal(tenant: tenant, clientID: "test", scopes: [], tokenID: "t", expiresAt: .max),
            nowMilliseconds: nowMilliseconds)
        return route.answer(context, correlationID: { String(repeating: "a", count: 32) })
    }
}
