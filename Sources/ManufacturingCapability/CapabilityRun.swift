import QCapCore

/// What the manufacturing-capability rubric works out once per run from its effective descriptor and tailored
/// parameters: each quality-performance indicator's level thresholds, the trend rule, and the level-rated criteria
/// the rating-difference note compares. Thresholds or a trend rule that cannot be read are bad input naming the
/// parameter, reported before any enterprise is assessed. Public only as the rubric's run preparation.
public struct CapabilityRun: Sendable {
    /// How one performance indicator (D4) is graded.
    struct Indicator: Sendable {
        let thresholds: LevelThresholds
        /// The parameter the thresholds come from; nil when they are the criterion's own rule.
        let parameter: String?
        let higherIsBetter: Bool
        /// The level at which the indicator is met.
        let metAt: Int
    }

    /// By criterion id, for every criterion `PerformanceProbe` evaluates.
    let indicators: [String: Indicator]
    let trendRule: TrendRule
    /// The scale's top rank (at least 1).
    let maxRank: Int
    let ratedCriteria: [RatingDifferences.RatedCriterion]

    init(_ context: RubricContext) throws(InputErrors) {
        let descriptor = context.descriptor
        let maxRank = max(descriptor.maxRank, 1)
        var errors: [InputError] = []
        var indicators: [String: Indicator] = [:]
        for (criterion, _, _) in descriptor.allCriteria() where criterion.evidence?.probe == PerformanceProbe.id {
            let rule = criterion.evidence?.rule
            let higherIsBetter = (rule?.direction ?? .higher) == .higher
            // Thresholds: the tailored parameter first, the criterion's own rule second.
            let parameter = PerformanceProbe.thresholdParameters[criterion.id]
            let source: JSONValue? = parameter.flatMap(context.parameter) ?? rule?.thresholds.map { thresholds in
                .object(JSONObject(thresholds.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }))
            }
            guard let source else {
                errors.append(context.parameterError(parameter ?? "thresholds", "criterion \(criterion.id) has no level thresholds (parameter or rule)",
                                                     expected: "an object of level → threshold, such as {\"2\": 0.9, \"3\": 0.95}"))
                continue
            }
            switch LevelThresholds.parse(source, higherIsBetter: higherIsBetter, maxRank: maxRank) {
            case .success(let thresholds):
                indicators[criterion.id] = Indicator(thresholds: thresholds, parameter: parameter, higherIsBetter: higherIsBetter,
                                                     metAt: rule?.metAt ?? maxRank)
            case .failure(let problem):
                errors.append(context.parameterError(parameter ?? "thresholds", "the level thresholds of \(criterion.id) are invalid",
                                                     expected: problem.expected))
            }
        }
        var trendRule = TrendRule(maxLevel: maxRank)
        switch TrendRule.parse(context.parameter("trend"), maxRank: maxRank) {
        case .success(let parsed): trendRule = parsed
        case .failure(let problem): errors.append(context.parameterError("trend", "is invalid", expected: problem.expected))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        self.indicators = indicators
        self.trendRule = trendRule
        self.maxRank = maxRank
        ratedCriteria = RatingDifferences.ratedCriteria(of: descriptor)
    }
}
