import Foundation
import HTTPTypes

/// A check's finding that the target does not behave as expected; the message names what differed.
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    /// What differed, e.g. "POST /api/assetmanagement/v3/assets: status 200, expected 201".
    public var message: String

    /// A failure with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// A request the kit refused to send because it could touch something the run did not create.
public struct SafetyViolation: Error, Sendable, CustomStringConvertible {
    /// What was refused.
    public var message: String

    /// A refusal with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { "refused for safety: \(message)" }
}
