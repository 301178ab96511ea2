import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct RequestJournalTests {
    private func requests(_ fake: FakeGateway, _ query: String = "") -> [JSONValue] {
        fake.handle(FakeRequest(method: .get, target: "/_fake/requests" + query)).bodyJSON?["requests"]?.arrayValue ?? []
    }

    @Test func journal_masksSecretsInHeadersAndBodies() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        _ = fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token))
        let entries = requests(fake)
        #expect(entries.count == 2)
        let text = String(decoding: JSONWriter.bytes(.array(entries)), as: UTF8.self)
        #expect(!text.contains(token))
        #expect(!text.contains(AppCredential.fakeDefault.spaceAuthKey().dropFirst(6)))
        #expect(entries[0]["request"]?["headers"]?["X-SPACE-AUTH-KEY"]?.stringValue == "Basic ***")
        #expect(entries[0]["response"]?["body"]?.stringValue?.contains(#""access_token":"***""#) == true)
        #expect(entries[1]["request"]?["headers"]?["Authorization"]?.stringValue == "Bearer ***")
    }

    @Test func journal_filtersByPathStatusAndLimit() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        for _ in 0..<3 { _ = fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets", token: token)) }
        _ = fake.handle(FakeRequest.authorized(.get, "/api/assetmanagement/v3/assets/nope", token: token))
        #expect(requests(fake, "?path=assetmanagement").count == 4)
        #expect(requests(fake, "?status=404").count == 1)
        #expect(requests(fake, "?status=2xx").count == 4)
        let limited = requests(fake, "?limit=2")
        #expect(limited.count == 2)
        #expect(limited.last?["status"] == .int(404), "the newest entries are kept")
        #expect(fake.handle(FakeRequest(method: .get, target: "/_fake/requests?status=teapot")).status == .badRequest)
    }

    @Test func journal_isCappedAndSkipsControlPlane() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 1, journalCapacity: 3), clock: .frozen(at: TestGateway.epoch))
        for index in 0..<5 { _ = fake.handle(FakeRequest(method: .get, target: "/api/x\(index)")) }
        _ = fake.handle(FakeRequest(method: .get, target: "/_fake/state"))
        let entries = fake.control.requests()
        #expect(entries.map(\.path) == ["/api/x2", "/api/x3", "/api/x4"])
        #expect(entries.map(\.sequence) == [3, 4, 5])
    }

    @Test func masker_masksFormAndJSONSecrets() {
        let form = SecretMasker.maskedBody(Array("grant_type=client_credentials&client_secret=s3cr3t".utf8))
        #expect(String(decoding: form, as: UTF8.self) == "grant_type=client_credentials&client_secret=***")
        let json = SecretMasker.maskedBody(Array(#"{"clientSecret" : "abc\"def","x":1}"#.utf8))
        #expect(String(decoding: json, as: UTF8.self) == #"{"clientSecret" : "***","x":1}"#)
    }
}
