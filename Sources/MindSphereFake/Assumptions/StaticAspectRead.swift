/// What `GET /timeseries/{asset}/{aspect}` answers for a static aspect (assumption `ts.static-aspect`).
package enum StaticAspectRead: Sendable, Equatable {
    /// 200 `[]`.
    case empty
    /// 400 `{id, message}`, like PUT and DELETE.
    case refuse
}
