import Testing

@testable import MindSphereFake

/// `RecordScanner` reads exactly the batch `RecordValidator` builds from the parsed body, and declines the rest.
@Suite struct RecordScannerTests {
    private let layout: SeriesLayout

    init() throws {
        let harness = TimeSeriesHarness()
        guard
            case .found(let schema) = harness.schemas.aspectSchema(
                tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset, aspectName: "mixed")
        else {
            throw ScanTestError.noSchema
        }
        layout = SeriesLayout(schema: schema)
    }

    @Test(arguments: ScanBodies.scanned)
    func scan_validBody_readsTheValidatorsBatch(_ body: String) throws {
        let expected = try RecordValidator(layout: layout).batch(fromBody: JSONParser.parse(body))
        let scanned = try #require(RecordScanner.batch(Array(body.utf8), layout: layout))
        #expect(BatchText.of(scanned) == BatchText.of(expected))
        #expect(scanned.count > 0)
    }

    @Test(arguments: ScanBodies.generalOnly + ScanBodies.refused)
    func scan_bodyItDoesNotFullyUnderstand_declines(_ body: String) {
        #expect(RecordScanner.batch(Array(body.utf8), layout: layout) == nil)
    }

    @Test(arguments: ScanBodies.invalidUTF8)
    func scan_invalidUTF8_declines(_ bytes: [UInt8]) {
        #expect(RecordScanner.batch(bytes, layout: layout) == nil)
    }

    @Test func scan_microsecondAsset_keepsSubMillisecondDigits() throws {
        let schema = TimeSeriesHarness.schema("sim", [VariableDefinition(name: "x", dataType: .double)], twinType: "simulation")
        let layout = SeriesLayout(schema: schema)
        let body = #"[{"_time":"2023-02-20T02:01:01.123456789Z","x":1},{"_time":"2023-02-20T02:01:01.000001Z","x":2}]"#
        let expected = try RecordValidator(layout: layout).batch(fromBody: JSONParser.parse(body))
        let scanned = try #require(RecordScanner.batch(Array(body.utf8), layout: layout))
        #expect(BatchText.of(scanned) == BatchText.of(expected))
        #expect(scanned.times[0] % 1_000_000 == 123_456)
    }

    @Test func timeReader_agreesWithTimestampOnNeighbouringTexts() {
        var reader = RecordTimeReader()
        let texts = [
            "2023-02-20T02:01:01.001Z", "2023-02-20T02:01:01.999Z", "2023-02-20T02:01:01Z", "2023-02-20T02:01:01z",
            "2023-02-20T02:01:01.Z", "2023-02-20T02:01:01.1234567891Z", "2023-02-20T02:01:01.001", "2023-02-20T02:01:01",
            "2023-02-20T02:01:01.001Zx", "2023-02-20T02:01:02.5Z", "2023-02-29T02:01:02.5Z", "2024-02-29T02:01:02.5Z",
            "2024-02-29 02:01:02.5Z", "2024-02-29T24:00:00Z", "2024-02-29T23:60:00Z", "2024-02-29T23:59:60Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z",
            "2024-02-29T23:59:59.000000001Z", "2023-02-20T02:01:01.001+00:00", "2023-02-20T02:01:01.0a1Z",
        ]
        for text in texts + texts.reversed() {
            let bytes = Array(text.utf8)
            let read = bytes.withUnsafeBufferPointer { reader.microseconds($0) }
            #expect(read == Timestamp.parseMicroseconds(text), "\(text)")
        }
    }
}

/// Why a scanner test could not start.
enum ScanTestError: Error {
    /// The harness lacks the `mixed` aspect.
    case noSchema
}
