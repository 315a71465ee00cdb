import QCapCore

/// `qcap history ENTERPRISE`: every stored run that assessed the enterprise, oldest first, with the change in score and
/// level per rubric since the previous run of that rubric. A change is computed only between comparable results
/// (same rubric id, version, hash, model and tailoring); otherwise the reasons are given. Also the
/// `qcap.history/v1` JSON document.
public struct EnterpriseHistory: Sendable, Codable {
    public static let schemaID = "qcap.history/v1"

    public struct Run: Sendable, Codable {
        public var id: Int
        public var created: String
        public var who: String
        public var period: String
        public var asOf: Day
        public var inputsHash: String
        public var results: [Result]

        public init(id: Int, created: String, who: String, period: String, asOf: Day, inputsHash: String, results: [Result] = []) {
            self.id = id
            self.created = created
            self.who = who
            self.period = period
            self.asOf = asOf
            self.inputsHash = inputsHash
            self.results = results
        }
    }

    public struct Result: Sendable, Codable {
        public var rubric: String
        public var title: LocalizedText
        public var version: String
        public var hash: String
        public var score: Double?
        public var level: Comparison.Level?
        /// What stands in for a level in a rubric without levels.
        public var verdict: LocalizedText?
        /// Nil when nothing in the rubric applies to the enterprise.
        public var coverage: Double?
        /// Nil for the first run of the rubric.
        public var change: Change?
    }

    public struct Change: Sendable, Codable {
        public var previousRunId: Int
        public var comparable: Bool
        public var scoreDelta: Double?
        public var levelDelta: Int?
        public var reasons: [LocalizedText]?
    }

    public var schema = EnterpriseHistory.schemaID
    public var enterprise: Enterprise
    public var runs: [Run]

    /// `runs` describe the runs (any order); `results` are the enterprise's results with the run each belongs to.
    public init(enterprise: Enterprise, runs: [Run], results: [(runID: Int, result: RubricResult)]) {
        self.enterprise = enterprise
        let byRun = Dictionary(grouping: results, by: \.runID)
        var previous: [String: (runID: Int, result: RubricResult)] = [:]
        var ordered: [Run] = []
        for var run in runs.sorted(by: { $0.id < $1.id }) {
            guard let entries = byRun[run.id] else { continue }
            run.results = entries.map { entry in
                let result = entry.result
                var change: Change?
                if let before = previous[result.rubric.id] {
                    let reasons = ComparabilityKey(before.result).differences(from: ComparabilityKey(result))
                    change = Change(previousRunId: before.runID, comparable: reasons.isEmpty,
                                    scoreDelta: reasons.isEmpty ? ComparisonBuilder.difference(result.score, before.result.score) : nil,
                                    levelDelta: reasons.isEmpty ? result.level.flatMap { now in before.result.level.map { now.rank - $0.rank } } : nil,
                                    reasons: reasons.isEmpty ? nil : reasons)
                }
                previous[result.rubric.id] = entry
                return Result(rubric: result.rubric.id, title: result.rubric.title, version: result.rubric.version, hash: result.rubric.hash,
                              score: result.score, level: result.level.map(ComparisonBuilder.level), verdict: result.verdict,
                              coverage: result.coverage, change: change)
            }
            ordered.append(run)
        }
        self.runs = ordered
    }
}
