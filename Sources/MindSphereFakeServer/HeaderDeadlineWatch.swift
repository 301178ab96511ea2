import Dispatch
import Glibc
import Synchronization

/// Closes connections whose first header block is late. libmicrohttpd's own timeout counts idle time, so a client
/// that sends one byte every few seconds (slowloris) keeps a connection — and a place under the connection limit —
/// forever; this watch gives each new connection a deadline for its first complete header block instead.
///
/// A connection is registered when libmicrohttpd accepts it and leaves the watch when its first header block is
/// complete or when it closes. A timer shuts the socket of every registered connection past its deadline down, so
/// libmicrohttpd's next read fails and it closes the connection itself. The shut-down happens under the same lock as
/// the removal on close, and libmicrohttpd reports a close before it closes the socket, so a socket number that was
/// closed and reused can never be hit.
final class HeaderDeadlineWatch: Sendable {
    /// One watched connection, kept as libmicrohttpd's socket context of that connection.
    final class Connection: Sendable {
        /// The connection's socket.
        let socket: Int32
        /// When its first header block must be complete (monotonic nanoseconds).
        let deadline: UInt64
        /// Whether the first header block arrived (checked without the lock on every later request).
        let headersArrived = Atomic<Bool>(false)

        init(socket: Int32, deadline: UInt64) {
            self.socket = socket
            self.deadline = deadline
        }
    }

    private let timeoutNanoseconds: UInt64
    private let waiting = Mutex<[ObjectIdentifier: Connection]>([:])
    private let interval: DispatchTimeInterval
    /// The periodic check, from `start()` to `stop()` (a dispatch source must not be released while suspended).
    private let timer = Mutex<(any DispatchSourceTimer)?>(nil)

    /// A watch that allows `timeoutSeconds` for a first header block; `start()` begins the checks.
    init(timeoutSeconds: Int) {
        timeoutNanoseconds = UInt64(max(1, timeoutSeconds)) * 1_000_000_000
        interval = .milliseconds(min(1000, max(100, timeoutSeconds * 100)))
    }

    /// Starts the periodic checks.
    func start() {
        let interval = interval
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "mindsphere-fake.header-deadline"))
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler { [weak self] in self?.closeLateConnections() }
            source.resume()
            timer = source
        }
    }

    /// Stops the periodic checks.
    func stop() {
        timer.withLock { timer in
            timer?.cancel()
            timer = nil
        }
    }

    /// Registers a connection libmicrohttpd just accepted.
    func accepted(socket: Int32) -> Connection {
        let connection = Connection(socket: socket, deadline: Self.now() + timeoutNanoseconds)
        waiting.withLock { $0[ObjectIdentifier(connection)] = connection }
        return connection
    }

    /// Notes that `connection` delivered a complete header block (cheap after the first time).
    func headersArrived(on connection: Connection) {
        guard !connection.headersArrived.load(ordering: .relaxed) else { return }
        connection.headersArrived.store(true, ordering: .relaxed)
        _ = waiting.withLock { $0.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    /// Forgets a connection libmicrohttpd is closing.
    func closed(_ connection: Connection) {
        _ = waiting.withLock { $0.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    /// The number of connections still waiting for their first header block.
    var waitingCount: Int { waiting.withLock { $0.count } }

    private func closeLateConnections() {
        let now = Self.now()
        waiting.withLock { connections in
            let late = connections.filter { $0.value.deadline <= now }
            for (key, connection) in late {
                shutdown(connection.socket, Int32(SHUT_RDWR))
                connections.removeValue(forKey: key)
            }
        }
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
