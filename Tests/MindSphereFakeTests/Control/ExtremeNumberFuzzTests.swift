import HTTPTypes
import MindSphereFakeTesting
import XCTest

@testable import MindSphereFake

/// Hammers the clock, state-dump and token-lifetime paths with extreme numbers through `FakeGateway.handle`, from a
/// fixed seed so a failure repeats. Every answer must be 2xx or 4xx; a trap would end the test process, failing it.
final class ExtremeNumberFuzzTests: XCTestCase {
    /// Number texts at and around every edge the paths have: Int64's, the clock's, doubles', and texts that are
    /// not numbers at all.
    private static let numbers: [String] = [
        "0", "1", "-1", "0.5", "-0.5", "1.0000001", "9223372036854775807", "-9223372036854775808", "9223372036854775806",
        "9223372036854775808", "-9223372036854775809", "18446744073709551615", "1e17", "-1e17", "9.3e15", "9.2e15",
        "1e300", "-1e300", "1e-300", "4.9e-324", "1.7976931348623157e308", "253402300799999", "253402300800000",
        "-62135596800000", "-62135596800001", "315360000", "315360001", "86400000", "86400001", "2147483648",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e17\"", "null", "true", "[]", "{}", "\"\"",
    ]

    /// A small deterministic generator (SplitMix64).
    private struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private func number(_ random: inout Seeded) -> String { Self.numbers[random.next(Self.numbers.count)] }

    private func post(_ fake: FakeGateway, _ path: String, _ body: String) -> FakeResponse {
        fake.handle(FakeRequest(method: .post, target: path, headerFields: [.contentType: "application/json"], body: Array(body.utf8)))
    }

    private func assertAnswered(_ response: FakeResponse, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let code = response.status.code
        XCTAssert((200..<300).contains(code) || (400..<500).contains(code), "\(what) answered \(code)", file: file, line: line)
    }

    func testExtremeNumbers_alwaysGetAnAnswer() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 3), clock: .frozen(at: 1_676_851_200_000))
        let baseDump = try XCTUnwrap(fake.control.state().objectValue)
        var random = Seeded(state: 0x5EED_0016)
        let clockKeys = ["advanceSeconds", "advanceMilliseconds"]
        for round in 0..<600 {
            switch random.next(4) {
            case 0:
                let body = "{\"\(clockKeys[random.next(2)])\":\(number(&random))}"
                assertAnswered(post(fake, "/_fake/clock", body), "round \(round): clock \(body)")
            case 1:
                let body = "{\"advanceSeconds\":\(number(&random)),\"advanceMilliseconds\":\(number(&random)),\"frozen\":true}"
                assertAnswered(post(fake, "/_fake/clock", body), "round \(round): clock \(body)")
            case 2:
                var dump = baseDump
                var settings = try XCTUnwrap(dump["scenario"]?.objectValue)
                let lifetime = number(&random)
                let delay = number(&random)
                let now = number(&random)
                settings["tokenLifetimeSeconds"] = try JSONParser.parse(lifetime)
                settings["ingestionDelayMilliseconds"] = try JSONParser.parse(delay)
                dump["scenario"] = .object(settings)
                dump["clock"] = try JSONParser.parse("{\"epochMilliseconds\":\(now),\"frozen\":\(random.next(2) == 0)}")
                let response = post(fake, "/_fake/state", JSONWriter.string(.object(dump)))
                assertAnswered(response, "round \(round): state lifetime \(lifetime) delay \(delay) now \(now)")
            default:
                let body = "{\"milliseconds\":\(number(&random))}"
                assertAnswered(post(fake, "/_fake/ingestion-delay", body), "round \(round): ingestion delay \(body)")
            }
            // Whatever was accepted, tokens, the gateway check and the clock keep working.
            let token = fake.handle(FakeRequest.tokenRequest())
            assertAnswered(token, "round \(round): token request")
            if let accessToken = token.bodyJSON?["access_token"]?.stringValue {
                assertAnswered(
                    fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: accessToken)),
                    "round \(round): authenticated GET")
            }
            assertAnswered(fake.handle(FakeRequest(method: .get, target: "/_fake/clock")), "round \(round): clock read")
            XCTAssert(FakeClock.range.contains(fake.clock.nowMilliseconds()), "round \(round): clock left its range")
        }
    }
}
