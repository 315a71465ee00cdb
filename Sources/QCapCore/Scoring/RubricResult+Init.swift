/// Public factories, so results can be rebuilt outside the engine (the result store reads them back from SQLite).
/// Factories rather than initializers: a public init with the memberwise signature would clash with the synthesized one.
extension RubricResult {
    public static func make(rubric: RubricRef, model: ScoringModel, tailoring: String, score: Double?, rawScore: Double?,
                            scaleScore: Double?, scaleMax: Double?, level: LevelRef?, coverage: Double?, levelScores: [String: Double]? = nil,
                            nodes: [NodeScore] = [], findings: [Finding] = [], gap: Gap? = nil, notes: [LocalizedText] = [],
                            verdict: LocalizedText? = nil) -> RubricResult {
        RubricResult(rubric: rubric, model: model, tailoring: tailoring, score: score, rawScore: rawScore, scaleScore: scaleScore,
                     scaleMax: scaleMax, level: level, verdict: verdict, coverage: coverage, levelScores: levelScores, nodes: nodes,
                     findings: findings, gap: gap, notes: notes)
    }
}

extension RubricResult.RubricRef {
    public static func make(id: String, version: String, hash: String, title: LocalizedText) -> Self {
        Self(id: id, version: version, hash: hash, title: title)
    }
}

extension RubricResult.LevelRef {
    public static func make(rank: Int, id: String, name: LocalizedText) -> Self {
        Self(rank: rank, id: id, name: name)
    }
}

extension RubricResult.NodeScore {
    public static func make(criterion: String, title: LocalizedText, score: Double?, coverage: Double?, depth: Int) -> Self {
        Self(criterion: criterion, title: title, score: score, coverage: coverage, depth: depth)
    }
}
