/// The switchable aggregate assumptions in force for one request.
struct AggregateOptions: Sendable {
    /// Which values enter sum, average, minimum, maximum, first, last and sd (`agg.quality-values`).
    enum QualityValues: Sendable {
        /// Every value, whatever its quality code.
        case all
        /// Only values of good quality; uncertain and bad ones are only counted.
        case good
    }

    /// Population (divide by n) or sample (divide by n - 1) standard deviation (`agg.sd`).
    enum StandardDeviation: Sendable {
        case population
        case sample
    }

    var qualityValues: QualityValues = .all
    var standardDeviation: StandardDeviation = .population

    /// The options of `choices`.
    init(_ choices: AssumptionChoices) {
        qualityValues = choices.alternative(of: "agg.quality-values") == "good" ? .good : .all
        standardDeviation = choices.alternative(of: "agg.sd") == "sample" ? .sample : .population
    }
}
