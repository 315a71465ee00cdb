import QCapCore

/// Grades a manufacturer's quality-management capability (制造业企业质量管理能力) from 经验级 to 卓越级.
///
/// The descriptor (30 indicators in 4 dimensions, the maturity-gated rule) is the embedded
/// `rubrics/manufacturing-capability.json`. Swift adds what the JSON cannot say: the quality-performance indicators
/// read tailorable thresholds and a three-year trend (`PerformanceProbe`), and the result lists where the on-site
/// review corrected the self-assessment (`RatingDifferences`).
public struct ManufacturingCapabilityRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.manufacturingCapability.descriptor

    public var probes: [Probe<ManufacturingCapabilityRubric>] { [PerformanceProbe.probe] }

    /// The trend series of the quality-performance indicators.
    public func auxiliaryFacts(_ context: RubricContext) -> [String] {
        PerformanceProbe.thresholdParameters.keys.sorted().map { "\(context.descriptor.factPrefix).\($0)\(TrendRule.defaultFactSuffix)" }
    }

    /// The performance thresholds and trend rule, checked, and the level-rated criteria, found once per run.
    public func prepareRun(_ context: RubricContext) throws(InputErrors) -> CapabilityRun {
        try CapabilityRun(context)
    }

    public func finish(_ result: inout RubricResult, context: EnterpriseContext<ManufacturingCapabilityRubric>, prepared: Void) {
        if let note = RatingDifferences.note(for: context.run.ratedCriteria, evidence: context.evidence) {
            result.notes.append(note)
        }
    }

    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        var contribution = GenericExampleSynthesizer.synthesize(context.descriptor, request: request, random: &random)
        PerformanceExamples.add(to: &contribution, descriptor: context.descriptor, request: request, random: &random)
        return contribution
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum ManufacturingCapabilityModule {
    public static let rubrics: [any Rubric] = [ManufacturingCapabilityRubric()]
}
