/// A criterion check written in Swift, for what a declarative rule cannot express (dates, registries, text).
///
/// A probe of rubric `R` reads the evidence, the effective descriptor, the tailored parameters and what `R` prepared
/// for the run and the enterprise, and returns the finding. It must not throw or trap on bad values: it reports them
/// as an `error` outcome with a message that cites the evidence.
public struct Probe<R: Rubric>: Sendable {
    public let id: String
    public let evaluate: @Sendable (ProbeInput<R>) -> Finding

    /// A probe with the id criteria name in `evidence.probe`.
    public init(id: String, evaluate: @escaping @Sendable (ProbeInput<R>) -> Finding) {
        self.id = id
        self.evaluate = evaluate
    }
}

/// Everything a probe of rubric `R` may look at.
public struct ProbeInput<R: Rubric>: Sendable {
    public let criterion: Criterion
    /// The fact key of the criterion (`evidence.fact`, or `<factPrefix>.<id>`).
    public let factKey: String
    /// The enterprise, its evidence, the assessment date, the effective descriptor and parameters, and `R`'s run
    /// preparation.
    public let context: EnterpriseContext<R>
    /// What `R.prepareEnterprise` made for this enterprise.
    public let prepared: R.EnterprisePreparation

    public init(criterion: Criterion, factKey: String, context: EnterpriseContext<R>, prepared: R.EnterprisePreparation) {
        self.criterion = criterion
        self.factKey = factKey
        self.context = context
        self.prepared = prepared
    }

    public var evidence: Evidence { context.evidence }
    public var enterprise: Enterprise { context.enterprise }
    /// The effective descriptor (after a workspace override).
    public var descriptor: RubricDescriptor { context.descriptor }
    /// Parameters after tailoring.
    public var parameters: [String: JSONValue] { context.parameters }
    /// What `R.prepareRun` made for this run.
    public var run: R.RunPreparation { context.run }

    /// A parameter after tailoring, or nil when the rubric does not declare it.
    public func parameter(_ name: String) -> JSONValue? { context.rubric.parameter(name) }

    /// The criterion's fact (or `key`) resolved across sources: the value that counts, or the finding to return when
    /// no source supplied it (saying to collect `missing`, by default the criterion's evidence description) or when
    /// sources of the same rank disagree.
    public func resolveFact(_ key: String? = nil, missing: LocalizedText? = nil) -> ResolvedFact {
        let key = key ?? factKey
        return ResolvedFact.resolve(key, in: evidence, criterion: criterion.id,
                                    missing: missing ?? describedFact(key))
    }

    /// The noEvidence finding that asks to collect `missing` (by default the criterion's evidence description), for
    /// a probe that reads something other than one fact (several records, every assessor's score).
    public func noEvidence(_ missing: LocalizedText? = nil, evidence cited: [Provenance] = [],
                           details: [String: String]? = nil) -> Finding {
        var finding = ResolvedFact.noEvidence(criterion: criterion.id, missing: missing ?? describedFact(factKey))
        finding.evidence = cited
        finding.details = details
        return finding
    }

    /// A finding for this probe's criterion.
    public func finding(_ outcome: Outcome, score: Double?, level: Int? = nil, message: LocalizedText,
                        evidence: [Provenance] = [], details: [String: String]? = nil) -> Finding {
        Finding(criterion: criterion.id, outcome: outcome, score: score, level: level, message: message,
                evidence: evidence, details: details)
    }

    /// What to collect for `key`: the criterion's evidence description for its own fact, else the key itself.
    func describedFact(_ key: String) -> LocalizedText {
        (key == factKey ? criterion.evidence?.description : nil) ?? ResolvedFact.describe(key)
    }
}
