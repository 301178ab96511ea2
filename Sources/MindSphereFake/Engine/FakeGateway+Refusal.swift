public import HTTPTypes

extension FakeGateway {
    /// The answer to a request a transport refuses on its own, before the core could serve it — a method that is no
    /// HTTP method, malformed framing or header names, a body over the server's limit: `error` in the error shape of
    /// the API the path belongs to, recorded in the journal like every API answer (control-plane paths are not).
    /// - Parameters:
    ///   - rawMethod: the method as sent, which need not be a valid token (it is journalled percent-encoded beyond the token characters).
    ///   - target: the raw request-target.
    ///   - headerFields: the headers that could be read.
    public func refusal(_ error: FakeError, rawMethod: String, target: String, headerFields: HTTPFields) -> FakeResponse {
        let request = FakeRequest(method: .get, target: target, headerFields: headerFields)
        let path = request.path
        let method = HTTPRequest.Method(rawMethod) ?? .get
        let response = errorResponse(error, shape: errorShape(method: method, path: path), path: path, now: clock.nowMilliseconds())
        if !ControlAPI.contains(path) {
            control.journal.record(
                method: PercentDecoding.encode(rawMethod, alsoKeeping: "!#$&'*+^`|"), target: target, path: path, headerFields: headerFields,
                body: [],
                response: response, nowMilliseconds: clock.nowMilliseconds(), faultID: nil)
        }
        log.record(
            method: rawMethod, target: target, isControlPlane: ControlAPI.contains(path), response: response,
            durationNanoseconds: 0, faultID: nil)
        return response
    }
}
