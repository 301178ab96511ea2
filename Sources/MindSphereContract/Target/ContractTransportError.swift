import Foundation
import HTTPTypes

/// A request that got no HTTP response (connection refused, TLS failure, timeout), or an unsupported operation.
public struct ContractTransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
