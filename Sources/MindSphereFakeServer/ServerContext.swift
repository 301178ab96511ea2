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
    let headers = HeaderFieldFactory()
    /// Each thread's recently made responses.
    let responses = ThreadLocal { ThreadResponseCache() }
    /// Connections suspended while an injected delay runs; resumed before the daemon stops.
    let suspended = Mutex<Set<ConnectionHandle>>([])
    let stopping = Atomic<Bool>(false)

    init(gateway: FakeGateway, maximumBodyBytes: Int, scheme: String) {
        self.gateway = gateway
        self.maximumBodyBytes = maximumBodyBytes
        self.scheme = scheme
    }

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
