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
