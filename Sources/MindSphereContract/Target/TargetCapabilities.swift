import Foundation
import HTTPTypes

/// What a target can do beyond the gateway's API; checks declare which of these they need.
public struct TargetCapabilities: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The raw bits.
    public let rawValue: Int

    /// Capabilities from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The run may create, change and delete things (off in `--read-only` runs).
    public static let writes = TargetCapabilities(rawValue: 1 << 0)
    /// The target is a fake with the `/_fake/` control plane (state dump, reset).
    public static let controlPlane = TargetCapabilities(rawValue: 1 << 1)
    /// The target's clock can be moved (token expiry, time windows).
    public static let controlsClock = TargetCapabilities(rawValue: 1 << 2)

    /// The target's data may be changed freely, even things the run did not create (a fake, never a real tenant);
    /// checks that would risk a tenant's own data (its root asset, core types) run only here.
    public static let disposable = TargetCapabilities(rawValue: 1 << 3)

    /// Requests cross a real HTTP transport, so transport rules (body size limits) apply; the in-process core has none.
    public static let transport = TargetCapabilities(rawValue: 1 << 4)

    /// Names of the capabilities, for reports.
    public var description: String {
        var names: [String] = []
        if contains(.writes) { names.append("writes") }
        if contains(.controlPlane) { names.append("controlPlane") }
        if contains(.controlsClock) { names.append("controlsClock") }
        if contains(.disposable) { names.append("disposable") }
        if contains(.transport) { names.append("transport") }
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
