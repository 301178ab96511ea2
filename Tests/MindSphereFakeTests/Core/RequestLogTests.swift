import HTTPTypes
import Logging
import MindSphereFakeTesting
import Synchronization
import Testing

@testable import MindSphereFake

/// The request log: one entry per answered request, with what a developer needs to see why a call failed, and no
/// secret.
@Suite struct RequestLogTests {
    /// A handler that keeps what it is given.
    final class Capture: Sendable {
        struct Entry: Sendable {
            var level: Logger.Level
            var message: String
            var metadata: [String: String]
        }

        let entries = Mutex<[Entry]>([])

        func logger(level: Logger.Level = .info) -> Logger {
            var logger = Logger(label: "test") { _ in Handler(capture: self) }
            logger.logLevel = level
            return logger
        }

        struct Handler: LogHandler {
            let capture: Capture
            var logLevel: Logger.Level = .trace
            var metadata: Logger.Metadata = [:]
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                let fields = (event.metadata ?? [:]).mapValues { "\($0)" }
                capture.entries.withLock { $0.append(Entry(level: event.level, message: "\(event.message)", metadata: fields)) }
            }
        }
    }

    private func gateway(_ capture: Capture, level: Logger.Level = .info) throws -> FakeGateway {
        try FakeGateway(configuration: FakeConfiguration(seed: 1, logger: capture.logger(level: level)), clock: .frozen(at: TestGateway.epoch))
    }

    @Test func eachAPIRequest_logsOneInfoEntry_withStatusDurationAndSize() throws {
        let capture = Capture()
        let fake = try gateway(capture)
        let token = try fake.token()
        let response = fake.handle(
            FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets", headerFields: [.authorization: "Bearer \(token)"]))
        let entries = capture.entries.withLock { $0 }
        #expect(entries.count == 2)
        let last = try #require(entries.last)
        #expect(last.level == .info)
        #expect(last.message == "GET /api/assetmanagement/v3/assets")
        #expect(last.metadata["status"] == "200")
        #expect(last.metadata["bytes"] == String(response.body.count))
        #expect(last.metadata["duration_ms"].map { $0.contains(".") } == true)
        #expect(last.metadata["error"] == nil && last.metadata["fault"] == nil)
    }

    @Test func refusals_logTheirMessage_andFaultsTheirRule() throws {
        let capture = Capture()
        let fake = try gateway(capture)
        _ = fake.handle(FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets"))
        let rule = fake.control.addFault(
            FaultRule(pathPattern: "/api/iottimeseries/**", action: .status(429, retryAfterSeconds: nil, delayMilliseconds: 0)))
        _ = fake.handle(FakeRequest(method: .get, target: "/api/iottimeseries/v3/timeseries/a/b"))
        let entries = capture.entries.withLock { $0 }
        #expect(entries.count == 2)
        #expect(entries[0].metadata["status"] == "401")
        #expect(entries[0].metadata["error"]?.isEmpty == false)
        #expect(entries[1].metadata["status"] == "429")
        #expect(entries[1].metadata["fault"] == rule.id)
        #expect(entries[1].metadata["error"] == "Too many requests")
    }

    @Test func secretQueryValues_areMasked_andLongQueriesCut() throws {
        let capture = Capture()
        let fake = try gateway(capture)
        let long = String(repeating: "x", count: 200)
        _ = fake.handle(FakeRequest(method: .get, target: "/api/assetmanagement/v3/assets?access_token=abc.def&client_secret=s3&q=\(long)"))
        let message = try #require(capture.entries.withLock { $0.last?.message })
        #expect(!message.contains("abc.def") && !message.contains("s3&"))
        #expect(message.contains("access_token=***") && message.contains("client_secret=***"))
        #expect(message.hasSuffix("…") && message.count < 200)
    }

    @Test func controlPlaneRequests_logAtDebug_only() throws {
        let quiet = Capture()
        _ = try gateway(quiet).handle(FakeRequest(method: .get, target: "/_fake/health"))
        #expect(quiet.entries.withLock { $0.isEmpty })
        let verbose = Capture()
        _ = try gateway(verbose, level: .debug).handle(FakeRequest(method: .get, target: "/_fake/health"))
        #expect(verbose.entries.withLock { $0.map(\.level) } == [.debug])
    }

    @Test func transportRefusals_areLoggedToo() throws {
        let capture = Capture()
        let fake = try gateway(capture)
        _ = fake.refusal(FakeError(.malformedRequest, "bad framing"), rawMethod: "PUT", target: "/api/assetmanagement/v3/assets", headerFields: [:])
        let entry = try #require(capture.entries.withLock { $0.last })
        #expect(entry.message == "PUT /api/assetmanagement/v3/assets")
        #expect(entry.metadata["status"] == "400" && entry.metadata["error"] == "bad framing")
    }

    @Test func milliseconds_haveThreeDecimals() {
        #expect(RequestLog.milliseconds(0) == "0.000")
        #expect(RequestLog.milliseconds(1_234_567) == "1.234")
        #expect(RequestLog.milliseconds(12_000_000_001) == "12000.000")
        #expect(RequestLog.milliseconds(-5) == "0.000")
    }
}
