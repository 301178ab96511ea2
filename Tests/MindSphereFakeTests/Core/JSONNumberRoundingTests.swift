import Testing

@testable import MindSphereFake

/// Numbers with 16 to 19 significant digits read to the same `Double` as `Double(String)` (correct rounding).
@Suite struct JSONNumberRoundingTests {
    private func parsed(_ text: String) throws -> Double {
        guard case .number(.double(let value)) = try JSONParser.parse(text) else {
            throw JSONNumberTestError.notADouble(text)
        }
        return value
    }

    @Test(arguments: [
        "0.22505496442317963", "5.614402770996094", "7.467514991760254", "0.92505496442317963",
        "9007199254740993.0", "9007199254740995.0", "9007199254740993e0", "-9007199254740993.5",
        "1.7976931348623157e308", "2.2250738585072014e-308", "4.9e-324", "123456789012345678.9",
        "0.1000000000000000055511151231257827", "0.30000000000000004", "1234567890123456789e27",
        "1234567890123456789e-27", "1234567890123456789e28", "1.000000000000000000", "18446744073709551615.5",
    ])
    func parse_longNumber_roundsLikeTheStandardLibrary(_ text: String) throws {
        let expected = try #require(Double(text))
        #expect(try parsed(text).bitPattern == expected.bitPattern)
    }

    @Test func parse_manyRandomLongNumbers_roundLikeTheStandardLibrary() throws {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for round in 0..<20_000 {
            let digits = 16 + round % 4
            var mantissa = String(UInt64.random(in: 1...9, using: &generator))
            for _ in 1..<digits { mantissa += String(UInt64.random(in: 0...9, using: &generator)) }
            let point = Int.random(in: 1..<digits, using: &generator)
            var text = String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            if round % 3 == 0 { text += "e\(Int.random(in: -12...12, using: &generator))" }
            let expected = try #require(Double(text))
            if try parsed(text).bitPattern != expected.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Numbers of every length from 1 to 26 digits on either side of the point, with runs of zeros (leading, inner
    /// and trailing), read as the standard library reads them: the eight-digits-at-a-time step and the digit-by-digit
    /// loop meet at every offset.
    @Test func parse_digitRunsOfEveryLength_readLikeTheStandardLibrary() throws {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        func digits(_ count: Int) -> String {
            let zeroRun = Int.random(in: 0...count, using: &generator)
            let zeroStart = Int.random(in: 0...(count - zeroRun), using: &generator)
            return String(
                (0..<count).map { position in
                    (zeroStart..<(zeroStart + zeroRun)).contains(position)
                        ? "0" : Character(String(UInt8.random(in: 0...9, using: &generator)))
                })
        }
        for round in 0..<20_000 {
            var integer = digits(1 + round % 26)
            while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
            let text = round % 5 == 0 ? integer : integer + "." + digits(1 + (round / 26) % 26)
            switch try JSONParser.parse(text) {
            case .number(.integer(let value)):
                if Int64(text) != value { mismatches.append(text) }
            case .number(.double(let value)):
                if try #require(Double(text)).bitPattern != value.bitPattern { mismatches.append(text) }
            default:
                mismatches.append(text)
            }
        }
        let mismatchCount = mismatches.count
        #expect(mismatchCount == 0, "for example \(mismatches.prefix(5))")
    }

    @Test func parse_halfwayCases_roundToEven() throws {
        // 2^53 + 1 and 2^53 + 3 lie halfway between two doubles.
        #expect(try parsed("9007199254740993.0") == 9_007_199_254_740_992)
        #expect(try parsed("9007199254740995.0") == 9_007_199_254_740_996)
    }
}

/// Why a rounding test could not compare.
enum JSONNumberTestError: Error {
    /// The text did not parse to a JSON double.
    case notADouble(String)
}
