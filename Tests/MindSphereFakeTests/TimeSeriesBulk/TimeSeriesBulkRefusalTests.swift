import HTTPTypes
import Testing

@testable import MindSphereFake

/// The TS Bulk read's refusals, each in the Spring Boot error body.
@Suite struct TimeSeriesBulkRefusalTests {
    private let harness = BulkHarness()
    private var path: String { "\(BulkHarness.base)/\(TimeSeriesHarness.asset)/acceleration" }

    /// Checks the whole Spring body and returns its message.
    private func springError(
        _ response: FakeResponse, status: HTTPResponse.Status, exception: String = "ResponseStatusException",
        path expectedPath: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String {
        let body = response.bodyJSON?.objectValue
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(body?.keys == ["timestamp", "status", "error", "exception", "message", "path"], sourceLocation: sourceLocation)
        #expect(body?["timestamp"] == .string("2023-11-14T22:13:20.000Z"), sourceLocation: sourceLocation)
        #expect(body?["status"] == .int(status.code), sourceLocation: sourceLocation)
        #expect(body?["error"] == .string(status.reasonPhrase), sourceLocation: sourceLocation)
        #expect(body?["exception"]?.stringValue?.hasSuffix("." + exception) == true, sourceLocation: sourceLocation)
        #expect(body?["path"] == .string(expectedPath ?? path), sourceLocation: sourceLocation)
        return body?["message"]?.stringValue ?? ""
    }

    @Test func missingFromOrTo_is400_namingIt() {
        let noTo = springError(
            harness.get("acceleration", "from=2023-02-10T03:33:20.000Z"), status: .badRequest,
            exception: "MissingServletRequestParameterException")
        #expect(noTo.contains("'to'"))
        let noFrom = springError(
            harness.get("acceleration", "to=2023-02-10T03:33:20.000Z"), status: .badRequest,
            exception: "MissingServletRequestParameterException")
        #expect(noFrom.contains("'from'"))
        _ = springError(harness.get("acceleration", ""), status: .badRequest, exception: "MissingServletRequestParameterException")
    }

    @Test func error_carriesTheRequestBadRequestPhrase() {
        let response = harness.get("acceleration", "from=2023-02-10T03:33:20.000Z")
        #expect(response.bodyJSON?["error"] == .string("Bad Request"))
    }

    @Test func fromNotBeforeTo_is400() {
        let same = springError(harness.get("acceleration", "from=2023-02-10T03:33:20.000Z&to=2023-02-10T03:33:20.000Z"), status: .badRequest)
        #expect(same.contains("before"))
        _ = springError(harness.get("acceleration", "from=2023-02-10T03:33:21.000Z&to=2023-02-10T03:33:20.000Z"), status: .badRequest)
    }

    @Test func range_mustBeLessThan90Days() {
        // 2023-01-01 to 2023-04-01 is 31 + 28 + 31 = 90 days.
        let message = springError(harness.get("acceleration", "from=2023-01-01T00:00:00Z&to=2023-04-01T00:00:00Z"), status: .badRequest)
        #expect(message.contains("90 days"))
        let justUnder = harness.get("acceleration", "from=2023-01-01T00:00:00Z&to=2023-03-31T23:59:59.999Z")
        #expect(justUnder.status == .ok)
    }

    @Test(arguments: ["0", "-1", "abc", "1.5", "99999999999999999999"])
    func badLimit_is400(limit: String) {
        let message = springError(
            harness.get("acceleration", "from=2023-02-10T03:33:20Z&to=2023-02-10T03:34:20Z&limit=\(limit)"),
            status: .badRequest)
        #expect(message.contains("limit"))
    }

    @Test func badSortOrTime_is400() {
        _ = springError(harness.get("acceleration", "from=2023-02-10T03:33:20Z&to=2023-02-10T03:34:20Z&sort=up"), status: .badRequest)
        let time = springError(harness.get("acceleration", "from=yesterday&to=2023-02-10T03:34:20Z"), status: .badRequest)
        #expect(time.contains("'yesterday'"))
    }

    @Test func unknownAssetOrAspect_is404() {
        let unknownAsset = "0123456789abcdef0123456789abcdef"
        let asset = springError(
            harness.get("acceleration", "from=2023-02-10T03:33:20Z&to=2023-02-10T03:34:20Z", asset: unknownAsset),
            status: .notFound, path: "\(BulkHarness.base)/\(unknownAsset)/acceleration")
        #expect(asset.contains(unknownAsset))
        let aspect = springError(
            harness.get("noaspect", "from=2023-02-10T03:33:20Z&to=2023-02-10T03:34:20Z"), status: .notFound,
            path: "\(BulkHarness.base)/\(TimeSeriesHarness.asset)/noaspect")
        #expect(aspect.contains("noaspect"))
    }
}
