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
    public var probes: [Probe<ExcellenceRubric>] { [ConsensusProbe.probe] }

    /// The bands, step, spread threshold, item kinds, concepts and readiness thresholds, read once per run.
    public func prepareRun(_ context: RubricContext) throws(InputErrors) -> ExcellenceSettings {
        try ExcellenceSettings(context)
    }

    /// The summary notes, and the points and band as the verdict (the rubric has no levels).
    public func finish(_ result: inout RubricResult, context: EnterpriseContext<ExcellenceRubric>, prepared: Void) {
        let summary = ExcellenceSummary(result: result, descriptor: context.descriptor, settings: context.run)
        result.notes += summary.notes
        result.verdict = ExcellenceVerdict.text(points: summary.total, maxPoints: summary.maxPoints, bands: context.run.bands)
    }

    /// The outline of the applicant's 自我评价报告, pre-filled with the assessors' strengths and opportunities; none
    /// when the parameters the result was assessed with no longer read (a stored result of a broken rubric file).
    public func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language, context: RubricContext) -> String? {
        guard let settings = try? ExcellenceSettings(context) else { return nil }
        return SelfAssessmentOutline.markdown(result: result, enterprise: enterprise, descriptor: context.descriptor,
                                              settings: settings, language: language)
    }

    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        guard let settings = try? ExcellenceSettings(context) else { return ExampleContribution() }
        return ExcellenceExampleEvidence.contribution(descriptor: context.descriptor, settings: settings, request: request, random: &random)
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum ExcellenceModelModule {
    public static let rubrics: [any Rubric] = [ExcellenceRubric()]
}
