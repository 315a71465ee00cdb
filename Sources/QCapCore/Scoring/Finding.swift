/// The conclusion on one leaf criterion for one enterprise.
public struct Finding: Sendable, Codable, Hashable {
    public var criterion: String
    public var outcome: Outcome
    /// 0–1; nil when the outcome is not scored (notApplicable, noEvidence).
    public var score: Double?
    /// The attained level rank, for criteria rated on the scale.
    public var level: Int?
    public var message: LocalizedText
    /// Files and lines the conclusion rests on.
    public var evidence: [Provenance]
    /// For a waived finding: the outcome and score without the waiver, so the raw score can be reported.
    public var rawOutcome: Outcome?
    public var rawScore: Double?
    /// Free-form details a module wants to show (e.g. the certificate number checked); rendered as key: value.
    public var details: [String: String]?

    /// A finding; probes usually call `ProbeInput.finding`, which fills in the criterion.
    public init(criterion: String, outcome: Outcome, score: Double?, level: Int? = nil, message: LocalizedText,
                evidence: [Provenance] = [], details: [String: String]? = nil) {
        self.criterion = criterion
        self.outcome = outcome
        self.score = score
        self.level = level
        self.message = message
        self.evidence = evidence
        self.details = details
    }
}
