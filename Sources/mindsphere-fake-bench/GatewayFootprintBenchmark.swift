import MindSphereFake

/// `mindsphere-fake-bench gateway-footprint CASE [rounds]`: the gateway bench's request CASE (`health` or
/// `authenticatedGet`, see `GatewayRequests`) answered `rounds` times, each right after 2 MiB of other memory was
/// written, which pushes the core's code and data out of the processor's own caches, as the load generator and the
/// kernel do between a server's requests when they share its processors.
///
/// It prints nothing of its own: `bench/footprint.py` runs it under Valgrind's callgrind, which simulates the caches
/// and counts, inside `measuredRequest` only, the instructions a request runs and the cache lines of code and data
/// it has to fetch again. Those counts do not depend on how busy the machine is.
enum GatewayFootprintBenchmark {
    /// Bytes written between two requests: more than one core's L2 cache here (1.25 MiB).
    static let evictedBytes = 2 << 20

    static func run(caseName: String, rounds: Int) throws {
        let cases = try GatewayRequests()
        guard let makeRequest = cases.byName.first(where: { $0.name == caseName })?.request else {
            fatalError("unknown case '\(caseName)'; cases: \(cases.byName.map(\.name).joined(separator: ", "))")
        }
        let request = makeRequest()
        let other = UnsafeMutableRawBufferPointer.allocate(byteCount: evictedBytes, alignment: 64)
        defer { other.deallocate() }
        other.initializeMemory(as: UInt8.self, repeating: 0)
        for round in 0..<max(0, rounds) {
            var offset = 0
            while offset < evictedBytes {
                other[offset] = UInt8(truncatingIfNeeded: round)
                offset += 64
            }
            _ = measuredRequest(cases.gateway, request)
        }
    }
}

/// One request through the core, under a fixed symbol name that the harness tells callgrind to count inside.
@inline(never)
@_silgen_name("mindsphere_fake_bench_measured_request")
func measuredRequest(_ gateway: FakeGateway, _ request: FakeRequest) -> FakeResponse {
    gateway.handle(request)
}
