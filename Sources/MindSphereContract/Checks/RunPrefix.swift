import Foundation
import HTTPTypes

/// The unique mark of one run: every name and type id the run creates starts with it, so cleanup and the safety
/// guard can tell the run's things from everything else on a tenant.
public struct RunPrefix: Sendable, Equatable, CustomStringConvertible {
    /// The prefix, e.g. `mdspct3fa91c0b` (letters and digits only, valid in names and type ids).
    public let value: String

    /// A fresh random prefix.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let hex = String(generator.next() as UInt64, radix: 16)
        self.value = "mdspct" + String(String(repeating: "0", count: max(0, 8 - hex.count)) + hex).prefix(8)
    }

    /// A given prefix (recordings use a fixed one).
    public init(_ value: String) {
        self.value = value
    }

    /// A name for a thing the run creates, e.g. `mdspct3fa91c0b_pump`.
    public func name(_ suffix: String) -> String { "\(value)_\(suffix)" }

    /// A type id `<tenant>.<prefix>_<suffix>` for an aspect or asset type the run creates.
    public func typeID(tenant: String, _ suffix: String) -> String { "\(tenant).\(name(suffix))" }

    /// The prefix.
    public var description: String { value }
}
