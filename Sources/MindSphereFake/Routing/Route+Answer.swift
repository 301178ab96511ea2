extension Route {
    /// The handler's answer in `context`: a thrown `FakeError` becomes its wire response in the route's error shape.
    /// The gateway and the tests that drive routes without one answer through this, so a route
    /// behaves the same in both; `correlationID` is asked only when an error needs one.
    public func answer(_ context: RequestContext, correlationID: () -> String) -> FakeResponse {
        do {
            return try handler(context)
        } catch {
            return response(for: error, context: context, correlationID: correlationID)
        }
    }

    private func response(for error: FakeError, context: RequestContext, correlationID: () -> String) -> FakeResponse {
        WireErrorMapper.response(
            for: error, shape: errorShape, correlationID: correlationID(), path: context.path,
            nowMilliseconds: context.nowMilliseconds)
    }
}
