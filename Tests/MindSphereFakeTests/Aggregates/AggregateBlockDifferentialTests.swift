import Testing

@testable import MindSphereFake

/// Holds the block-summary fast path of `AggregateComputer` to its general twin (every row scanned): random series
/// built by appends with random gaps, out-of-order inserts, overwrites at the same `_time`, PATCH merges with
/// `null`s, range deletes and writes held back by an ingestion delay, each followed by a random query (unit, length,
/// window, time zone, `agg.quality-values`, `agg.sd`) whose whole rendered answers must be byte for byte equal. The
/// fast path keeps its summaries across the writes, so a write that failed to drop a summary it changed shows up as a
/// different answer.
@Suite struct AggregateBlockDifferentialTests {
    /// Seconds since 1970 of the first record.
    static let origin: Int64 = 1_700_000_000
    static let zones = ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York"]

    static let schema = AspectSchema(
        assetID: "0123456789abcdef0123456789abcdef", aspectName: "mixed", aspectTypeID: "iiotuxpc.mixed",
        category: .dynamic,
        variables: [
            VariableDefinition(name: "x", dataType: .double),
            VariableDefinition(name: "q", dataType: .double, qualityCode: true),
            VariableDefinition(name: "i", dataType: .int),
            VariableDefinition(name: "l", dataType: .long, qualityCode: true),
            VariableDefinition(name: "y", dataType: .double),
        ],
        twinType: "performance", timezone: "UTC")

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func fastPathAnswersAsTheGeneralTwin(seed: UInt64) throws {
        var random = SeededRandomNumberGenerator(seed: 0xB10C_0000 + seed)
        let layout = SeriesLayout(schema: Self.schema)
        let series = Series()
        _ = series.layout(for: Self.schema)
        var now: Int64 = Self.origin * 1000
        var last = Self.origin
        var compared = 0
        for _ in 0..<60 {
            let delay: Int64 = Int.random(in: 0..<6, using: &random) == 0 ? Int64.random(in: 1...3000, using: &random) : 0
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3:
                var times: [Int64] = []
                for _ in 0..<Int.random(in: 1...700, using: &random) {
                    last +=
                        Int.random(in: 0..<20, using: &random) == 0
                        ? Int64.random(in: 60...4000, using: &random)
                        : Int64.random(in: 1...3, using: &random)
                    times.append(last)
                }
                series.write(batch(times, layout: layout, random: &random), writtenAt: now, delay: delay)
            case 4, 5:
                let times = (0..<Int.random(in: 1...300, using: &random)).map { _ in
                    Int64.random(in: Self.origin...last + 5, using: &random)
                }
                series.write(batch(times, layout: layout, random: &random), writtenAt: now, delay: delay)
            case 6, 7:
                let times = (0..<Int.random(in: 1...10, using: &random)).map { _ in
                    Int64.random(in: Self.origin...last + 5, using: &random)
                }
                var patch = batch(times, layout: layout, random: &random)
                patch.nulled = patch.columns.map { column in column.present.map { !$0 && Bool.random(using: &random) } }
                series.write(patch, writtenAt: now, delay: delay)
            default:
                let from = Int64.random(in: Self.origin - 10...last, using: &random)
                let to = from + Int64.random(in: 0...600, using: &random)
                series.remove(after: from * 1_000_000, upTo: to * 1_000_000, now: now, delay: delay)
            }
            now += Int64.random(in: 0...2000, using: &random)
            for _ in 0..<3 {
                let (grid, options) = query(last: last, random: &random)
                let targets = try AggregateSelection.targets(nil, layout: layout, available: .all(withStandardDeviation: true))
                let fast = AggregateComputer(grid: grid, targets: targets, options: options)
                let general = AggregateComputer(grid: grid, targets: targets, options: options, useBlockSummaries: false)
                let (fastItems, generalItems) = series.read(now: now, delay: delay) { state in
                    (fast.items(&state.storage), general.items(&state.storage))
                }
                var fastBody: [UInt8] = []
                var generalBody: [UInt8] = []
                AggregateRenderer.array(fastItems, targets: targets, precision: layout.precision, into: &fastBody)
                AggregateRenderer.array(generalItems, targets: targets, precision: layout.precision, into: &generalBody)
                #expect(
                    String(decoding: fastBody, as: UTF8.self) == String(decoding: generalBody, as: UTF8.self),
                    "seed \(seed), grid \(grid.from)...\(grid.to) every \(grid.interval)")
                if fastItems.count > 0 { compared += 1 }
            }
        }
        #expect(compared > 20)
    }

    /// Records at `times` (any order, repeats allowed) with random values, some fields absent, random quality codes.
    private func batch(_ times: [Int64], layout: SeriesLayout, random: inout SeededRandomNumberGenerator) -> RecordBatch {
        let columns = layout.fields.map { field in
            var column = Column(storage: field.rule.storage, capacity: times.count)
            let sparse = Int.random(in: 0..<4, using: &random) == 0
            for _ in times {
                if sparse && Bool.random(using: &random) {
                    column.appendAbsent()
                    continue
                }
                var one = Column(storage: field.rule.storage)
                one.present = [true]
                switch field.rule {
                case .double:
                    let scale = [1e-3, 1, 1e6, 1e15][Int.random(in: 0..<4, using: &random)]
                    one.doubles = [Double.random(in: -1...1, using: &random) * scale]
                case .qualityCode:
                    one.integers = [[0, 0, 0x4000_0000, 0x8000_0000, 0xC000_0000, 0x4012_0000][Int.random(in: 0..<6, using: &random)]]
                case .integer(let range, _):
                    let wide = range.lowerBound < Int64(Int32.min) && Bool.random(using: &random)
                    one.integers = [wide ? Int64.random(in: range, using: &random) : Int64.random(in: -1000...1000, using: &random)]
                default:
                    one = Column(storage: field.rule.storage)
                    one.appendAbsent()
                }
                column.append(from: one, row: 0)
            }
            return column
        }
        return RecordBatch(times: times.map { $0 * 1_000_000 }, columns: columns)
    }

    /// A random grid over the stored span and random aggregate options.
    private func query(last: Int64, random: inout SeededRandomNumberGenerator) -> (AggregateGrid, AggregateOptions) {
        let calendar = AggregateCalendar(timeZoneIdentifier: Self.zones[Int.random(in: 0..<Self.zones.count, using: &random)])
        let interval: AggregateInterval
        switch Int.random(in: 0..<5, using: &random) {
        case 0: interval = AggregateInterval(unit: .second, value: Int.random(in: 1...600, using: &random))
        case 1: interval = AggregateInterval(unit: .minute, value: Int.random(in: 1...30, using: &random))
        case 2, 3: interval = AggregateInterval(unit: .hour, value: Int.random(in: 1...3, using: &random))
        default: interval = AggregateInterval(unit: .day, value: 1)
        }
        let start = Int64.random(in: Self.origin - 3600...last, using: &random) * 1_000_000
        let from = calendar.floor(start, to: interval.unit)
        var to = from
        for _ in 0..<Int.random(in: 1...40, using: &random) { to = calendar.advance(to, by: interval.value, interval.unit) }
        var picks: [String: String] = [:]
        if Bool.random(using: &random) { picks["agg.sd"] = "sample" }
        if Bool.random(using: &random) { picks["agg.quality-values"] = "good" }
        let options = AggregateOptions((try? AssumptionChoices(picks)) ?? .defaults)
        return (AggregateGrid(from: from, to: to, interval: interval, calendar: calendar), options)
    }
}
