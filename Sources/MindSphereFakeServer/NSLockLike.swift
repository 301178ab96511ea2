import Synchronization

/// A tiny mutual-exclusion helper for code that is not value-shaped (the server's stop path).
final class NSLockLike: Sendable {
    private let mutex = Mutex(())

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () -> T) -> T {
        mutex.withLock { _ in body() }
    }
}
