import QCapCore

/// What the region's view is computed from: the enterprises of a period as the store holds them (aggregate columns
/// only), their baseline standing, and their registry certificates as the certification rubric's census reads them.
public enum RegionCohort {
    /// An enterprise's standing in one rubric: what the store's aggregate columns say.
    public struct Standing: Sendable, Equatable {
        public var score: Double?
        public var levelRank: Int?
        public var coverage: Double?

        public init(score: Double?, levelRank: Int?, coverage: Double?) {
            self.score = score
            self.levelRank = levelRank
            self.coverage = coverage
        }
    }

    public struct Member: Sendable {
        /// As the enterprise's latest run of the period saw it.
        public var enterprise: Enterprise
        /// Rubric id → standing in the period.
        public var current: [String: Standing]
        /// Rubric id → standing in the baseline period (absent: not assessed with that rubric then).
        public var baseline: [String: Standing]
        /// Registry certificates (declared ones are not counted).
        public var certificates: [CensusCertificate]

        public init(enterprise: Enterprise, current: [String: Standing], baseline: [String: Standing] = [:],
                    certificates: [CensusCertificate] = []) {
            self.enterprise = enterprise
            self.current = current
            self.baseline = baseline
            self.certificates = certificates
        }
    }

    /// A rubric whose levels are counted.
    public struct Rubric: Sendable {
        public var id: String
        public var title: LocalizedText
        /// Low to high; empty for a rubric without levels (it still has coverage figures).
        public var levels: [Comparison.Level]
        public var targets: NewEntrantTargets?
        /// Where the targets come from (the parameter's `source`).
        public var targetSource: String?

        public init(id: String, title: LocalizedText, levels: [Comparison.Level], targets: NewEntrantTargets? = nil, targetSource: String? = nil) {
            self.id = id
            self.title = title
            self.levels = levels
            self.targets = targets
            self.targetSource = targetSource
        }
    }

    /// Builds the members from the store's rows of a period and of the baseline period: the cohort is every
    /// enterprise with a result in the period; attributes come from its latest run.
    public static func members(current: [RegionResultLine], baseline: [RegionResultLine]) -> [Member] {
        var byEnterprise: [String: (runID: Int, member: Member)] = [:]
        var order: [String] = []
        for line in current {
            let standing = Standing(score: line.score, levelRank: line.levelRank, coverage: line.coverage)
            if var entry = byEnterprise[line.enterprise.id] {
                entry.member.current[line.rubric] = standing
                if line.runID > entry.runID {
                    entry.runID = line.runID
                    entry.member.enterprise = line.enterprise
                }
                byEnterprise[line.enterprise.id] = entry
            } else {
                order.append(line.enterprise.id)
                byEnterprise[line.enterprise.id] = (line.runID, Member(enterprise: line.enterprise, current: [line.rubric: standing]))
            }
        }
        for line in baseline {
            byEnterprise[line.enterprise.id]?.member.baseline[line.rubric] = Standing(score: line.score, levelRank: line.levelRank,
                                                                                     coverage: line.coverage)
        }
        return order.sorted().compactMap { byEnterprise[$0]?.member }
    }
}
