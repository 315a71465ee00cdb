/// A criterion check written in Swift, for what a declarative rule cannot express (dates, registries, text).
///
/// A probe reads the evidence and the rubric's (tailored) parameters and returns the finding. It must not throw
/// or trap on bad values: it reports them as an `error` outcome with a message that cites the evidence.
public struct Probe: Sendable {
    public let id: String
    public let evaluate: @Sendable (ProbeInput) -> Finding

    /// A probe with the id criteria name in `evidence.probe`.
    public init(id: String, evaluate: @escaping @Sendable (ProbeInput) -> Finding) {
        self.id = id
        self.evaluate = evaluate
    }
}

/// Everything a probe may look at.
public struct ProbeInput: Sendable {
    public let criterion: Criterion
    /// The fact key of the criterion (`evidence.fact`, or `<factPrefix>.<id>`).
    public let factKey: String
    public let evidence: Evidence
    public let context: AssessmentContext
    public let descriptor: RubricDescriptor
    /// Parameters after tailoring.
    public let parameters: [String: JSONValue]
    /// What the rubric's `prepare(parameters:)` made once for the run, if anything.
    public let prepared: (any Sendable)?
    /// What the rubric's `prepare(evidence:context:run:)` made once for this enterprise, if anything.
    public let enterprisePrepared: (any Sendable)?

    public init(criterion: Criterion, factKey: String, evidence: Evidence, context: AssessmentContext,
                descriptor: RubricDescriptor, parameters: [String: JSONValue], prepared: (any Sendable)? = nil,
                enterprisePrepared: (any Sendable)? = nil) {
        self.criterion = criterion
        self.factKey = factKey
        self.evidence = evidence
        self.context = context
        self.descriptor = descriptor
        self.parameters = parameters
        self.prepared = prepared
        self.enterprisePrepared = enterprisePrepared
    }

    public var enterprise: Enterprise { evidence.enterprise }

    /// A parameter after tailoring, or nil when the rubric does not declare it.
    public func parameter(_ name: String) -> JSONValue? { parameters[name] }

    /// A finding for this probe's criterion.
    public func finding(_ outcome: Outcome, score: Double?, level: Int? = nil, message: LocalizedText,
                        evidence: [Provenance] = [], details: [String: String]? = nil) -> Finding {
        Finding(criterion: criterion.id, outcome: outcome, score: score, level: level, message: message,
                evidence: evidence, details: details)
    }
}
