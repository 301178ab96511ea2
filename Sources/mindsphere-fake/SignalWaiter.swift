import Glibc

/// Blocks SIGINT, SIGTERM and SIGHUP before threads start (they inherit the mask), then waits for one on the main
/// thread: each of them stops the server gracefully (SIGHUP too, so closing the terminal does not kill it mid-answer).
enum SignalWaiter {
    /// Blocks SIGINT, SIGTERM and SIGHUP for this thread and the threads it starts later.
    static func blockTerminationSignals() throws {
        var set = terminationSet()
        guard pthread_sigmask(SIG_BLOCK, &set, nil) == 0 else {
            throw SignalError()
        }
    }

    /// Waits until SIGINT, SIGTERM or SIGHUP arrives and returns it.
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
        sigaddset(&set, SIGHUP)
        return set
    }

    /// The signal's name for the log line.
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "SIGTERM"
        }
    }

    struct SignalError: Error {}
}
