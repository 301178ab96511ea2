/// `GET /model/lock` and `PUT /model/lock?enabled=true|false`: while the lock is on, aspect and asset types
/// cannot change.
struct ModelLockEndpoints: Sendable {
    let store: AssetStore

    /// `GET /model/lock`: `{"enabled": bool}`.
    func read(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        let enabled = try store.withTenant(context.tenant) { model throws(FakeError) in model.modelLocked }
        return .json(.object(["enabled": .bool(enabled)]))
    }

    /// `PUT /model/lock?enabled=`: sets the lock and answers as the GET does.
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        guard let raw = context.query["enabled"], !raw.isEmpty else {
            throw FakeError.missingParameter("query parameter 'enabled' (true or false) is required")
        }
        let enabled = try ListQuery.flag(context, "enabled")
        try store.withTenant(context.tenant) { model throws(FakeError) in model.modelLocked = enabled }
        return .json(.object(["enabled": .bool(enabled)]))
    }
}
