import HTTPTypes
import Testing

@testable import MindSphereFake

/// The route table's two lookups, by signatures and by literals, find the same route for every start, method and
/// path of random tables whose literals share long prefixes (so that equal signatures must be told apart on the bytes).
@Suite struct RouteLiteralTableTests {
    private static let literals = [
        "a", "ab", "abc", "assets", "asset", "assetmanagement", "assetmanagemenX", "assetmanagementX", "v3", "v4", "aspects",
        "aspectsX", "root", "Root", "rooT", "x",
    ]
    private static let methods = ["GET", "PUT", "POST", "DELETE", "PATCH", "PROPFINDX", "PROPFINDY"]

    @Test(arguments: 1...4)
    func signatureLookup_findsWhatTheLiteralLookupFinds(segmentCount: Int) {
        var random = SeededRandomNumberGenerator(seed: UInt64(segmentCount))
        var found = 0
        for _ in 0..<40 {
            var table = RouteLiteralTable(segmentCount: segmentCount)
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let pattern = (0..<segmentCount).map { _ in
                    Int.random(in: 0..<4, using: &random) == 0 ? "{p}" : Self.literals.randomElement(using: &random)!
                }
                table.append(method: Self.methods.randomElement(using: &random)!, pattern: PathPattern("/" + pattern.joined(separator: "/")))
            }
            for _ in 0..<40 {
                let path = "/" + (0..<segmentCount).map { _ in Self.literals.randomElement(using: &random)! }.joined(separator: "/")
                Self.withSegments(path) { segments in
                    #expect(segments.isASCII)
                    for method in [0] + Self.methods.map(RouteSignature.of) {
                        for start in 0...table.count {
                            let bySignatures = table.firstMatchBySignatures(from: start, in: segments, method: method)
                            let byLiterals = table.firstMatchByLiterals(from: start, in: segments, method: method)
                            #expect(bySignatures == byLiterals, "\(path) from \(start)")
                            if byLiterals != nil { found += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > 500, "the random tables and paths match often enough to compare hits, not only misses")
    }

    @Test func signatures_tellLengthsAndBytesApart() {
        let signatures = ["a", "ab", "abc", "assetma", "assetmb", "assetmanagement", "assetmanagementX"].map(RouteSignature.of)
        #expect(Set(signatures).count == signatures.count)
        #expect(!signatures.contains(0))
        #expect(RouteSignature.of("assetmanagement") == RouteSignature.of("assetmanagemenX"), "only seven bytes are kept")
    }

    @Test func equalSignatures_areConfirmedOnTheBytes() {
        var router = Router()
        router.add(Route(.get, "/api/assetmanagement", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        if case .notFound = router.match(method: .get, path: "/api/assetmanagemenX") {} else { Issue.record("last byte ignored") }
        if case .found = router.match(method: .get, path: "/api/assetmanagement") {} else { Issue.record("route not found") }
    }

    @Test func methodsWithEqualSignatures_areConfirmed() throws {
        let listed = try #require(HTTPRequest.Method("PROPFINDX"))
        let other = try #require(HTTPRequest.Method("PROPFINDY"))
        #expect(RouteSignature.of(listed.rawValue) == RouteSignature.of(other.rawValue))
        var router = Router()
        router.add(Route(listed, "/a", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        guard case .methodNotAllowed(let allowed, _, _) = router.match(method: other, path: "/a") else {
            Issue.record("a method with the same signature was routed")
            return
        }
        #expect(allowed == ["PROPFINDX"])
        if case .found = router.match(method: listed, path: "/a") {} else { Issue.record("route not found") }
    }

    private static func withSegments(_ path: String, _ body: (PathSegments) -> Void) {
        var path = path
        path.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 8) { storage in body(PathSegments(bytes, storage: storage)) }
        }
    }
}

/// The word-at-a-time signature of a path segment equals the byte-by-byte one for every length and position.
@Suite struct RouteSignatureTests {
    @Test func wordSignature_equalsTheByteSignature() {
        let bytes: [UInt8] = (0..<40).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
        bytes.withUnsafeBytes { buffer in
            for start in 0..<buffer.count {
                for count in 0...(buffer.count - start) {
                    let segment = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
                    let general = RouteSignature.of(segment)
                    for readable in [count, buffer.count - start] {
                        let fast = RouteSignature.of(buffer.baseAddress! + start, count: count, readable: readable)
                        #expect(fast == general, "start \(start), count \(count), readable \(readable)")
                    }
                }
            }
        }
    }
}
