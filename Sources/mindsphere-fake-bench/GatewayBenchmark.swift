import Foundation
import Glibc
import HTTPTypes
import MindSphereFake
import MindSphereFakeTesting

/// `mindsphere-fake-bench gateway [requests]`: the core's own cost of the gateway bench's cases, without a socket:
/// nanoseconds per `FakeGateway.handle` call for `GET /_fake/health` and the authenticated
/// `GET /api/assetmanagement/v3/assets/{id}`, on one thread and on two threads at once (the server's workers share
/// the core's locks and reference counts). Prints one JSON line.
enum GatewayBenchmark {
    static func run(requests: Int) throws {
        // Bounded, so that the per-call division and the thread count's product stay far from overflow.
        let requests = min(max(requests, 1), 100_000_000)
        let gateway = try FakeGateway()
        let token = try gateway.token()
        let root = gateway.handle(FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets/root", headerFields: headers(token)))
        guard let assetID = root.bodyJSON?["assetId"]?.stringValue else { fatalError("no root asset: \(root.bodyText)") }
        // Each thread gets a request of its own, as each server thread makes its own: no shared request storage.
        // Health arrives as on the server's listener (port 8080, as in its Host), so the control-plane guard checks
        // Host as it does there.
        let health = { @Sendable in FakeRequest(method: .get, target: "/_fake/health", headerFields: headers(nil), listenerPort: 8080) }
        let asset = { @Sendable in FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets/\(assetID)", headerFields: headers(token)) }
        guard gateway.handle(asset()).status == .ok, gateway.handle(health()).status == .ok else { fatalError("a case does not answer 200") }
        let results = [
            ("health", health), ("authenticatedGet", asset),
        ].map { name, request in
            (name, measure(gateway, request, requests: requests, threads: 1), measure(gateway, request, requests: requests, threads: 2))
        }
        let fields = results.map { name, one, two in
            "\"\(name)NanosecondsOneThread\":\(one),\"\(name)NanosecondsTwoThreads\":\(two)"
        }
        print("{\"requests\":\(requests),\(fields.joined(separator: ","))}")
    }

    /// Fresh header fields (new storage) with `Host` and, given a token, `Authorization`.
    private static func headers(_ token: String?) -> HTTPFields {
        var fields: HTTPFields = [HTTPField.Name("Host")!: String("127.0.0.1:8080".utf8)]
        if let token { fields[.authorization] = "Bearer " + token }
        return fields
    }

    /// CPU nanoseconds per call (process CPU time over all calls of all threads), best of three runs.
    private static func measure(_ gateway: FakeGateway, _ makeRequest: @escaping @Sendable () -> FakeRequest, requests: Int, threads: Int) -> Int {
        var best = Int.max
        for _ in 0..<3 {
            let before = processCPUNanoseconds()
            let group = DispatchGroup()
            for _ in 0..<threads {
                group.enter()
                Thread.detachNewThread {
                    let request = makeRequest()
                    for _ in 0..<requests { _ = gateway.handle(request) }
                    group.leave()
                }
            }
            group.wait()
            best = min(best, (processCPUNanoseconds() - before) / (requests * threads))
        }
        return best
    }

    private static func processCPUNanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}
