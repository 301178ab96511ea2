import HTTPTypes
import Testing

@testable import MindSphereFake

/// Switchable assumptions: listed by `GET /_fake/assumptions`, picked per scenario (`assumptions:`) and at run time
/// (`POST /_fake/assumptions`), restored by reset, carried by state dump and load.
@Suite struct AssumptionSwitchTests {
    private func control(_ fake: FakeGateway, _ method: HTTPRequest.Method, _ path: String, body: String? = nil) -> FakeResponse {
        var fields = HTTPFields()
        if body != nil { fields[.contentType] = "application/json" }
        return fake.handle(FakeRequest(method: method, target: path, headerFields: fields, body: Array((body ?? "").utf8)))
    }

    private func inForce(_ response: FakeResponse, _ id: String) -> JSONValue? {
        response.bodyJSON?["assumptions"]?.arrayValue?.first { $0["id"]?.stringValue == id }?["inForce"]
    }

    @Test func list_namesEveryRegisteredAssumption_withEvidenceAndAlternatives() throws {
        let fake = try TestGateway.make()
        let response = control(fake, .get, "/_fake/assumptions")
        #expect(response.status == .ok)
        let entries = response.bodyJSON?["assumptions"]?.arrayValue ?? []
        #expect(entries.compactMap { $0["id"]?.stringValue } == AssumptionRegistry.all.map(\.id))
        let types = try #require(entries.first { $0["id"]?.stringValue == "ts.strict-types" })
        #expect(types["evidence"] == .string("INFERRED"))
        #expect(types["alternatives"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["coerce", "strict"])
        #expect(types["inForce"] == .string("coerce"))
        #expect(entries.first { $0["id"]?.stringValue == "ttm.bad-secret" }?["inForce"] == .null)
        for id in ["ts.time-formats", "ts.strict-types", "api.body-binding", "ts.static-aspect"] {
            #expect(AssumptionRegistry.assumption(id)?.isSwitchable == true, "\(id)")
        }
    }

    @Test func post_switches_resetRestoresTheScenariosChoice() throws {
        let fake = try TestGateway.make()
        let switched = control(fake, .post, "/_fake/assumptions", body: #"{"ts.strict-types":"strict","ts.time-formats":"lenient"}"#)
        #expect(switched.status == .ok)
        #expect(inForce(switched, "ts.strict-types") == .string("strict"))
        #expect(fake.control.assumptionChoices.valueCoercion == .strict)
        #expect(fake.control.assumptionChoices.timeFormats == .lenient)
        #expect(control(fake, .post, "/_fake/reset").status == .ok)
        #expect(fake.control.assumptionChoices == .defaults)
    }

    @Test(arguments: [#"{"ts.strict-types":"loose"}"#, #"{"ttm.bad-secret":"strict"}"#, #"{"nope":"x"}"#, #"{"ts.strict-types":1}"#, "[]"])
    func post_unknownIdOrAlternative_is400AndChangesNothing(body: String) throws {
        let fake = try TestGateway.make()
        let response = control(fake, .post, "/_fake/assumptions", body: body)
        #expect(response.status == .badRequest)
        #expect(fake.control.assumptionChoices == .defaults)
        let mixed = control(fake, .post, "/_fake/assumptions", body: #"{"ts.time-formats":"lenient","ts.strict-types":"loose"}"#)
        #expect(mixed.status == .badRequest)
        #expect(fake.control.assumptionChoices == .defaults)
    }

    @Test func scenario_picksAlternatives_andReadsItsOwnSeedDataByThem() throws {
        let text = """
            name: lenient
            assumptions: {ts.time-formats: lenient, ts.strict-types: coerce}
            tenants:
              - name: iiotuxpc
                aspectTypes:
                  - {name: temps, category: dynamic, variables: [{name: t, dataType: DOUBLE}]}
                assetTypes:
                  - {name: oven, aspects: [{name: temps, aspectTypeId: iiotuxpc.temps}]}
                assets:
                  - name: Oven
                    typeId: iiotuxpc.oven
                    timeSeries:
                      temps:
                        - {_time: "2024-01-01T01:00:00+01:00", t: "21.5"}
            """
        let scenario = try ScenarioLoader().load(text: text)
        #expect(scenario.assumptions == ["ts.time-formats": "lenient", "ts.strict-types": "coerce"])
        let fake = try TestGateway.make(scenario: scenario)
        #expect(fake.control.assumptionChoices.timeFormats == .lenient)
        try fake.control.pickAssumptions(["ts.time-formats": "strict"])
        try fake.control.reset()
        #expect(fake.control.assumptionChoices.timeFormats == .lenient)
        #expect(fake.timeSeries.recordCount() == 1)
    }

    @Test func scenario_unknownAlternative_namesTheLine() {
        let text = "name: x\nassumptions:\n  ts.time-formats: sloppy\ntenants: [{name: iiotuxpc}]\n"
        #expect {
            try ScenarioLoader().load(text: text, file: "s.yaml")
        } throws: { error in
            "\(error)".contains("s.yaml:3") && "\(error)".contains("sloppy")
        }
    }

    @Test func state_dumpAndLoad_carryTheChoices() throws {
        let fake = try TestGateway.make()
        try fake.control.pickAssumptions(["ts.static-aspect": "refuse", "api.body-binding": "strict"])
        let dump = fake.control.state()
        #expect(dump["scenario"]?["assumptions"]?["ts.static-aspect"] == .string("refuse"))
        let other = try TestGateway.make()
        try other.control.loadState(dump)
        #expect(other.control.assumptionChoices.staticAspectRead == .refuse)
        #expect(other.control.assumptionChoices.bodyBinding == .strict)
        try other.control.reset()
        #expect(other.control.assumptionChoices.staticAspectRead == .refuse)
    }
}
