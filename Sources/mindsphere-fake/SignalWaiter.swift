import Glibc

/// Blocks SIGINT/SIGTERM before threads start (they inherit the mask), then waits for one on the main thread.
enum SignalWaiter {
    /// Blocks SIGINT and SIGTERM for this thread and the threads it starts later.
    static func blockTerminationSignals() throws {
        var set = terminationSet()
        guard pthread_sigmask(SIG_BLOCK, &set, nil) == 0 else {
            throw SignalError()
        }
    }

    /// Waits until SIGINT or SIGTERM arrives and returns it.
    static func waitForTermination() -> Int32 {
        var set = terminationSet()
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }

    private static func terminationSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    struct SignalError: Error {}
}
