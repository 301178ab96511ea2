import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Found by the gateway fuzz target: a 405's `Allow` list (and message) named a method twice when two routes of
/// that method matched the path.
@Suite struct AllowHeaderTests {
    @Test func allow_namesEachMethodOnce() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        // GET /assets/root and GET /assets/{id} both match this path.
        let response = fake.handle(FakeRequest.authorized(.post, "/api/assetmanagement/v3/assets/root", token: token))
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("Allow") == "GET, PUT, PATCH, DELETE")
        #expect(response.bodyText.contains("allowed: GET, PUT, PATCH, DELETE"))
    }
}
