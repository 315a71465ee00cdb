/// One rubric's verdict on one enterprise.
public struct RubricResult: Sendable, Codable {
    /// Which rubric, exactly: results compare only when id, version and hash match.
    public struct RubricRef: Sendable, Codable, Hashable {
        public var id: String
        public var version: String
        public var hash: String
        public var title: LocalizedText
    }

    /// A level of the rubric's scale.
    public struct LevelRef: Sendable, Codable, Hashable {
        public var rank: Int
        public var id: String
        public var name: LocalizedText
    }

    /// Score of one inner node (dimension, capability element), for radar charts and tables.
    public struct NodeScore: Sendable, Codable, Hashable {
        public var criterion: String
        public var title: LocalizedText
        /// 0–100, nil when nothing under it was evaluated.
        public var score: Double?
        /// The evidenced share of the applicable weight under it (`Coverage`), nil when nothing under it applies.
        public var coverage: Double?
        public var depth: Int
    }

    public var rubric: RubricRef
    public var model: ScoringModel
    /// Canonical JSON of the tailoring applied ("{}" when none): part of comparability.
    public var tailoring: String
    /// 0–100 with waivers applied; nil when no criterion could be evaluated.
    public var score: Double?
    /// 0–100 without waivers.
    public var rawScore: Double?
    /// The rubric's own scale score when it has one (0–5 for digital maturity, 0–1000 points for excellence).
    public var scaleScore: Double?
    public var scaleMax: Double?
    public var level: LevelRef?
    /// What stands in for a level in a rubric without levels, set by its module: certification's families in force
    /// (`2/3 有效`), excellence's points and band. Shown wherever a level would be.
    public var verdict: LocalizedText?
    /// The evidenced share of the applicable weight, 0–1 (`Coverage`): notApplicable criteria are left out, criteria
    /// without evidence lower it. Nil when no criterion applies to the enterprise.
    public var coverage: Double?
    /// Share attaining each level, for maturity-gated rubrics ("1": 0.95, "2": 0.81, …).
    public var levelScores: [String: Double]?
    public var nodes: [NodeScore]
    public var findings: [Finding]
    public var gap: Gap?
    /// Lines a module's `finish` adds for the reader, in order (certification: one per family; excellence: points by
    /// category, flagged items, concept coverage and readiness; manufacturing-capability: on-site vs self ratings).
    public var notes: [LocalizedText]

    public var isComparable: Bool { score != nil }
}

/// What would lift the enterprise one level: the improvement plan an evaluator hands to a factory.
public struct Gap: Sendable, Codable {
    /// One criterion that holds the enterprise back, and what it needs.
    public struct Item: Sendable, Codable {
        public var criterion: String
        public var title: LocalizedText
        /// Effective weight of the criterion in the rubric, 0–1 share of the total.
        public var weight: Double
        public var currentLevel: Int?
        public var requiredLevel: Int?
        public var currentScore: Double?
        public var outcome: Outcome
        /// The requirement text of the level needed, or the remediation text.
        public var requirement: LocalizedText?
        public var mustPass: Bool
    }
    /// The next level, nil when the enterprise already holds the top level.
    public var nextLevel: RubricResult.LevelRef?
    /// For banded models, the score (or points) still needed to reach the next band.
    public var scoreNeeded: Double?
    /// Why the next level is not held (e.g. "weighted share at level 3 is 0.72, needs 0.80").
    public var reason: LocalizedText
    /// Criteria that fall short, the lifting set first (see `liftCount`).
    public var items: [Item]
    /// The first `liftCount` items are the smallest set, by weight, whose improvement lifts the enterprise one level.
    public var liftCount: Int
}
