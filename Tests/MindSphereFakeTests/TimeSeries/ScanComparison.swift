import HTTPTypes

@testable import MindSphereFake

/// Two harnesses fed the same requests: one whose PUTs may read records straight from the body bytes, one that
/// always takes the general path (parse, then validate). Their answers and stored series must never differ.
struct ScanComparison {
    /// The harness with the byte scanner on.
    let scanning: TimeSeriesHarness
    /// The harness with the general path only.
    let general: TimeSeriesHarness

    /// Two harnesses under the same assumption `choices`.
    init(choices: AssumptionChoices = .defaults) {
        scanning = TimeSeriesHarness(scansRecordBytes: true, choices: choices)
        general = TimeSeriesHarness(scansRecordBytes: false, choices: choices)
    }

    /// An answer as comparable text: status, headers and body.
    static func describe(_ response: FakeResponse) -> String {
        let headers = response.headerFields.map { "\($0.name.rawName): \($0.value)" }.joined(separator: "\n")
        return "\(response.status.code)\n\(headers)\n\(response.bodyText)"
    }

    /// PUTs `body` to `aspect` of `asset` on both harnesses; the two answers as text.
    func put(_ aspect: String, _ body: String, asset: String = TimeSeriesHarness.asset) -> (scanned: String, general: String) {
        (Self.describe(scanning.put(aspect, body, asset: asset)), Self.describe(general.put(aspect, body, asset: asset)))
    }

    /// PUTs raw bytes to `aspect` of the test asset on both harnesses; the two answers as text.
    func put(_ aspect: String, bytes: [UInt8]) -> (scanned: String, general: String) {
        (Self.describe(send(scanning, aspect, bytes)), Self.describe(send(general, aspect, bytes)))
    }

    /// The stores of both harnesses as JSON text (every series, its records and pending records).
    var snapshots: (scanned: String, general: String) {
        (JSONWriter.string(scanning.store.snapshot()), JSONWriter.string(general.store.snapshot()))
    }

    /// GETs `aspect` with `query` on both harnesses; the two answers as text.
    func get(_ aspect: String, _ query: String = "") -> (scanned: String, general: String) {
        (Self.describe(scanning.get(aspect, query)), Self.describe(general.get(aspect, query)))
    }

    private func send(_ harness: TimeSeriesHarness, _ aspect: String, _ bytes: [UInt8]) -> FakeResponse {
        harness.send(.put, "\(TimeSeriesHarness.base)/\(TimeSeriesHarness.asset)/\(aspect)", bytes: bytes)
    }
}
