import HTTPTypes
import MindSphereContract
import MindSphereFake
import MindSphereFakeTesting
import Testing

/// Recording normalisation and the drift comparison.
@Suite struct NormaliserAndDriftTests {
    static let id1 = "0123456789abcdef0123456789abcdef", id2 = "fedcba9876543210fedcba9876543210"

    func exchange(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) -> Exchange {
        var response = FakeResponse.json(body, status: status)
        for field in headers { response.headerFields[field.name] = field.value }
        return Exchange(
            label: "step", request: FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets/\(Self.id1)"),
            response: response)
    }

    @Test func normaliser_replacesValuesAndKeepsRelationships() {
        var normaliser = ResponseNormaliser(prefix: RunPrefix("mdsptest1"), tenant: "iiotuxpc")
        let body: JSONValue = .object([
            "assetId": .string(Self.id1), "parentId": .string(Self.id2), "again": .string(Self.id1),
            "name": .string("mdsptest1_pump"), "typeId": .string("iiotuxpc.mdsptest1_machine"), "etag": .int(3),
            "_time": .string("2024-01-01T00:00:00.000Z"), "token": .string("eyJhbGciOi.eyJzdWIi.c2ln"),
            "href": .string("http://127.0.0.1:4711/api/assetmanagement/v3/assets/\(Self.id2)"),
            "uuid": .string("01234567-89ab-cdef-0123-456789abcdef"),
        ])
        let recorded = normaliser.record(exchange(.ok, body))
        let out = recorded["response"]?["body"]
        #expect(out?["assetId"] == .string("<id:1>"))
        #expect(out?["parentId"] == .string("<id:2>"))
        #expect(out?["again"] == .string("<id:1>"))
        #expect(out?["uuid"] == .string("<id:1>"))
        #expect(out?["name"] == .string("<run>_pump"))
        #expect(out?["typeId"] == .string("<tenant>.<run>_machine"))
        #expect(out?["etag"] == .string("<etag:1>"))
        #expect(out?["_time"] == .string("<time:1>"))
        #expect(out?["token"] == .string("<token:1>"))
        #expect(out?["href"] == .string("<gateway>/api/assetmanagement/v3/assets/<id:2>"))
        #expect(recorded["request"]?["target"] == .string("/api/assetmanagement/v3/assets/<id:1>"))
    }

    @Test func comparer_reportsStatusHeaderAndShapeDifferences() {
        var first = ResponseNormaliser(prefix: RunPrefix("p"), tenant: "t")
        var second = ResponseNormaliser(prefix: RunPrefix("p"), tenant: "t")
        func document(_ exchange: JSONValue) -> JSONValue { .object(["check": .string("c"), "exchanges": .array([exchange])]) }
        let recorded = document(
            first.record(
                exchange(
                    .conflict, .object(["errors": .array([.object(["code": .string("a"), "n": .int(1)])])]),
                    headers: [.retryAfter: "1"])))
        let current = document(
            second.record(
                exchange(
                    .ok,
                    .object([
                        "errors": .array([.object(["code": .string("b"), "n": .string("1")])]),
                        "extra": .bool(true),
                    ]))))
        let findings = DriftComparer.compare(recorded: recorded, current: current).map(\.difference)
        #expect(findings.contains("status 200, recorded 409"))
        #expect(findings.contains("header Retry-After missing (recorded)"))
        #expect(findings.contains("body $.extra present (not recorded)"))
        #expect(findings.contains("body $.errors[0].code is 'b', recorded 'a'"))
        #expect(findings.contains("body $.errors[0].n is string, recorded integer"))
        #expect(DriftComparer.compare(recorded: recorded, current: recorded).isEmpty)
    }

    @Test func committedSample_comparesCleanAgainstTheFake() async throws {
        let directory = KitFixtures.packageRoot + "/Fixtures/contract-sample"
        let ids = try Recording.checkIDs(in: directory)
        #expect(!ids.isEmpty)
        let report = await ContractRunner().run(on: try InProcessTarget.fresh(), options: RunOptions(only: ids))
        let drift = try DriftComparer.compare(report, tenant: "iiotuxpc", recordingDirectory: directory)
        #expect(drift.count == ids.count)
        #expect(drift.allSatisfy { $0.1.isEmpty }, "\(drift.filter { !$0.1.isEmpty })")
    }
}
