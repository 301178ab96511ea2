/// Why a testing helper could not do what it was asked (the fake answered something unexpected).
public struct FakeTestingError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, with the fake's answer.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
