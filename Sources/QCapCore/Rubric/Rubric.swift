/// A rubric: a descriptor, plus the probes and hooks a Swift module adds.
///
/// A data-only rubric is a `DeclarativeRubric`. A module conforms its own type, lists its probes, and implements
/// only the hooks it needs; every hook has a default. What a module works out once per run (rule data parsed from
/// the parameters) and once per enterprise (its parsed records) are the associated types `RunPreparation` and
/// `EnterprisePreparation`: probes and `finish` receive them typed, with no casts and no caches.
///
/// Every hook reads the rubric through its context (`RubricContext`, `EnterpriseContext`), which holds the
/// **effective** descriptor: the module's own, or the one a workspace's `"override"` replaces it with. `descriptor`
/// below is only the module's built-in default.
public protocol Rubric: Sendable {
    /// What `prepareRun` makes once per run from the (tailored) parameters; `Void` when nothing.
    associatedtype RunPreparation: Sendable = Void
    /// What `prepareEnterprise` makes once per enterprise for all its probes and `finish`; `Void` when nothing.
    associatedtype EnterprisePreparation: Sendable = Void

    /// The module's built-in descriptor. Hooks read the effective one from their context instead.
    var descriptor: RubricDescriptor { get }
    /// The criterion checks written in Swift, by the ids criteria name in `evidence.probe`.
    var probes: [Probe<Self>] { get }
    /// Fact keys the probes read besides the criteria's own keys, so providers accept them on load.
    func auxiliaryFacts(_ context: RubricContext) -> [String]
    /// Work shared by a whole run, done once when the engine is built: typically the rule data in the parameters,
    /// parsed and checked. A parameter it cannot use is bad input: throw `context.parameterError(…)`, and the run
    /// stops (exit 3) before any enterprise is assessed.
    func prepareRun(_ context: RubricContext) throws(InputErrors) -> RunPreparation
    /// Work the probes share for one enterprise, done once before its criteria are evaluated (e.g. parsing its
    /// certificates). It must not fail: what it cannot read becomes the probes' `error` findings.
    func prepareEnterprise(_ context: EnterpriseContext<Self>) -> EnterprisePreparation
    /// Called after generic scoring, to add what it does not compute (a 0–5 maturity score, per-family notes).
    func finish(_ result: inout RubricResult, context: EnterpriseContext<Self>, prepared: EnterprisePreparation)
    /// A rubric-specific Markdown document for `qcap report --format md` (e.g. the applicant's self-assessment
    /// outline of the excellence model), appended after the generic report; nil when the rubric has none. `context`
    /// is the rubric the result was assessed with (its stored descriptor and tailoring).
    func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language, context: RubricContext) -> String?
    /// Synthetic evidence for `qcap init --example`; the default derives it from the descriptor.
    func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution
}

extension Rubric {
    public var probes: [Probe<Self>] { [] }
    public func auxiliaryFacts(_ context: RubricContext) -> [String] { [] }
    public func finish(_ result: inout RubricResult, context: EnterpriseContext<Self>, prepared: EnterprisePreparation) {}
    public func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language, context: RubricContext) -> String? { nil }
    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        GenericExampleSynthesizer.synthesize(context.descriptor, request: request, random: &random)
    }

    public var id: String { descriptor.id }
    /// The ids of `probes`, for code that holds the rubric as `any Rubric` (the validator, `rubrics validate`).
    public var probeIDs: [String] { probes.map(\.id) }
}

extension Rubric where RunPreparation == Void {
    public func prepareRun(_ context: RubricContext) throws(InputErrors) {}
}

extension Rubric where EnterprisePreparation == Void {
    public func prepareEnterprise(_ context: EnterpriseContext<Self>) {}
}

/// A rubric described entirely by its JSON.
public struct DeclarativeRubric: Rubric {
    public let descriptor: RubricDescriptor

    /// A rubric from a descriptor, usually one `RubricLoader.load` validated.
    public init(descriptor: RubricDescriptor) {
        self.descriptor = descriptor
    }
}
