import QCapCore

/// GB/T 19580-2012 performance excellence (卓越绩效), 1000 points, scored by a team of assessors.
///
/// Government quality awards, Fujian's among them, are judged on this model: each assessor scores every item as a
/// percentage in 5% steps, the team settles a consensus, a site visit follows. The consensus probe turns the team's
/// scores into each item's percentage; `finish` adds the points by category, the flagged items, the coverage of the
/// nine basic concepts and, when a workspace sets thresholds, award readiness.
public struct ExcellenceRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.excellence.descriptor
    public var probes: [Probe] { [ConsensusProbe.probe] }

    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue]) {
        result.notes += ExcellenceSummary(result: result, descriptor: descriptor, parameters: parameters).notes
    }

    /// The outline of the applicant's 自我评价报告, pre-filled with the assessors' strengths and opportunities.
    public func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language) -> String? {
        SelfAssessmentOutline.markdown(result: result, enterprise: enterprise, descriptor: descriptor, language: language)
    }

    public func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        ExcellenceExampleEvidence.contribution(descriptor: descriptor, request: request, random: &random)
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum ExcellenceModelModule {
    public static let rubrics: [any Rubric] = [ExcellenceRubric()]
}
