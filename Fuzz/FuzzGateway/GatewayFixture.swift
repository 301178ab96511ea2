import Foundation
import FuzzSupport
import HTTPTypes

@testable import MindSphereFake

/// One gateway on the default scenario and a frozen clock, shared by all inputs and put back to the same state
/// before each, so an input that crashes crashes again when replayed alone.
final class GatewayFixture: Sendable {
    /// 2023-02-20T00:00:00Z, the tests' fixed "now".
    static let epoch: Int64 = 1_676_851_200_000
    /// Files that posted scenarios may include.
    static let files = InMemoryScenarioFiles([
        "shared/types.yaml":
            "tenants:\n  - name: iiotuxpc\n    aspectTypes:\n      - {name: temps, category: dynamic, variables: [{name: t, dataType: DOUBLE}]}\n",
        "Fixtures/points.csv": "_time,x,y,z\n2023-02-22T19:56:44.521Z,1,2,3\n",
    ])

    /// With `MINDSPHERE_FAKE_FUZZ_TRACE=1`, every request and answer is printed: to see what a replayed input does.
    static let traces = ProcessInfo.processInfo.environment["MINDSPHERE_FAKE_FUZZ_TRACE"] == "1"

    let gateway: FakeGateway
    let scenario: Scenario
    let decoder: RequestDecoder

    init() {
        do {
            scenario = try Scenario.defaultScenario()
            gateway = try FakeGateway(
                configuration: FakeConfiguration(
                    scenario: scenario, seed: 42, journalCapacity: 100,
                    scenarioFileReader: Self.files),
                clock: .frozen(at: Self.epoch))
        } catch {
            fatalError("the default scenario does not load: \(error)")
        }
        // A token obtained the way clients (and the tests) obtain one, so authenticated routes are reached.
        var fields: HTTPFields = [.contentType: "application/json"]
        fields[HTTPField.Name("X-SPACE-AUTH-KEY")!] = RequestDecoder.spaceAuthKey
        let response = gateway.handle(
            FakeRequest(
                method: .post, target: "/api/technicaltokenmanager/v3/oauth/token",
                headerFields: fields, body: Array(GatewayVocabulary.tokenBody.utf8)))
        guard response.status == .ok, let token = response.bodyJSON?["access_token"]?.stringValue else {
            fatalError("no token at start: \(response.status) \(response.bodyText)")
        }
        decoder = RequestDecoder(token: token)
    }

    /// Sends the one to four requests `source` describes, each after the answer to the one before, and checks
    /// every answer.
    func run(_ source: inout some DecisionSource, input: [UInt8]) {
        restore()
        var previousID: String?
        source.nextRound()
        for index in 0...source.count("request count", upTo: 3) {
            if index > 0 { source.nextRound() }
            let request = decoder.request(from: &source, previousID: previousID)
            let response = gateway.handle(request)
            if Self.traces {
                print(
                    "\(request.method.rawValue) \(request.target) \(request.headerFields.map { "\($0.name): \($0.value.prefix(40))" }) \(String(decoding: request.body.prefix(200), as: UTF8.self))"
                )
                print("  -> \(response.status.code) \(response.bodyText.prefix(300))")
            }
            let answer = check(response, for: request, input: input)
            previousID = answer?["id"]?.stringValue ?? answer?["assetId"]?.stringValue ?? previousID
        }
    }

    /// The loaded scenario again (also replacing one an input posted), the clock frozen at `epoch`.
    private func restore() {
        do {
            try gateway.control.loadScenario(scenario)
        } catch {
            fatalError("the default scenario does not load again: \(error)")
        }
        gateway.control.setClock(milliseconds: Self.epoch)
        gateway.control.freezeClock(true)
    }

    /// What must hold for every answer, whatever the request: no unexpected 500, JSON that parses, no body for
    /// HEAD. Returns the parsed body (`nil` when it is not JSON).
    private func check(_ response: FakeResponse, for request: FakeRequest, input: [UInt8]) -> JSONValue? {
        // Only built for a finding: answers can be long lists.
        var summary: String { "\(request.method.rawValue) \(request.target) -> \(response.status.code) \(response.bodyText.prefix(500))" }
        if response.status == .internalServerError, response.bodyText.contains("unexpected failure") {
            FuzzFinding.report("unexpected failure: \(summary)", input: input)
        }
        let json = try? JSONParser.parse(response.body)
        if response.header("Content-Type")?.hasPrefix("application/json") == true, !response.body.isEmpty, json == nil {
            FuzzFinding.report("a JSON answer does not parse: \(summary)", input: input)
        }
        if request.method == .head, !response.body.isEmpty {
            FuzzFinding.report("HEAD answered with a body: \(summary)", input: input)
        }
        return json
    }
}
