import Testing

@testable import MindSphereFake

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2023-02-21T02:01:01.001Z", Int64(1_676_944_861_001)),
        ("2023-02-21T02:01:01Z", Int64(1_676_944_861_000)),
        ("1970-01-01T00:00:00.000Z", Int64(0)),
        ("2024-02-29T23:59:59.999Z", Int64(1_709_251_199_999)),
        ("2023-02-21T02:01:01.0019Z", Int64(1_676_944_861_001)),
    ])
    func validTimestamps_parse(text: String, expected: Int64) {
        #expect(Timestamp.parseMilliseconds(text) == expected)
    }

    @Test(arguments: [
        "2023-13-01T00:00:00Z", "2023-02-30T00:00:00Z", "2023-02-20T02:01:01", "2023-02-20 02:01:01",
        "", "2023-02-20T24:00:00Z", "2023-02-20T02:01:01+01:00", "2023-02-20T02:01:01.Z", "2023-02-20",
    ])
    func invalidTimestamps_areRefused(text: String) {
        #expect(Timestamp.parseMilliseconds(text) == nil)
    }

    @Test func format_alwaysHasThreeFractionDigits() {
        #expect(Timestamp.format(milliseconds: 1_676_944_861_000) == "2023-02-21T02:01:01.000Z")
        #expect(Timestamp.format(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
    }
}
