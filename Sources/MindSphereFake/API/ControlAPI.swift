import HTTPTypes

/// The fake's own control plane under `/_fake/` (never behind the gateway token).
public struct ControlAPI: Sendable {
    /// The control plane.
    public init() {}

    /// The routes of the control plane.
    public var routes: [Route] {
        [
            Route(.get, "/_fake/health", errorShape: .control, access: .open) { _ in
                FakeResponse.json(.object(["status": .string("ok")]))
            },
        ]
    }
}
