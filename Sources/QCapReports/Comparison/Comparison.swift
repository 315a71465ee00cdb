import QCapCore

/// The evaluator's view across a cohort (`qcap compare`): enterprises × rubrics with score, level and rank, cohort
/// statistics, level distributions, the region's counts against national targets, the gap to a benchmark, the change
/// from a baseline period, and the results left apart because they cannot be compared.
///
/// This is also the `qcap.comparison/v1` JSON document (docs/reports.md); keys are camelCase, absent when unknown.
public struct Comparison: Sendable, Codable {
    public static let schemaID = "qcap.comparison/v1"

    public struct Region: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct Benchmark: Sendable, Codable, Equatable {
        /// `topDecile` (the cohort's 90th percentile) or `enterprise`.
        public var kind: String
        public var enterprise: String?
        public var name: String?
    }

    public struct Level: Sendable, Codable, Equatable {
        public var rank: Int
        public var id: String
        public var name: LocalizedText

        public init(rank: Int, id: String, name: LocalizedText) {
            self.rank = rank
            self.id = id
            self.name = name
        }
    }

    /// One rubric column: the comparable group of results the matrix and statistics use.
    public struct Column: Sendable, Codable {
        public var id: String
        public var version: String
        public var hash: String
        public var title: LocalizedText
        public var model: String
        public var tailoring: String
        public var levels: [Level]
    }

    public struct EnterpriseRef: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var region: String
        public var industry: String
        public var size: String
    }

    public struct Change: Sendable, Codable {
        public var comparable: Bool
        public var baselineScore: Double?
        public var baselineLevel: Level?
        public var scoreDelta: Double?
        public var levelDelta: Int?
        /// Why no change was computed (no baseline result, or not comparable).
        public var reasons: [LocalizedText]?
    }

    public struct Cell: Sendable, Codable {
        public var rubric: String
        public var runId: Int
        public var score: Double?
        public var level: Level?
        /// What stands in for a level in a rubric without levels (`2/3 有效`, `692/1000 分（50–65% 区间）`).
        public var verdict: LocalizedText?
        public var rank: Int?
        /// Nil when nothing in the rubric applies to the enterprise.
        public var coverage: Double?
        /// Benchmark score minus this score: positive means behind the benchmark, negative ahead of it.
        public var benchmarkGap: Double?
        public var change: Change?
    }

    public struct Row: Sendable, Codable {
        public var enterprise: EnterpriseRef
        /// In column order; nil where the enterprise has no comparable result for the rubric.
        public var cells: [Cell?]
    }

    public struct LevelCount: Sendable, Codable {
        public var rank: Int?
        public var id: String?
        public var name: LocalizedText?
        public var count: Int
        /// count / number of results, 0–1.
        public var share: Double
    }

    public struct Statistics: Sendable, Codable {
        public var rubric: String
        public var scores: CohortStatistics
        /// Per level, low to high, then (rank nil) the results that hold no level.
        public var levels: [LevelCount]
        public var benchmarkScore: Double?
        /// The same statistics over the baseline period's comparable results.
        public var baseline: CohortStatistics?
    }

    public struct TargetLevel: Sendable, Codable {
        public var level: Level
        /// The national number of new enterprises (新增) at this level or above by the year.
        public var target: Double
        /// The cohort's new entrants at or past the level since the baseline period (absent with one period): held a
        /// lower level or none in the baseline, or first assessed now.
        public var newEntrants: Int?
        /// Of which first assessed in the period compared (no baseline result).
        public var firstAssessed: Int?
        /// newEntrants / target: the cohort's count beside the national figure, not progress against a quota.
        public var shareOfTarget: Double?
    }

    /// The cohort's new entrants per level beside one year's national new-entrant targets (the rubric's
    /// `nationalTargets` parameter).
    public struct Target: Sendable, Codable {
        public var rubric: String
        public var year: String
        public var levels: [TargetLevel]
        /// The national number of new enterprises implementing advanced QMS standards by the year (counted in a
        /// region by `qcap region` from the certificate registry, not here).
        public var newQMSAdopters: Double?
    }

    /// A result kept out of the matrix and statistics because it cannot be compared with its column.
    public struct LeftApart: Sendable, Codable {
        public var enterprise: EnterpriseRef
        public var rubric: String
        public var version: String
        public var hash: String
        public var score: Double?
        public var reasons: [LocalizedText]
    }

    public var schema = Comparison.schemaID
    public var period: String
    public var baselinePeriod: String?
    public var region: Region
    public var filters: [String]
    public var benchmark: Benchmark
    public var columns: [Column]
    public var rows: [Row]
    public var statistics: [Statistics]
    public var targets: [Target]
    public var leftApart: [LeftApart]
    /// Anything else the reader should know (a benchmark enterprise without a result, a malformed target table).
    public var notes: [LocalizedText]
}
