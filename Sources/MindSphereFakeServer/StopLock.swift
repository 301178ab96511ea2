import Synchronization

/// Serialises the server's stop path, which is not value-shaped enough for a `Mutex` around state.
final class StopLock: Sendable {
    private let mutex = Mutex(())

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () -> T) -> T {
        mutex.withLock { _ in body() }
    }
}
