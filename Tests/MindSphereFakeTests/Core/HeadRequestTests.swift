import HTTPTypes
import Testing

@testable import MindSphereFake

/// Found by the gateway fuzz target: HEAD answers carried bodies on every path but a found route (errors, 401s,
/// 405s, injected faults).
@Suite struct HeadRequestTests {
    @Test(arguments: [
        "/api/assetmanagement/v3/assets",  // 401: no token
        "/api/assetmanagement/v3/nothing",  // 401 before the API 404
        "/nothing",  // 404 outside the API
        "/_fake/nothing",  // 404 of the control plane
        "es",  // 404, not even a path (the fuzzer's input)
        "/api/technicaltokenmanager/v3/oauth/token",  // 405
    ])
    func head_answersWithoutBody_whateverTheStatus(target: String) throws {
        let fake = try TestGateway.make()
        let get = fake.handle(FakeRequest(method: .get, target: target))
        let head = fake.handle(FakeRequest(method: .head, target: target))
        #expect(!get.body.isEmpty, "the GET answer has a body to leave out")
        #expect(head.status == get.status)
        #expect(head.bodyText == "", "HEAD \(target) answered \(head.status.code) with a body")
    }

    @Test func head_ofAnInjectedFault_answersWithoutBody() throws {
        let fake = try TestGateway.make()
        fake.control.addFault(
            FaultRule(
                method: nil, pathPattern: "/api/**",
                action: .status(503, retryAfterSeconds: nil, delayMilliseconds: 0), times: nil))
        let head = fake.handle(FakeRequest(method: .head, target: "/api/assetmanagement/v3/assets"))
        #expect(head.status == .serviceUnavailable)
        #expect(head.bodyText == "")
    }
}
