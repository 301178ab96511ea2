import Foundation
import Glibc
import MindSphereFake

/// `mindsphere-fake-bench gateway [requests]`: the core's own cost of the gateway bench's cases, without a socket:
/// nanoseconds per `FakeGateway.handle` call for `GET /_fake/health` and the authenticated
/// `GET /api/assetmanagement/v3/assets/{id}`, on one thread and on two threads at once (the server's workers share
/// the core's locks and reference counts). Prints one JSON line.
enum GatewayBenchmark {
    static func run(requests: Int) throws {
        // Bounded, so that the per-call division and the thread count's product stay far from overflow.
        let requests = min(max(requests, 1), 100_000_000)
        let cases = try GatewayRequests()
        let results = cases.byName.map { name, request in
            (name, measure(cases.gateway, request, requests: requests, threads: 1), measure(cases.gateway, request, requests: requests, threads: 2))
        }
        let fields = results.map { name, one, two in
            "\"\(name)NanosecondsOneThread\":\(one),\"\(name)NanosecondsTwoThreads\":\(two)"
        }
        print("{\"requests\":\(requests),\(fields.joined(separator: ","))}")
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
