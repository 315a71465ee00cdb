import QCapCore

/// Quality-management digitalization after MIIT's implementation guide (工信厅科〔2021〕59号): scenarios in five
/// areas at three levels, maturity-gated. Most scenarios are self-rated; SPC coverage, traceability depth and the
/// automatic capture of inspection records are computed from facts by `MetricThresholdProbe`.
public struct QMDigitalizationRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.qmDigitalization.descriptor

    static let designResponsibilityFact = "qmd.profile.designResponsibility"

    public var probes: [Probe] { [MetricThresholdProbe.probe] }

    public var auxiliaryFacts: [String] { [Self.designResponsibilityFact] }

    public func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        MaturityExampleSynthesizer.qmDigitalization(descriptor, request: request, random: &random)
    }
}
