import QCapCore

/// Grades a manufacturer's quality-management capability (制造业企业质量管理能力) from 经验级 to 卓越级.
///
/// The descriptor (30 indicators in 4 dimensions, the maturity-gated rule) is the embedded
/// `rubrics/manufacturing-capability.json`. Swift adds what the JSON cannot say: the quality-performance indicators
/// read tailorable thresholds and a three-year trend (`PerformanceProbe`), and the result lists where the on-site
/// review corrected the self-assessment (`RatingDifferences`).
public struct ManufacturingCapabilityRubric: Rubric {
    public init() {
        descriptor = EmbeddedRubrics.manufacturingCapability.descriptor
        ratedCriteria = RatingDifferences.ratedCriteria(of: descriptor)
    }

    public let descriptor: RubricDescriptor
    /// The level-rated criteria and their fact keys, found once rather than for every enterprise.
    let ratedCriteria: [RatingDifferences.RatedCriterion]

    public var probes: [Probe] { [PerformanceProbe.probe] }

    /// The trend series of the quality-performance indicators and the spot-check flag.
    public var auxiliaryFacts: [String] {
        PerformanceProbe.thresholdParameters.keys.sorted().map { "\(descriptor.factPrefix).\($0)\(TrendRule.defaultFactSuffix)" }
    }

    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext,
                       parameters: [String: JSONValue]) {
        if let note = RatingDifferences.note(for: ratedCriteria, evidence: evidence) {
            result.notes.append(note)
        }
    }

    public func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        var contribution = GenericExampleSynthesizer.synthesize(descriptor, request: request, random: &random)
        PerformanceExamples.add(to: &contribution, descriptor: descriptor, request: request, random: &random)
        return contribution
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum ManufacturingCapabilityModule {
    public static let rubrics: [any Rubric] = [ManufacturingCapabilityRubric()]
}
