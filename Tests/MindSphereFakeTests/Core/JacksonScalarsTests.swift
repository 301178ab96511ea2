import Testing

@testable import MindSphereFake

/// `JacksonScalars` reads strings as Jackson's String-to-scalar coercion does, minus what JSON cannot carry back.
@Suite struct JacksonScalarsTests {
    private func integer(_ text: String, _ range: ClosedRange<Int64> = Int64(Int32.min)...Int64(Int32.max)) -> Int64? {
        JacksonScalars.withBytes(text) { JacksonScalars.integer($0, in: range) }
    }

    @Test(arguments: [("15", 15), ("+15", 15), ("-15", -15), (" 15 ", 15), ("0", 0), ("-2147483648", -2_147_483_648), ("2147483647", 2_147_483_647)])
    func integer_accepted(text: String, value: Int64) {
        #expect(integer(text) == value)
    }

    @Test(arguments: ["15.0", "1e3", "", " ", "+", "-", "2147483648", "-2147483649", "0x10", "15a", "1 5", "١٥", "NaN"])
    func integer_refused(text: String) {
        #expect(integer(text) == nil)
    }

    @Test func integer_longExtremes() {
        #expect(integer("-9223372036854775808", Int64.min...Int64.max) == Int64.min)
        #expect(integer("9223372036854775807", Int64.min...Int64.max) == Int64.max)
        #expect(integer("9223372036854775808", Int64.min...Int64.max) == nil)
        #expect(integer("-9223372036854775809", Int64.min...Int64.max) == nil)
    }

    @Test(arguments: [("1.5", 1.5), ("1e3", 1000), ("-1", -1), (".5", 0.5), ("5.", 5), ("+2.5E-1", 0.25), (" 7 ", 7)])
    func double_accepted(text: String, value: Double) {
        #expect(JacksonScalars.withBytes(text, JacksonScalars.double) == value)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "1e999", "0x1p3", "1.5d", "1.5f", "", ".", "e3", "1e", "1.5.5", "warm"])
    func double_refused(text: String) {
        #expect(JacksonScalars.withBytes(text, JacksonScalars.double) == nil)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), (" true ", true), ("false", false), ("False", false), ("FALSE", false)])
    func boolean_accepted(text: String, value: Bool) {
        #expect(JacksonScalars.withBytes(text, JacksonScalars.boolean) == value)
    }

    @Test(arguments: ["tRUE", "yes", "1", "0", "", "t", "truee"])
    func boolean_refused(text: String) {
        #expect(JacksonScalars.withBytes(text, JacksonScalars.boolean) == nil)
    }

    @Test func nullText_isEmptyOrNullOnceTrimmed() {
        #expect(JacksonScalars.withBytes("", JacksonScalars.isNullText))
        #expect(JacksonScalars.withBytes(" null ", JacksonScalars.isNullText))
        #expect(!JacksonScalars.withBytes("nul", JacksonScalars.isNullText))
    }
}
