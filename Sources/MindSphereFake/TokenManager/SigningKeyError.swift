/// Why a signing key could not be read or kept, with a message for the user.
public struct SigningKeyError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file or the problem.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
