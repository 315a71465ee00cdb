/// A rubric: a descriptor, plus the probes and finishing touches a Swift module adds.
///
/// A data-only rubric is a `DeclarativeRubric`. A module conforms its own type, lists its probes, and may use
/// `finish` to add what the generic scoring does not compute (a 0–5 maturity score, per-family notes).
public protocol Rubric: Sendable {
    var descriptor: RubricDescriptor { get }
    var probes: [Probe] { get }
    /// Fact keys the probes read besides the criteria's own keys, so providers accept them on load.
    var auxiliaryFacts: [String] { get }
    /// Synthetic evidence for `qcap init --example`; the default derives it from the descriptor.
    func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution
    /// A rubric-specific Markdown document for `qcap report --format md` (e.g. the applicant's self-assessment
    /// outline of the excellence model), appended after the generic report; nil when the rubric has none.
    func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language) -> String?
    /// Work a module's probes share across a whole run, done once when the engine is built (e.g. parsing the rule
    /// data in the parameters); handed to every probe as `ProbeInput.prepared`. The default is nil.
    func prepare(parameters: [String: JSONValue]) -> (any Sendable)?
    /// Work the probes share for one enterprise, done once before its criteria are evaluated (e.g. parsing its
    /// certificates); handed to every probe as `ProbeInput.enterprisePrepared`. The default is nil.
    func prepare(evidence: Evidence, context: AssessmentContext, run: (any Sendable)?) -> (any Sendable)?
    /// Called after generic scoring; the default does nothing.
    func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue])
    /// `finish` with what the `prepare` hooks made for this run and this enterprise, so a module's summary reuses
    /// the probes' parsed data instead of parsing it again. The engine calls this one; the default forwards to
    /// `finish` without them.
    func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue],
                prepared: (any Sendable)?, enterprisePrepared: (any Sendable)?)
}

extension Rubric {
    public var probes: [Probe] { [] }
    public var auxiliaryFacts: [String] { [] }
    public func prepare(parameters: [String: JSONValue]) -> (any Sendable)? { nil }
    public func prepare(evidence: Evidence, context: AssessmentContext, run: (any Sendable)?) -> (any Sendable)? { nil }
    public func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language) -> String? { nil }
    public func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        GenericExampleSynthesizer.synthesize(descriptor, request: request, random: &random)
    }
    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue]) {}
    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue],
                       prepared: (any Sendable)?, enterprisePrepared: (any Sendable)?) {
        finish(&result, evidence: evidence, context: context, parameters: parameters)
    }
    public var id: String { descriptor.id }
}

/// A rubric described entirely by its JSON.
public struct DeclarativeRubric: Rubric {
    public let descriptor: RubricDescriptor

    /// A rubric from a descriptor, usually one `RubricLoader.load` validated.
    public init(descriptor: RubricDescriptor) {
        self.descriptor = descriptor
    }
}
