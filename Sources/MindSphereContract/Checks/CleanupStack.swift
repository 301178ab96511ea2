import Foundation
import HTTPTypes

/// Undo actions for everything the run created, run last-in first-out at the end of the run — also after a failed
/// check or an interrupt.
public actor CleanupStack {
    private struct Entry {
        var label: String
        var action: @Sendable () async throws -> Void
    }

    private var entries: [Entry] = []

    /// An empty stack.
    public init() {}

    /// Registers `action` to undo the creation named `label`.
    public func push(_ label: String, _ action: @escaping @Sendable () async throws -> Void) {
        entries.append(Entry(label: label, action: action))
    }

    /// How many undo actions are pending.
    public var count: Int { entries.count }

    /// Runs every action, newest first, and empties the stack.
    /// - Returns: the labels of actions that failed, with the error.
    public func runAll() async -> [String] {
        var failures: [String] = []
        while let entry = entries.popLast() {
            do {
                try await entry.action()
            } catch {
                failures.append("\(entry.label): \(error)")
            }
        }
        return failures
    }
}
