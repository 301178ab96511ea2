/// The aggregate of one variable over one interval. Integer variables (INT, LONG) keep exact integer sum, minimum,
/// maximum, first and last values; the average and sd are always doubles.
struct VariableAggregate: Sendable {
    var countGood = 0
    var countUncertain = 0
    var countBad = 0
    /// The number of values in the statistics (all counted values, or only good ones under `agg.quality-values=good`).
    var count = 0
    var sum = 0.0
    var integerSum: Int64 = 0
    /// Whether `integerSum` overflowed (then `sum` is written instead).
    var integerSumOverflowed = false
    var minimum = 0.0
    var minimumInteger: Int64 = 0
    var minimumTime: Int64 = 0
    var maximum = 0.0
    var maximumInteger: Int64 = 0
    var maximumTime: Int64 = 0
    var first = 0.0
    var firstInteger: Int64 = 0
    var firstTime: Int64 = 0
    var last = 0.0
    var lastInteger: Int64 = 0
    var lastTime: Int64 = 0
    /// `nil` when it cannot be computed (a single value under `agg.sd=sample`) or is not finite.
    var standardDeviation: Double?
    /// The first value: deviations are summed relative to it, so one pass gives a stable variance ("shifted data").
    private var shift = 0.0
    private var shiftedSum = 0.0
    private var shiftedSquares = 0.0
    /// The sum of squared deviations from the mean, once the aggregate is built from chunks (`merge`); `nil` while it
    /// comes from the shifted sums of one pass.
    private var squaredDeviationsOfChunks: Double?

    /// Whether no value of the variable was in the interval.
    var isEmpty: Bool { countGood + countUncertain + countBad == 0 }

    /// The mean of the values in the statistics.
    var average: Double { sum / Double(count) }

    /// Adds a DOUBLE value at `time` (values arrive in time order).
    @inline(__always)
    mutating func add(_ value: Double, at time: Int64) {
        if count == 0 {
            minimum = value
            minimumTime = time
            maximum = value
            maximumTime = time
            first = value
            firstTime = time
            shift = value
        } else {
            if value < minimum {
                minimum = value
                minimumTime = time
            }
            if value > maximum {
                maximum = value
                maximumTime = time
            }
        }
        last = value
        lastTime = time
        sum += value
        count += 1
        let deviation = value - shift
        shiftedSum += deviation
        shiftedSquares += deviation * deviation
    }

    /// Adds an INT or LONG value at `time` (values arrive in time order).
    @inline(__always)
    mutating func add(integer value: Int64, at time: Int64) {
        if count == 0 {
            minimumInteger = value
            minimumTime = time
            maximumInteger = value
            maximumTime = time
            firstInteger = value
            firstTime = time
            shift = Double(value)
        } else {
            if value < minimumInteger {
                minimumInteger = value
                minimumTime = time
            }
            if value > maximumInteger {
                maximumInteger = value
                maximumTime = time
            }
        }
        lastInteger = value
        lastTime = time
        let (total, overflow) = integerSum.addingReportingOverflow(value)
        integerSum = total
        integerSumOverflowed = integerSumOverflowed || overflow
        sum += Double(value)
        count += 1
        let deviation = Double(value) - shift
        shiftedSum += deviation
        shiftedSquares += deviation * deviation
    }

    /// Counts a value of quality `quality`.
    @inline(__always)
    mutating func count(_ quality: QualityClass) {
        switch quality {
        case .good: countGood += 1
        case .uncertain: countUncertain += 1
        case .bad: countBad += 1
        }
    }

    /// Sets the standard deviation once every value is added.
    mutating func finish(_ kind: AggregateOptions.StandardDeviation) {
        let squaredDeviations = squaredDeviationsOfChunks ?? onePassSquaredDeviations
        let divisor = kind == .population ? count : count - 1
        guard divisor > 0 else {
            standardDeviation = count > 0 && kind == .population ? 0 : nil
            return
        }
        let value = (squaredDeviations / Double(divisor)).squareRoot()
        standardDeviation = value.isFinite ? value : nil
    }

    /// The sum of squared deviations from the mean by the shifted sums of one pass.
    private var onePassSquaredDeviations: Double {
        max(0, shiftedSquares - shiftedSum * shiftedSum / Double(count))
    }

    /// Appends `later`, the aggregate of the DOUBLE values of a later chunk of rows without quality codes (both from
    /// `ofDoubles` or `merge`): counts and sums add, the first minimum and maximum win, and the squared deviations
    /// combine by the pairwise update of Chan, Golub and LeVeque (exact in real arithmetic, stable in floating point).
    /// The order of chunks is fixed (see `AggregateBlocks`), so every caller gets the same bits.
    mutating func merge(_ later: VariableAggregate) {
        guard later.count > 0 else { return }
        guard count > 0 else {
            self = later
            squaredDeviationsOfChunks = later.squaredDeviationsOfChunks ?? later.onePassSquaredDeviations
            return
        }
        let ownDeviations = squaredDeviationsOfChunks ?? onePassSquaredDeviations
        let laterDeviations = later.squaredDeviationsOfChunks ?? later.onePassSquaredDeviations
        let ownCount = Double(count)
        let laterCount = Double(later.count)
        let delta = later.sum / laterCount - sum / ownCount
        squaredDeviationsOfChunks = ownDeviations + laterDeviations + delta * delta * (ownCount * laterCount / (ownCount + laterCount))
        countGood += later.countGood
        count += later.count
        sum += later.sum
        if later.minimum < minimum {
            minimum = later.minimum
            minimumTime = later.minimumTime
        }
        if later.maximum > maximum {
            maximum = later.maximum
            maximumTime = later.maximumTime
        }
        last = later.last
        lastTime = later.lastTime
    }

    /// The aggregate of the DOUBLE values at `rows` of a variable without quality codes, chunk by chunk of the fixed
    /// row blocks of `AggregateBlocks` (one `ofDoubles` per block the rows touch, merged in row order). A whole block
    /// is taken from `summaries` when given (the block summaries of the column, built by the same `ofDoubles`), so
    /// the fast path and the general one (`summaries == nil`) compute the same bits. `scan` computes `ofDoubles`
    /// of the rows of a block not taken from `summaries`.
    static func ofDoublesInBlocks(
        rows: Range<Int>, summaries: [VariableAggregate]?,
        scanning scan: (Range<Int>) -> VariableAggregate
    ) -> VariableAggregate {
        var result = VariableAggregate()
        let size = AggregateBlocks.blockSize
        var lower = rows.lowerBound
        while lower < rows.upperBound {
            let block = lower / size
            let upper = min(rows.upperBound, (block + 1) * size)
            if let summaries, lower == block * size, upper == lower + size, block < summaries.count {
                result.merge(summaries[block])
            } else {
                result.merge(scan(lower..<upper))
            }
            lower = upper
        }
        return result
    }

    /// The aggregate of the DOUBLE values at `rows` of a variable without quality codes (all good), in one pass over
    /// local accumulators: the hot path of large intervals. Two rows per step with separate sums keep the floating-
    /// point adds from waiting on each other; an absent row (stored as 0) adds a deviation of 0. The sum is
    /// `count * shift + Σ(value - shift)`.
    static func ofDoubles(
        _ values: UnsafeBufferPointer<Double>, present: UnsafeBufferPointer<Bool>,
        times: UnsafeBufferPointer<Int64>, rows: Range<Int>
    ) -> VariableAggregate {
        var result = VariableAggregate()
        guard let start = rows.first(where: { present[$0] }) else { return result }
        let shift = values[start]
        var minimum = shift
        var maximum = shift
        var minimumRow = start
        var maximumRow = start
        var lastRow = start
        var count = 0
        var sums = (0.0, 0.0)
        var squares = (0.0, 0.0)
        @inline(__always) func visit(_ row: Int) -> Double {
            guard present[row] else { return 0 }
            let value = values[row]
            if value < minimum {
                minimum = value
                minimumRow = row
            }
            if value > maximum {
                maximum = value
                maximumRow = row
            }
            lastRow = row
            count += 1
            return value - shift
        }
        var row = start
        let end = rows.upperBound
        while row + 1 < end {
            let first = visit(row)
            let second = visit(row + 1)
            sums.0 += first
            squares.0 += first * first
            sums.1 += second
            squares.1 += second * second
            row += 2
        }
        if row < end {
            let deviation = visit(row)
            sums.0 += deviation
            squares.0 += deviation * deviation
        }
        let shiftedSum = sums.0 + sums.1
        result.countGood = count
        result.count = count
        result.sum = Double(count) * shift + shiftedSum
        result.minimum = minimum
        result.minimumTime = times[minimumRow]
        result.maximum = maximum
        result.maximumTime = times[maximumRow]
        result.first = shift
        result.firstTime = times[start]
        result.last = values[lastRow]
        result.lastTime = times[lastRow]
        result.shift = shift
        result.shiftedSum = shiftedSum
        result.shiftedSquares = squares.0 + squares.1
        return result
    }
}
