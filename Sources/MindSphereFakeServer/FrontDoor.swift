internal import CMicroHTTPD
import Dispatch
import Glibc
import Synchronization

/// The plain-HTTP listening socket, kept by the server instead of by libmicrohttpd so that a new connection's first
/// request head can be looked at before libmicrohttpd reads it: `FirstHeadScreen` finds the faults libmicrohttpd
/// would answer on its own with an HTML page, and those get the fake's JSON error instead. Every other connection is
/// handed to libmicrohttpd untouched — the screen only peeks (`MSG_PEEK`), so libmicrohttpd reads the same bytes.
///
/// One thread runs an epoll loop over the listening socket and the connections whose head is not complete yet.
/// A connection waits here at most `headerTimeoutSeconds` or `idleTimeoutSeconds`, whichever is shorter (the
/// deadlines libmicrohttpd's connections get: a silent connection is both late with its head and idle), and
/// counts against the same connection limits, so a slow sender cannot hold more places here than there.
/// Later requests on a kept-alive connection are not screened; libmicrohttpd answers their faults, and the access
/// handler holds their heads to the same length and field-count limits (`RequestHeadRules.sizeRefusal`).
final class FrontDoor: @unchecked Sendable {
    // @unchecked: `pending`, `perAddress` and `buffer` are used by the loop thread only; `stop()` only signals the
    // loop through `wakeDescriptor` and waits for it to end.

    /// What the loop does with connections once it has judged them.
    struct Handlers: Sendable {
        /// Takes over a connection whose head passed (the callee owns the socket from then on).
        var handOver: @Sendable (_ socket: Int32, _ address: sockaddr_in) -> Void
        /// The complete response bytes for a refused head.
        var refusal: @Sendable (_ refusal: FirstHeadScreen.Verdict) -> [UInt8]
    }

    /// The port the socket is bound to.
    let port: UInt16
    private let listening: Int32
    private let epoll: Int32
    private let wakeDescriptor: Int32
    private let connectionLimit: Int
    private let perAddressLimit: Int
    private let timeoutNanoseconds: UInt64
    private var pending: [Int32: (address: sockaddr_in, deadline: UInt64)] = [:]
    private var perAddress: [UInt32: Int] = [:]
    /// Room for the longest head served, which is also how far a head is peeked at.
    private let buffer: UnsafeMutableRawBufferPointer
    private let stopped = DispatchSemaphore(value: 0)
    private let running = Atomic<Bool>(false)
    /// Set by the first `start()` or `stop()`, so that a door that never started still closes its sockets once.
    private let used = Atomic<Bool>(false)

    /// `errno`'s message as a clause: `address already in use`.
    private static func reason(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    /// `127.0.0.1:8080`.
    private static func text(of address: sockaddr_in) -> String {
        var host = address.sin_addr
        var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        let name =
            inet_ntop(AF_INET, &host, &buffer, socklen_t(buffer.count)) != nil
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return "\(name):\(UInt16(bigEndian: address.sin_port))"
    }

    /// Binds and listens on `address`.
    /// - Throws: `ServerError` when the socket cannot be bound (the port is taken, or the address is not this host's).
    init(
        address: sockaddr_in, connectionLimit: Int, perAddressLimit: Int, maximumHeadBytes: Int, headerTimeoutSeconds: Int,
        idleTimeoutSeconds: Int
    ) throws {
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listening >= 0 else { throw ServerError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listening, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound = address
        let bindResult = withUnsafePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bindResult == 0, listen(listening, 1024) == 0 else {
            let reason = Self.reason(errno)
            close(listening)
            throw ServerError("cannot listen on \(Self.text(of: address)): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listening = listening
        self.epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        self.wakeDescriptor = eventfd(0, Int32(EFD_CLOEXEC) | Int32(EFD_NONBLOCK))
        self.connectionLimit = max(1, connectionLimit)
        self.perAddressLimit = perAddressLimit
        self.buffer = .allocate(byteCount: max(1, maximumHeadBytes), alignment: 1)
        self.timeoutNanoseconds =
            UInt64(Self.waitSeconds(headerTimeoutSeconds: headerTimeoutSeconds, idleTimeoutSeconds: idleTimeoutSeconds)) * 1_000_000_000
        watch(listening, events: EPOLLIN.rawValue)
        watch(wakeDescriptor, events: EPOLLIN.rawValue)
    }

    deinit {
        buffer.deallocate()
    }

    /// Starts accepting on a thread of its own.
    func start(_ handlers: Handlers) {
        guard !used.exchange(true, ordering: .relaxed) else { return }
        running.store(true, ordering: .relaxed)
        DispatchQueue(label: "mindsphere-fake.front-door").async { [self] in
            loop(handlers)
            stopped.signal()
        }
    }

    /// Stops accepting, closes the connections still waiting for their head and the socket, and returns when the
    /// loop has ended. Safe to call twice.
    func stop() {
        if !used.exchange(true, ordering: .relaxed) {
            // Never started (the daemon behind it failed to start): no loop to end, only the sockets to close.
            closeDescriptors()
            return
        }
        guard running.exchange(false, ordering: .relaxed) else { return }
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, 8)
        stopped.wait()
    }

    private func loop(_ handlers: Handlers) {
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        while running.load(ordering: .relaxed) {
            let count = epoll_wait(epoll, &events, Int32(events.count), 100)
            for index in 0..<max(0, Int(count)) {
                let descriptor = events[index].data.fd
                if descriptor == listening {
                    acceptAll()
                } else if descriptor != wakeDescriptor {
                    examine(descriptor, hungUp: events[index].events & EPOLLRDHUP.rawValue != 0, handlers)
                }
            }
            closeLate()
        }
        for descriptor in pending.keys { close(descriptor) }
        pending.removeAll()
        closeDescriptors()
    }

    private func closeDescriptors() {
        close(listening)
        close(wakeDescriptor)
        close(epoll)
    }

    private func acceptAll() {
        while true {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let connection = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listening, $0, &length) }
            }
            guard connection >= 0 else { return }
            _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) | O_NONBLOCK)
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let fromSameAddress = perAddress[address.sin_addr.s_addr, default: 0]
            if pending.count >= connectionLimit || (perAddressLimit > 0 && fromSameAddress >= perAddressLimit) {
                close(connection)
                continue
            }
            pending[connection] = (address, Self.now() + timeoutNanoseconds)
            perAddress[address.sin_addr.s_addr] = fromSameAddress + 1
            // Edge-triggered: peeking leaves the bytes unread, so a level-triggered watch would fire at once again.
            watch(connection, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
        }
    }

    private func examine(_ connection: Int32, hungUp: Bool, _ handlers: Handlers) {
        let received = recv(connection, buffer.baseAddress, buffer.count, Int32(MSG_PEEK))
        if received < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
        guard received > 0 else { return forget(connection, closing: true) }
        let verdict = FirstHeadScreen.verdict(UnsafeRawBufferPointer(rebasing: buffer[..<received]), maximumHeadBytes: buffer.count)
        switch verdict {
        case .incomplete:
            // A client that stopped sending before its head was complete gets nothing: there is nothing to answer.
            if hungUp { forget(connection, closing: true) }
        case .pass:
            guard let address = pending[connection]?.address else { return }
            forget(connection, closing: false)
            handlers.handOver(connection, address)
        case .refuse:
            let answer = handlers.refusal(verdict)
            // Read what was peeked, so that closing does not reset the connection before the client read the answer.
            _ = recv(connection, buffer.baseAddress, received, 0)
            _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(connection, Int32(SHUT_WR))
            // Read (a bounded amount of) what else already arrived, for the same reason.
            var reads = 0
            while reads < 16, recv(connection, buffer.baseAddress, buffer.count, 0) > 0 { reads += 1 }
            forget(connection, closing: true)
        }
    }

    private func forget(_ connection: Int32, closing: Bool) {
        epoll_ctl(epoll, EPOLL_CTL_DEL, connection, nil)
        if let address = pending.removeValue(forKey: connection)?.address.sin_addr.s_addr {
            let remaining = perAddress[address, default: 1] - 1
            perAddress[address] = remaining > 0 ? remaining : nil
        }
        if closing { close(connection) }
    }

    private func closeLate() {
        let now = Self.now()
        for (connection, waiting) in pending where waiting.deadline <= now {
            forget(connection, closing: true)
        }
    }

    private func watch(_ descriptor: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = descriptor
        epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
    }

    /// How long a connection may wait for its first head: the shorter of the two deadlines that are set (0 means
    /// not set), and without either still not forever: two minutes, the default idle timeout.
    static func waitSeconds(headerTimeoutSeconds: Int, idleTimeoutSeconds: Int) -> Int {
        [headerTimeoutSeconds, idleTimeoutSeconds].filter { $0 > 0 }.min() ?? 120
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
