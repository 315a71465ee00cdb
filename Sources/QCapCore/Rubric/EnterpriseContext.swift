/// What a module's hooks see while one enterprise is evaluated: the run's `RubricContext` (effective descriptor,
/// tailoring, parameters), what the module's `prepareRun` made from them, the enterprise's evidence and the
/// assessment context (date, waivers).
///
/// Every probe input carries it, so copying it costs one reference: the values live in one immutable box, made once
/// per enterprise and rubric.
public struct EnterpriseContext<R: Rubric>: Sendable {
    private final class Storage: Sendable {
        let rubric: RubricContext
        let run: R.RunPreparation
        let evidence: Evidence
        let assessment: AssessmentContext

        init(rubric: RubricContext, run: R.RunPreparation, evidence: Evidence, assessment: AssessmentContext) {
            self.rubric = rubric
            self.run = run
            self.evidence = evidence
            self.assessment = assessment
        }
    }

    private let storage: Storage

    /// The context of one enterprise; the engine makes it, tests of a single hook may too.
    public init(rubric: RubricContext, run: R.RunPreparation, evidence: Evidence, assessment: AssessmentContext) {
        storage = Storage(rubric: rubric, run: run, evidence: evidence, assessment: assessment)
    }

    public var rubric: RubricContext { storage.rubric }
    /// What the module's `prepareRun` made for this run.
    public var run: R.RunPreparation { storage.run }
    public var evidence: Evidence { storage.evidence }
    public var assessment: AssessmentContext { storage.assessment }

    /// The effective descriptor (after a workspace override).
    public var descriptor: RubricDescriptor { storage.rubric.descriptor }
    /// Parameters after tailoring.
    public var parameters: [String: JSONValue] { storage.rubric.parameters }
    public var enterprise: Enterprise { storage.evidence.enterprise }
    /// The assessment date.
    public var asOf: Day { storage.assessment.asOf }
}
