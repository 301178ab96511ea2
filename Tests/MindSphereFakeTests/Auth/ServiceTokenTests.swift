import Foundation
import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct ServiceTokenTests {
    private func request(
        body: String, query: String = "", basic: String? = "\(ServiceCredential.fakeDefault.clientID):\(ServiceCredential.fakeDefault.clientSecret)"
    ) -> FakeRequest {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let basic { fields[.authorization] = "Basic " + Data(basic.utf8).base64EncodedString() }
        return FakeRequest(method: .post, target: "/oauth/token" + query, headerFields: fields, body: Array(body.utf8))
    }

    @Test func formBodyGrant_issuesToken() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(request(body: "grant_type=client_credentials"))
        #expect(response.status == .ok)
        #expect(response.bodyJSON?["access_token"]?.stringValue != nil)
    }

    @Test func queryGrant_withEmptyBody_issuesToken() throws {
        let fake = try TestGateway.make()
        #expect(fake.handle(request(body: "", query: "?grant_type=client_credentials")).status == .ok)
    }

    @Test func formClientFields_areAccepted() throws {
        let fake = try TestGateway.make()
        let body =
            "grant_type=client_credentials&client_id=\(ServiceCredential.fakeDefault.clientID)&client_secret=\(ServiceCredential.fakeDefault.clientSecret)"
        #expect(fake.handle(request(body: body, basic: nil)).status == .ok)
    }

    @Test func badCredentials_answerUAAStyle401() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(request(body: "grant_type=client_credentials", basic: "iiotuxpc-service:wrong"))
        #expect(response.status == .unauthorized)
        #expect(response.bodyJSON == .object(["error": .string("unauthorized"), "error_description": .string("Bad credentials")]))
    }

    @Test func otherGrant_isUnsupported() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(request(body: "grant_type=password"))
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["error"] == .string("unsupported_grant_type"))
    }

    @Test func serviceToken_passesGatewayCheck() throws {
        let fake = try TestGateway.make()
        let token = try #require(fake.handle(request(body: "grant_type=client_credentials")).bodyJSON?["access_token"]?.stringValue)
        let response = fake.handle(FakeRequest.authorized(.get, "/api/nothing/here", token: token))
        #expect(response.status == .notFound)
    }
}
