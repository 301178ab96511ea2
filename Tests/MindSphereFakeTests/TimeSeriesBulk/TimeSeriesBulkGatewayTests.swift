import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// The TS Bulk read through the whole fake: token check, tenant, Spring error mapping by the gateway.
@Suite struct TimeSeriesBulkGatewayTests {
    @Test func read_throughGateway_readsWhatPutWrote() throws {
        let (client, asset) = try TimeSeriesGatewayTests.machine()
        let put = client.fake.handle(
            FakeRequest.authorized(
                .put, "/api/iottimeseries/v3/timeseries/\(asset)/acceleration", token: client.token,
                body: #"[{"_time":"2023-02-19T10:00:00.000Z","x":1.5,"x_qc":0,"y":2.5}]"#))
        #expect(put.status == .noContent)
        let read = client.fake.handle(
            FakeRequest.authorized(
                .get, "/api/iottsbulk/v3/timeseries/\(asset)/acceleration?from=2023-02-19T00:00:00Z&to=2023-02-20T00:00:00Z", token: client.token))
        #expect(read.status == .ok)
        #expect(read.bodyText == #"{"records":[{"_time":"2023-02-19T10:00:00.000Z","x":1.5,"x_qc":0,"y":2.5}]}"#)
    }

    @Test func refusal_throughGateway_hasTheFakeClockAndTheDecodedPath() throws {
        let (client, asset) = try TimeSeriesGatewayTests.machine()
        let response = client.fake.handle(
            FakeRequest.authorized(
                .get, "/api/iottsbulk/v3/timeseries/\(asset)/acc%65leration?from=2023-02-19T00:00:00Z", token: client.token))
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["timestamp"] == .string("2023-02-20T00:00:00.000Z"))
        #expect(response.bodyJSON?["path"] == .string("/api/iottsbulk/v3/timeseries/\(asset)/acceleration"))
        #expect(response.header("X-Correlation-ID") != nil)
    }

    @Test func otherMethod_is405_inTheSpringShape() throws {
        let (client, asset) = try TimeSeriesGatewayTests.machine()
        let response = client.fake.handle(FakeRequest.authorized(.delete, "/api/iottsbulk/v3/timeseries/\(asset)/acceleration", token: client.token))
        #expect(response.status == .methodNotAllowed)
        #expect(response.bodyJSON?["exception"] == .string("org.springframework.web.HttpRequestMethodNotSupportedException"))
        #expect(response.bodyJSON?["status"] == .int(405))
    }

    @Test func withoutToken_isTheGateways401() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(
            FakeRequest(method: .get, target: "/api/iottsbulk/v3/timeseries/a/b?from=2023-02-19T00:00:00Z&to=2023-02-20T00:00:00Z"))
        #expect(response.status == .unauthorized)
        #expect(response.bodyJSON?["error"] == .string("token_validation_failed"))
    }
}
