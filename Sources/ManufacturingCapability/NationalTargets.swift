import QCapCore

/// The national targets of 《制造业卓越质量工程实施意见》 (工信部联科〔2023〕249号): how many enterprises should
/// hold each level by a year, so a region can set its own counts beside them.
public struct NationalTargets: Sendable, Equatable {
    /// Year → level id → number of enterprises.
    public var byYear: [String: [String: Int]]

    public init(byYear: [String: [String: Int]]) {
        self.byYear = byYear
    }

    /// Reads the rubric's `nationalTargets` parameter (or a tailored one); nil when it is absent or malformed.
    public init?(parameter: JSONValue?) {
        guard case .object(let years)? = parameter else { return nil }
        var byYear: [String: [String: Int]] = [:]
        for (year, levels) in years {
            guard case .object(let counts) = levels else { return nil }
            var row: [String: Int] = [:]
            for (level, count) in counts {
                guard let number = count.intValue, number >= 0 else { return nil }
                row[level] = number
            }
            byYear[year] = row
        }
        self.byYear = byYear
    }

    /// The rubric's own targets.
    public static var rubricDefault: NationalTargets? {
        NationalTargets(parameter: EmbeddedRubrics.manufacturingCapability.descriptor.parameter("nationalTargets"))
    }

    public var years: [String] { byYear.keys.sorted() }

    /// One line of a regional dashboard.
    public struct Row: Sendable, Equatable {
        public var rank: Int
        public var levelID: String
        public var name: LocalizedText
        /// Enterprises whose grade is exactly this level.
        public var exactly: Int
        /// Enterprises at this level or higher: what a target of "N enterprises reaching level L" counts.
        public var atLeast: Int
        /// Year → target, for the years that set one for this level.
        public var targets: [String: Int]
    }

    /// The region's counts per level beside the targets. `grades` are the ranks the enterprises hold (nil: no grade).
    public func compare(grades: [Int?], scale: [ScaleLevel]) -> [Row] {
        var exact: [Int: Int] = [:]
        for case let rank? in grades { exact[rank, default: 0] += 1 }
        return scale.sorted { $0.rank < $1.rank }.map { level in
            let atLeast = exact.filter { $0.key >= level.rank }.reduce(0) { $0 + $1.value }
            var targets: [String: Int] = [:]
            for (year, counts) in byYear { if let count = counts[level.id] { targets[year] = count } }
            return Row(rank: level.rank, levelID: level.id, name: level.name, exactly: exact[level.rank] ?? 0,
                       atLeast: atLeast, targets: targets)
        }
    }
}
