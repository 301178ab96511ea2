import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// The protection of `/_fake/`: control token, Host and Origin over a listener, and declared JSON or YAML bodies.
@Suite struct ControlPlaneGuardTests {
    private static let port: UInt16 = 8080

    private func request(
        _ method: HTTPRequest.Method = .post, _ target: String = "/_fake/reset", headers: [String: String] = [:],
        body: String = "", listenerPort: UInt16? = port
    ) -> FakeRequest {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return FakeRequest(method: method, target: target, headerFields: fields, body: Array(body.utf8), listenerPort: listenerPort)
    }

    private func expectControlError(
        _ response: FakeResponse, _ status: HTTPResponse.Status, _ code: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.bodyJSON?.objectValue?.keys == ["error", "message"], sourceLocation: sourceLocation)
        #expect(response.bodyJSON?["error"] == .string(code), sourceLocation: sourceLocation)
    }

    @Test func controlToken_isRequiredByteForByte() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 1, controlToken: "s3cret-Token"), clock: .frozen(at: TestGateway.epoch))
        for listener in [nil, Self.port] {
            expectControlError(fake.handle(request(.get, "/_fake/health", listenerPort: listener)), .unauthorized, "unauthorized")
            for wrong in ["s3cret-Toke", "s3cret-Token2", "S3cret-Token", "s3cret-To\u{212A}en", ""] {
                let response = fake.handle(request(.get, "/_fake/health", headers: ["X-Fake-Control-Token": wrong], listenerPort: listener))
                expectControlError(response, .unauthorized, "unauthorized")
            }
            let good = fake.handle(request(.get, "/_fake/health", headers: ["x-fake-control-token": "s3cret-Token"], listenerPort: listener))
            #expect(good.status == .ok)
        }
        // With a token, any Host may be used (the operator exposed the fake under a name on purpose).
        let named = fake.handle(request(.get, "/_fake/health", headers: ["X-Fake-Control-Token": "s3cret-Token", "Host": "fake.example:8080"]))
        #expect(named.status == .ok)
        // The API itself is not behind the control token.
        #expect(fake.handle(FakeRequest.tokenRequest()).status == .ok)
    }

    @Test func emptyControlToken_admitsNothing() throws {
        let fake = try FakeGateway(configuration: FakeConfiguration(seed: 1, controlToken: ""), clock: .frozen(at: TestGateway.epoch))
        let response = fake.handle(request(.get, "/_fake/health", headers: ["X-Fake-Control-Token": ""]))
        expectControlError(response, .unauthorized, "unauthorized")
    }

    @Test(arguments: [
        "localhost", "localhost:8080", "LocalHost:8080", "127.0.0.1", "127.0.0.1:8080", "10.1.2.3:8080",
        "[::1]", "[::1]:8080", "[fe80::1:2]:8080", "[::ffff:127.0.0.1]:8080", "01.02.003.255:8080", "0.0.0.0",
    ])
    func safeHost_isServed(host: String) throws {
        let fake = try TestGateway.make()
        #expect(fake.handle(request(.get, "/_fake/health", headers: ["Host": host])).status == .ok, "\(host)")
    }

    @Test(arguments: [
        "", "evil.example", "evil.example:8080", "localhost:9999", "localhost:", "localhost.", "localhost.:8080",
        "127.0.0.1:80", "127.0.0.1.nip.io", "1.2.3.256", "1.2.3", "[::1]:9999", "[::1", "[evil]:8080", "[::1]x",
        "localhost:+8080", "localhost:08080x", "0x7f.0.0.1", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4.5", "1234.1.1.1",
        "0001.1.1.1", "1.2.3.4a", "1.2.3.-4", "localhosu:8080",
    ])
    func unsafeHost_isRefusedWith403(host: String) throws {
        let fake = try TestGateway.make()
        let headers = host.isEmpty ? [:] : ["Host": host]
        expectControlError(fake.handle(request(.get, "/_fake/health", headers: headers)), .forbidden, "forbidden")
        expectControlError(fake.handle(request(.post, "/_fake/reset", headers: headers)), .forbidden, "forbidden")
    }

    @Test func inProcessRequests_skipHostAndOriginChecks() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(
            request(.post, "/_fake/reset", headers: ["Host": "evil.example", "Origin": "http://evil.example"], listenerPort: nil))
        #expect(response.status == .ok)
    }

    @Test(arguments: [
        "http://evil.example", "null", "http://evil.example:8080", "http://localhost:9999", "ftp://localhost:8080",
        "http://localhost.evil.example", "https://[::1]:1",
    ])
    func foreignOrigin_isRefusedWith403_evenWithAToken(origin: String) throws {
        let open = try TestGateway.make()
        expectControlError(open.handle(request(headers: ["Host": "localhost:8080", "Origin": origin])), .forbidden, "forbidden")
        let guarded = try FakeGateway(configuration: FakeConfiguration(seed: 1, controlToken: "t"), clock: .frozen(at: TestGateway.epoch))
        let response = guarded.handle(request(headers: ["Host": "localhost:8080", "Origin": origin, "X-Fake-Control-Token": "t"]))
        expectControlError(response, .forbidden, "forbidden")
    }

    @Test(arguments: ["http://localhost:8080", "http://127.0.0.1:8080", "https://[::1]:8080", "http://localhost"])
    func localOrigin_isServed(origin: String) throws {
        let fake = try TestGateway.make()
        #expect(fake.handle(request(headers: ["Host": "localhost:8080", "Origin": origin])).status == .ok)
    }

    @Test func bodyLessPostWithoutContentType_staysAllowed() throws {
        let fake = try TestGateway.make()
        #expect(fake.handle(request(.post, "/_fake/reset", headers: ["Host": "127.0.0.1:8080"])).status == .ok)
        #expect(fake.handle(request(.post, "/_fake/tokens/expire", headers: ["Host": "127.0.0.1:8080"])).status == .ok)
        #expect(fake.handle(request(.delete, "/_fake/faults", headers: ["Host": "127.0.0.1:8080"])).status == .ok)
    }

    @Test(arguments: [
        ("text/plain", #"{"advanceSeconds":1}"#), ("application/x-www-form-urlencoded", "advanceSeconds=1"),
        ("multipart/form-data; boundary=x", "--x--"), ("text/plain", ""), ("", #"{"advanceSeconds":1}"#),
        ("none", #"{"advanceSeconds":1}"#), ("application/jsonx", #"{"advanceSeconds":1}"#), ("+json", "{}"),
    ])
    func stateChangingCall_withoutJSONOrYAML_answers415(contentType: String, body: String) throws {
        let fake = try TestGateway.make()
        var headers = ["Host": "localhost:8080"]
        if contentType != "none" { headers["Content-Type"] = contentType }
        let response = fake.handle(request(.post, "/_fake/clock", headers: headers, body: body))
        expectControlError(response, .unsupportedMediaType, "unsupported_media_type")
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("application/json") == true)
        #expect(fake.clock.nowMilliseconds() == TestGateway.epoch, "the refused call changed nothing")
    }

    @Test(arguments: ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"])
    func jsonContentTypes_areAccepted(contentType: String) throws {
        let fake = try TestGateway.make()
        let response = fake.handle(
            request(
                .post, "/_fake/clock", headers: ["Host": "localhost:8080", "Content-Type": contentType],
                body: #"{"advanceSeconds":1}"#))
        #expect(response.status == .ok)
    }

    @Test(arguments: ["application/yaml", "application/x-yaml", "text/yaml; charset=utf-8"])
    func yamlContentTypes_areAcceptedForAScenario(contentType: String) throws {
        let fake = try TestGateway.make()
        let response = fake.handle(
            request(
                .post, "/_fake/scenario", headers: ["Host": "localhost:8080", "Content-Type": contentType],
                body: "name: tiny\ntenants: [{name: tiny}]\n"))
        #expect(response.status == .ok)
    }

    @Test func reads_needNoContentType() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(request(.get, "/_fake/state", headers: ["Host": "localhost:8080", "Content-Type": "text/plain"], body: "x"))
        #expect(response.status == .ok)
    }

    @Test func apiRoutes_areNotGuarded() throws {
        let fake = try TestGateway.make()
        var token = FakeRequest.tokenRequest()
        token.listenerPort = Self.port
        token.headerFields[HTTPField.Name("Origin")!] = "http://evil.example"
        #expect(fake.handle(token).status == .ok)
    }
}
