import Testing

@testable import MindSphereFake

@Suite struct JSONParserTests {
    @Test func roundTrip_keepsKeyOrderAndNumberKinds() throws {
        let text = #"{"b":1,"a":[true,false,null,1.5,-2,"x\"\\\/\n\u00e9\ud83d\ude00"],"c":{}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["b"] == .number(.integer(1)))
        #expect(value["a"]?.arrayValue?[3] == .number(.double(1.5)))
        #expect(JSONWriter.string(value) == #"{"b":1,"a":[true,false,null,1.5,-2,"x\"\\/\né😀"],"c":{}}"#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"abc", "{\"a\":1}x", "\"\u{01}\"", "[\"\\ud800\"]", "1e999"])
    func invalidJSON_isRefused(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNesting_isRefusedNotCrashing() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func doubles_printShortestRoundTrip() throws {
        let value = try JSONParser.parse("[0.22505496442317963, 5.614402770996094, 1e3]")
        #expect(JSONWriter.string(value) == "[0.22505496442317963,5.614402770996094,1000.0]")
    }
}

@Suite struct JSONNumberTests {
    @Test(arguments: [
        ("0", JSONNumber.integer(0)), ("-0", .integer(0)), ("42", .integer(42)), ("-2147483649", .integer(-2_147_483_649)),
        ("9223372036854775807", .integer(Int64.max)), ("-9223372036854775808", .integer(Int64.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)), ("1.5", .double(1.5)), ("-0.25", .double(-0.25)),
        ("1e3", .double(1000)), ("2.5E-3", .double(0.0025)), ("0.1", .double(0.1)),
        ("0.22505496442317963", .double(0.22505496442317963)), ("5.614402770996094", .double(5.614402770996094)),
        ("123456789012345678901234567890", .double(1.2345678901234568e29)), ("1e-400", .double(0)),
    ])
    func numbers_parseExactly(text: String, expected: JSONNumber) throws {
        #expect(try JSONParser.parse(text) == .number(expected))
    }

    @Test func randomDoubles_roundTripThroughWriterAndParser() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1)
            let text = JSONWriter.string(.double(value))
            #expect(try JSONParser.parse(text) == .number(.double(value)), "\(text)")
            let short = Double(Int.random(in: -1_000_000...1_000_000)) / 1000
            #expect(try JSONParser.parse(JSONWriter.string(.double(short))) == .number(.double(short)))
        }
    }
}
