import QCapCore

/// Quality-management digitalization after MIIT's implementation guide (工信厅科〔2021〕59号): scenarios in five
/// areas at three levels, maturity-gated. Most scenarios are self-rated; SPC coverage, traceability depth and the
/// automatic capture of inspection records are computed from facts by `MetricThresholdProbe`.
public struct QMDigitalizationRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.qmDigitalization.descriptor

    static let designResponsibilityFact = "qmd.profile.designResponsibility"

    public var probes: [Probe<QMDigitalizationRubric>] { [MetricThresholdProbe.probe] }

    public func auxiliaryFacts(_ context: RubricContext) -> [String] { [Self.designResponsibilityFact] }

    /// The computed indicators' thresholds at each criterion's level, checked once per run.
    public func prepareRun(_ context: RubricContext) throws(InputErrors) -> MetricThresholds {
        try MetricThresholds(context)
    }

    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        MaturityExampleSynthesizer.qmDigitalization(context.descriptor, request: request, random: &random)
    }
}
