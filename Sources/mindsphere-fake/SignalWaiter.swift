import Dispatch
import Glibc

/// SIGINT, SIGTERM and SIGHUP as an async sequence: each of them stops the server gracefully (SIGHUP too, so
/// closing the terminal does not kill it mid-answer). A handler is installed rather than a mask because the async
/// runtime's threads exist before the command runs and would otherwise take the signal's default action (exit); the
/// handler only writes the signal's number to a pipe, which is all a signal handler may safely do.
enum SignalWaiter {
    /// The signals that stop the fake.
    static let terminationSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers; the signals are then delivered through `signals()` only.
    static func install() throws(SignalError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SignalError() }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        SignalPipe.readEnd = ends[0]
        SignalPipe.writeEnd = ends[1]
        for signal in terminationSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeEnd, &byte, 1)
            }
            action.sa_flags = Int32(SA_RESTART)
            sigemptyset(&action.sa_mask)
            guard sigaction(signal, &action, nil) == 0 else { throw SignalError() }
        }
    }

    /// The termination signals received from now on, in order; it ends when the awaiting task is cancelled.
    static func signals() -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let source = SourceBox(DispatchSource.makeReadSource(fileDescriptor: SignalPipe.readEnd, queue: queue))
            source.value.setEventHandler {
                var byte: UInt8 = 0
                while read(SignalPipe.readEnd, &byte, 1) == 1 { continuation.yield(Int32(byte)) }
            }
            continuation.onTermination = { _ in source.value.cancel() }
            source.value.resume()
        }
    }

    /// The first termination signal from now on; `nil` when the awaiting task is cancelled first.
    static func next() async -> Int32? {
        var iterator = signals().makeAsyncIterator()
        return await iterator.next()
    }

    /// The signal's name for the log line.
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "SIGTERM"
        }
    }

    private static let queue = DispatchQueue(label: "mindsphere-fake.signals")

    struct SignalError: Error, CustomStringConvertible {
        var description: String { "cannot install the signal handlers: \(String(cString: strerror(errno)))" }
    }
}

/// The pipe the signal handler writes to. Plain globals, set once before any handler is installed, because a C
/// signal handler can capture nothing.
private enum SignalPipe {
    nonisolated(unsafe) static var readEnd: Int32 = -1
    nonisolated(unsafe) static var writeEnd: Int32 = -1
}

/// A dispatch source handed to the stream's termination handler (libdispatch's sources are thread-safe, but not
/// marked `Sendable` on this platform).
private struct SourceBox: @unchecked Sendable {
    let value: any DispatchSourceRead
    init(_ value: any DispatchSourceRead) { self.value = value }
}
