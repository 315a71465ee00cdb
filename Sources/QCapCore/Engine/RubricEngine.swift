/// Evaluates one rubric, with one tailoring, for any number of enterprises.
///
/// The engine is built once per run: it compiles the effective descriptor with its tailoring into a plan and lets
/// the module prepare the run, which is where bad parameters surface (as `InputErrors`, before anything is
/// assessed). It is then used concurrently: it holds no mutable state. Behind this non-generic face sits a
/// `ModuleEngine<R>` for the module's own type (opened from `any Rubric`), so probes and hooks get their
/// preparations typed, with one dynamic call per enterprise.
public struct RubricEngine: Sendable {
    /// The Swift module (or `DeclarativeRubric`) whose probes and hooks run.
    public let module: any Rubric
    /// The effective descriptor, tailoring and parameters every hook sees.
    public var context: RubricContext { compiled.context }
    public var descriptor: RubricDescriptor { compiled.descriptor }
    public var tailoring: Tailoring { compiled.context.tailoring }
    let compiled: CompiledRubric
    private let evaluator: any RubricEvaluator

    /// An engine for `rubric` run with the descriptor, tailoring and parameters of `context`.
    public init(rubric: any Rubric, context: RubricContext) throws(InputErrors) {
        module = rubric
        compiled = CompiledRubric(context: context)
        evaluator = try Self.evaluator(for: rubric, compiled: compiled)
    }

    /// An engine for `rubric` with its own descriptor and `tailoring`.
    public init(rubric: any Rubric, tailoring: Tailoring = .none) throws(InputErrors) {
        try self.init(rubric: rubric, context: RubricContext(descriptor: rubric.descriptor, tailoring: tailoring))
    }

    /// An engine for a module with its effective descriptor (after a workspace override) and a tailoring read from
    /// `tailoringFile`.
    public init(_ rubric: EffectiveRubric, tailoring: Tailoring = .none, tailoringFile: String? = nil) throws(InputErrors) {
        try self.init(rubric: rubric.module,
                      context: RubricContext(descriptor: rubric.descriptor, tailoring: tailoring, tailoringFile: tailoringFile))
    }

    /// An engine for a data-only rubric: it has nothing to prepare, so it cannot fail.
    public init(descriptor: RubricDescriptor, tailoring: Tailoring = .none) {
        let rubric = DeclarativeRubric(descriptor: descriptor)
        module = rubric
        compiled = CompiledRubric(context: RubricContext(descriptor: descriptor, tailoring: tailoring))
        evaluator = ModuleEngine(rubric: rubric, compiled: compiled, run: ())
    }

    /// `any Rubric` opens to its concrete type here, so everything below is typed by the module.
    private static func evaluator<R: Rubric>(for rubric: R, compiled: CompiledRubric) throws(InputErrors) -> any RubricEvaluator {
        try ModuleEngine(rubric: rubric, compiled: compiled)
    }

    /// The fact keys the rubric reads, for providers that check evidence against what rubrics expect.
    public var factKeys: [String] { plan.leaves.map(\.factKey) }

    var plan: RubricPlan { compiled.plan }

    /// The rubric's result for one enterprise: findings, scores, level, coverage and gap.
    public func evaluate(_ evidence: Evidence, context: AssessmentContext) -> RubricResult {
        evaluator.evaluate(evidence, context: context)
    }

    /// The finding of one leaf criterion before waivers, as `evaluate` would give it: for examples and for tests
    /// of a single probe. Nil when the rubric has no leaf with that id.
    public func finding(for criterion: String, evidence: Evidence, context: AssessmentContext) -> Finding? {
        plan.leaves.firstIndex { $0.criterion.id == criterion }.map { finding(leaf: $0, evidence: evidence, context: context) }
    }

    func finding(leaf index: Int, evidence: Evidence, context: AssessmentContext) -> Finding {
        evaluator.finding(leaf: index, evidence: evidence, context: context)
    }

    /// Rounds stored figures to 6 decimals so output is stable across platforms and runs.
    static func round(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
