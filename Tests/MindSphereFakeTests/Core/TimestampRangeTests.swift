import Testing

@testable import MindSphereFake

/// Timestamps outside years 0000-9999 are refused on input and never rendered with a wrong 4-digit year.
@Suite struct TimestampRangeTests {
    @Test func rangeEnds_parseAndFormatExactly() {
        #expect(Timestamp.parseMilliseconds("0000-01-01T00:00:00.000Z") == Timestamp.minimumMilliseconds)
        #expect(Timestamp.parseMilliseconds("9999-12-31T23:59:59.999Z") == Timestamp.maximumMilliseconds)
        #expect(Timestamp.format(milliseconds: Timestamp.minimumMilliseconds) == "0000-01-01T00:00:00.000Z")
        #expect(Timestamp.format(milliseconds: Timestamp.maximumMilliseconds) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.format(milliseconds: FakeClock.range.lowerBound) == "0001-01-01T00:00:00.000Z")
    }

    @Test(arguments: ["10000-01-01T00:00:00.000Z", "-0001-01-01T00:00:00.000Z", "+2023-02-21T02:01:01.001Z", "99999-01-01T00:00:00Z"])
    func yearsOutsideFourDigits_areRefusedOnInput(text: String) {
        #expect(Timestamp.parseMilliseconds(text) == nil)
    }

    @Test func instantsOutsideTheRange_renderInTheExpandedForm() {
        #expect(Timestamp.format(milliseconds: Timestamp.maximumMilliseconds + 1) == "+010000-01-01T00:00:00.000Z")
        #expect(Timestamp.format(milliseconds: Timestamp.minimumMilliseconds - 1) == "-000001-12-31T23:59:59.999Z")
        #expect(Timestamp.format(milliseconds: Timestamp.minimumMilliseconds - 86_400_000 * 365) == "-000001-01-01T00:00:00.000Z")
        #expect(Timestamp.format(milliseconds: 253_433_923_200_000) == "+010001-01-01T00:00:00.000Z")
        #expect(Timestamp.format(milliseconds: Int64.max) == "+292278994-08-17T07:12:55.807Z")
        #expect(Timestamp.format(milliseconds: Int64.min) == "-292275055-05-16T16:47:04.192Z")
        #expect(Timestamp.formatSeconds(milliseconds: Timestamp.maximumMilliseconds + 1).hasPrefix("+010000"))
    }

    @Test func write_keepsFixedWidthWithinTheRange() {
        var bytes = [UInt8](repeating: 0, count: 24)
        Timestamp.write(milliseconds: Int64.max, into: &bytes, at: 0)
        #expect(String(decoding: bytes, as: UTF8.self) == "9999-12-31T23:59:59.999Z")
        Timestamp.write(milliseconds: Int64.min, into: &bytes, at: 0)
        #expect(String(decoding: bytes, as: UTF8.self) == "0000-01-01T00:00:00.000Z")
    }
}
