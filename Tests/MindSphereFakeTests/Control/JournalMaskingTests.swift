import HTTPTypes
import Testing

@testable import MindSphereFake

/// The journal masks secrets by decoded parameter and header name, in any letter case: in headers, cookies, form and
/// JSON bodies and the query string of the recorded target.
@Suite struct JournalMaskingTests {
    private static let secret = "s3cr3t-VALUE"

    private func journalText(_ request: FakeRequest) throws -> (text: String, entry: JSONValue) {
        let fake = try TestGateway.make()
        _ = fake.handle(request)
        let entry = try #require(fake.handle(FakeRequest(method: .get, target: "/_fake/requests")).bodyJSON?["requests"]?.arrayValue?.last)
        return (JSONWriter.string(entry), entry)
    }

    private func form(_ body: String, target: String = "/oauth/token") -> FakeRequest {
        FakeRequest(method: .post, target: target, headerFields: [.contentType: "application/x-www-form-urlencoded"], body: Array(body.utf8))
    }

    @Test(arguments: [
        "grant_type=client_credentials&client%5Fsecret=\(secret)&client_id=x",
        "client%5fsecret=\(secret)",
        "junk&client_secret=\(secret)",
        "{=1&client_secret=\(secret)",
        "a=b&CLIENT_SECRET=\(secret)",
        "client+secret=1&client_secret+=\(secret)",
        "%63lient_secret=\(secret)",
        "password=\(secret)",
    ])
    func formSecrets_areMaskedByDecodedName(body: String) throws {
        let (text, entry) = try journalText(form(body))
        #expect(!text.contains(Self.secret), "\(body) → \(entry["request"]?["body"] ?? .null)")
    }

    @Test(arguments: [
        #"{"client\u005fsecret":"\#(secret)"}"#,
        #"{"Client_Secret" :"\#(secret)"}"#,
        #"{"a":{"access_token":"\#(secret)"}}"#,
        #"{"refresh_token":"\#(secret)"#,
    ])
    func jsonSecrets_areMaskedByUnescapedName(body: String) throws {
        let request = FakeRequest(
            method: .post, target: "/api/technicaltokenmanager/v3/oauth/token",
            headerFields: [.contentType: "application/json"], body: Array(body.utf8))
        let (text, _) = try journalText(request)
        #expect(!text.contains(Self.secret), "\(body)")
    }

    @Test(arguments: ["Proxy-Authorization", "proxy-authorization", "X-Auth-Token", "x-auth-token", "AUTHORIZATION", "x-space-auth-key"])
    func secretHeaders_areMasked(name: String) throws {
        let request = FakeRequest(method: .get, target: "/api/x", headerFields: [HTTPField.Name(name)!: "Bearer \(Self.secret)"])
        let (text, _) = try journalText(request)
        #expect(!text.contains(Self.secret), "\(name)")
    }

    @Test func cookieValues_areMasked_namesAndAttributesStay() throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("Cookie")!] = "sid=\(Self.secret); theme=dark"
        let (text, entry) = try journalText(FakeRequest(method: .get, target: "/api/x", headerFields: fields))
        #expect(!text.contains(Self.secret))
        // HTTPFields keeps each cookie as its own field; the journal joins fields of one name with ", ".
        let cookies = entry["request"]?["headers"]?["Cookie"]?.stringValue ?? ""
        #expect(cookies.contains("sid=***") && cookies.contains("theme=***"), "\(cookies)")
        let masked = SecretMasker.maskedHeaders([HTTPField.Name("Set-Cookie")!: "id=\(Self.secret); Path=/; HttpOnly"])
        #expect(masked[HTTPField.Name("Set-Cookie")!] == "id=***; Path=/; HttpOnly")
    }

    @Test(arguments: ["?access_token=\(secret)", "?client_secret=\(secret)&x=1", "?a=1&client%5Fsecret=\(secret)", "?Access_Token=\(secret)"])
    func queryStringSecrets_areMaskedInTheTarget(query: String) throws {
        let (text, entry) = try journalText(FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets" + query))
        #expect(!text.contains(Self.secret), "\(query)")
        #expect(entry["target"]?.stringValue?.hasPrefix("/api/assetmanagement/v3/assets?") == true)
    }

    @Test func pathFilter_cannotFindAMaskedSecret() throws {
        let fake = try TestGateway.make()
        _ = fake.handle(FakeRequest(method: .get, target: "/api/x?access_token=\(Self.secret)"))
        let found = fake.handle(FakeRequest(method: .get, target: "/_fake/requests?path=" + Self.secret.prefix(4)))
        #expect(found.bodyJSON?["count"] == .int(0))
        #expect(fake.handle(FakeRequest(method: .get, target: "/_fake/requests?path=/api/x")).bodyJSON?["count"] == .int(1))
    }

    @Test func harmlessValues_stay() {
        let body = SecretMasker.maskedBody(Array(#"{"name":"pump","tokenCount":3}"#.utf8))
        #expect(String(decoding: body, as: UTF8.self) == #"{"name":"pump","tokenCount":3}"#)
        let formBody = SecretMasker.maskedBody(Array("grant_type=client_credentials&client_id=app".utf8))
        #expect(String(decoding: formBody, as: UTF8.self) == "grant_type=client_credentials&client_id=app")
    }
}
