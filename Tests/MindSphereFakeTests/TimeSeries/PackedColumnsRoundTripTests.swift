import Testing

@testable import MindSphereFake

/// Holds the compressed chunk codec to its plain twin: random columns of every storage, with edge values (signed
/// zeros, subnormals, the largest doubles, infinities, integer extremes, long and non-ASCII strings), runs of equal
/// values, decimals of a few digits, missing values, and `_time` columns with huge, negative and repeated steps,
/// must decode to exactly what the plain codec keeps.
@Suite struct PackedColumnsRoundTripTests {
    static let edgeDoubles: [Double] = [
        0, -0.0, 1, -1, 0.1, .leastNormalMagnitude / 3, -.leastNormalMagnitude / 3, .leastNonzeroMagnitude, .leastNormalMagnitude,
        .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, .infinity, -.infinity, Double(1 << 53) + 2, 1e15 + 0.5, 123.456, -999_999.999_999,
    ]
    static let edgeIntegers: [Int64] = [0, 1, -1, .min, .max, .min + 1, .max - 1, 1 << 32, -(1 << 40)]
    static let edgeStrings = ["", "running", "ä😀\u{301}", String(repeating: "x", count: 300), "\u{0}"]

    private func randomColumn(_ storage: Column.Storage, count: Int, using random: inout SeededRandomNumberGenerator) -> Column {
        var column = Column(storage: storage)
        let style = Int.random(in: 0..<5, using: &random)
        let missing = [0.0, 0.0, 0.3, 1.0, 0.02][Int.random(in: 0..<5, using: &random)]
        var previousDouble = 0.0
        var previousInteger: Int64 = 0
        for _ in 0..<count {
            if Double.random(in: 0..<1, using: &random) < missing {
                column.appendAbsent()
                continue
            }
            column.present.append(true)
            switch storage {
            case .double:
                let value: Double
                switch style {
                case 0: value = Self.edgeDoubles.randomElement(using: &random)!
                case 1: value = (Double(Int.random(in: -100_000...100_000, using: &random)) / 1000)
                case 2: value = Bool.random(using: &random) ? previousDouble : Double.random(in: -1e6...1e6, using: &random)
                case 3: value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))
                default: value = (previousDouble + Double(Int.random(in: -5...5, using: &random)) * 0.01 * 1000).rounded() / 1000
                }
                column.doubles.append(value.isNaN ? 0 : value)
                previousDouble = value.isNaN ? 0 : value
            case .integer:
                let value: Int64
                switch style {
                case 0: value = Self.edgeIntegers.randomElement(using: &random)!
                case 1: value = previousInteger &+ 1
                case 2: value = Int64.random(in: .min ... .max, using: &random)
                default: value = previousInteger &+ Int64.random(in: -300...300, using: &random)
                }
                column.integers.append(value)
                previousInteger = value
            case .boolean:
                column.booleans.append(style == 0 ? true : Bool.random(using: &random))
            case .string:
                switch style {
                case 0: column.strings.append(Self.edgeStrings.randomElement(using: &random)!)
                case 1: column.strings.append("s\(Int.random(in: 0..<400, using: &random))")
                default: column.strings.append(["running", "setup", "idle"].randomElement(using: &random)!)
                }
            }
        }
        return column
    }

    private func randomTimes(count: Int, using random: inout SeededRandomNumberGenerator) -> [Int64] {
        var times: [Int64] = [Int64.random(in: -1_000_000_000_000...4_000_000_000_000_000, using: &random)]
        let style = Int.random(in: 0..<4, using: &random)
        for _ in 1..<count {
            let step: Int64
            switch style {
            case 0: step = 1_000_000
            case 1: step = Bool.random(using: &random) ? 1_000_000 : Int64.random(in: 1...10_000_000, using: &random)
            case 2: step = Int64.random(in: .min / 4 ... .max / 4, using: &random)
            default: step = Int64.random(in: -50...50, using: &random)
            }
            times.append(times.last! &+ step)
        }
        return times
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func compressedDecodesToThePlainTwin(seed: UInt64) {
        var random = SeededRandomNumberGenerator(seed: 0xC0DE_C000 + seed)
        for _ in 0..<40 {
            let count = [1, 2, 3, 7, 64, 1024, 2048].randomElement(using: &random)!
            let times = randomTimes(count: count, using: &random)
            let packed = ChunkCodec.compressed.encode(times: times)
            #expect(packed.decoded(count: count) == ChunkCodec.plain.encode(times: times).decoded(count: count))
            #expect(PackedColumns.decodeTimes(PackedColumns.encode(times: times), count: count) == times)
            for storage in [Column.Storage.double, .integer, .boolean, .string] {
                let column = randomColumn(storage, count: count, using: &random)
                let plain = ChunkCodec.plain.encode(column)
                let compressed = ChunkCodec.compressed.encode(column)
                #expect(ColumnComparison.same(compressed.decoded(count: count), plain.decoded(count: count)))
                #expect(compressed.decodedPresence(count: count) == column.present)
                // The packed form itself, even where the plain one is smaller and kept.
                let bytes = PackedColumns.encode(column)
                #expect(ColumnComparison.same(PackedColumns.decode(bytes, storage: storage, count: count), column))
                #expect(PackedColumns.decodePresence(bytes, count: count) == column.present)
            }
        }
    }

    @Test func plantLikeColumns_packBelowTheirPlainSize() {
        var times: [Int64] = []
        var temperature = Column(storage: .double)
        var pieces = Column(storage: .integer)
        var state = Column(storage: .string)
        for index in 0..<1024 {
            times.append(1_767_571_200_000_000 + Int64(index) * 1_000_000)
            temperature.doubles.append(((62.5 + Double(index % 50) * 0.013) * 1000).rounded() / 1000)
            temperature.present.append(true)
            pieces.integers.append(Int64(index))
            pieces.present.append(true)
            state.strings.append(index % 900 < 600 ? "running" : "setup")
            state.present.append(true)
        }
        #expect(PackedColumns.encode(times: times).count < 200)
        #expect(PackedColumns.encode(temperature).count < 3 * 1024)
        #expect(PackedColumns.encode(pieces).count <= 1024 + 8)
        #expect(PackedColumns.encode(state).count < 200)
    }
}
