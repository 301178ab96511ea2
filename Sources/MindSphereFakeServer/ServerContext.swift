internal import CMicroHTTPD
import Dispatch
import MindSphereFake
import Synchronization

/// What the C callbacks need, passed to libmicrohttpd as `cls` through `Unmanaged`. Thread-safe: the core is
/// `Sendable` and the suspended-connection set is behind a `Mutex`.
final class ServerContext: Sendable {
    let gateway: FakeGateway
    let maximumBodyBytes: Int
    let scheme: String
    /// Makes the header fields of each request.
    let headers: HeaderFieldFactory
    /// Each thread's recently made responses; `nil` when the thread caches are off.
    let responses: ThreadLocal<ThreadResponseCache>?
    /// What a request's head must satisfy.
    let headRules: RequestHeadRules
    /// The deadline for each connection's first header block; `nil` when switched off.
    let deadlines: HeaderDeadlineWatch?
    /// Connections suspended while an injected delay runs; resumed before the daemon stops.
    let suspended = Mutex<Set<ConnectionHandle>>([])
    /// Set once the daemon is about to stop: no more injected delays.
    let stopping = Atomic<Bool>(false)
    /// Set while the server drains before a stop: answers close their connections.
    let draining = Atomic<Bool>(false)
    /// Requests whose head has arrived and that are not finished yet (the ones a stop waits for).
    private let inFlight = Atomic<Int>(0)
    /// The port the daemon is bound to, set once it listens (the core checks `Host` and `Origin` against it).
    let listenerPort = Atomic<UInt16>(0)

    init(
        gateway: FakeGateway, maximumBodyBytes: Int, maximumHeadBytes: Int, scheme: String, headerTimeoutSeconds: Int,
        usesThreadCaches: Bool
    ) {
        self.gateway = gateway
        self.headers = HeaderFieldFactory(usesCaches: usesThreadCaches)
        self.responses = usesThreadCaches ? ThreadLocal { ThreadResponseCache() } : nil
        self.maximumBodyBytes = maximumBodyBytes
        self.scheme = scheme
        // The head check leaves the body's limit to the access handler, which knows the route's own limit.
        self.headRules = RequestHeadRules(maximumBodyBytes: .max, maximumHeadBytes: maximumHeadBytes)
        self.deadlines = headerTimeoutSeconds > 0 ? HeaderDeadlineWatch(timeoutSeconds: headerTimeoutSeconds) : nil
    }

    /// Notes a request whose head arrived.
    func requestStarted() {
        inFlight.add(1, ordering: .relaxed)
    }

    /// Notes that a started request is finished (answered or aborted).
    func requestFinished() {
        inFlight.subtract(1, ordering: .relaxed)
    }

    /// The number of started, unfinished requests.
    var requestsInFlight: Int { inFlight.load(ordering: .relaxed) }

    /// Suspends `connection` and resumes it after `milliseconds`, so one slow answer never stalls the others.
    func suspend(_ connection: OpaquePointer, forMilliseconds milliseconds: Int) {
        let handle = ConnectionHandle(pointer: connection)
        suspended.withLock { _ = $0.insert(handle) }
        MHD_suspend_connection(connection)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [self] in
            resume(handle)
        }
    }

    /// Resumes a suspended connection once (a no-op if it was already resumed).
    func resume(_ handle: ConnectionHandle) {
        let wasSuspended = suspended.withLock { $0.remove(handle) != nil }
        if wasSuspended { MHD_resume_connection(handle.pointer) }
    }

    /// Resumes every suspended connection (before the daemon stops).
    func resumeAll() {
        let handles = suspended.withLock { set -> Set<ConnectionHandle> in
            let all = set
            set.removeAll()
            return all
        }
        for handle in handles { MHD_resume_connection(handle.pointer) }
    }
}

/// A libmicrohttpd connection pointer that may cross threads: libmicrohttpd does not touch a suspended connection,
/// and resuming is documented as safe from any thread.
struct ConnectionHandle: Hashable, @unchecked Sendable {
    let pointer: OpaquePointer
}
