import QCapCore

/// The quality chains of a region (`qcap chain`, 质量强链): per chain, the 链主's levels, the share of 链员 at or above
/// a level, certificate coverage along the chain and the weakest links with their gap to the next level — from the
/// result store and the certificate registry, like the region's view. The JSON is `qcap.chain/v1`.
public struct ChainReport: Sendable, Codable {
    public static let schemaID = "qcap.chain/v1"

    public struct Standing: Sendable, Codable, Equatable {
        public var rubric: String
        public var level: Comparison.Level?
        public var score: Double?
        public var coverage: Double?
    }

    public struct Member: Sendable, Codable {
        public var id: String
        public var name: String
        /// `leader` (链长单位), `master` (链主), `member` (链员).
        public var role: String
        public var tier: String?
        /// Whether the store holds a result of the period for it; a member without one has no evidence here.
        public var assessed: Bool
        /// Every graded rubric's standing, in the region's rubric order.
        public var standings: [Standing]
        /// Families with a certificate in force on the as-of date.
        public var certificates: [String]
    }

    public struct Share: Sendable, Codable {
        public var count: Int
        public var of: Int
        public var share: Double?
    }

    public struct FamilyCoverage: Sendable, Codable {
        public var family: String
        public var name: LocalizedText
        /// Chain enterprises (链主 and 链员) assessed this period that hold a certificate of the family in force.
        public var holders: Int
        public var of: Int
        public var share: Double?
    }

    public struct Gap: Sendable, Codable {
        public var nextLevel: Comparison.Level?
        public var reason: LocalizedText?
        /// The smallest set of criteria whose improvement lifts the enterprise one level (the report's lifting set).
        public var items: [Item]

        public struct Item: Sendable, Codable {
            public var criterion: String
            public var title: LocalizedText

            public init(criterion: String, title: LocalizedText) {
                self.criterion = criterion
                self.title = title
            }
        }

        public init(nextLevel: Comparison.Level?, reason: LocalizedText?, items: [Item]) {
            self.nextLevel = nextLevel
            self.reason = reason
            self.items = items
        }
    }

    public struct Weak: Sendable, Codable {
        public var id: String
        public var name: String
        public var role: String
        public var level: Comparison.Level?
        public var score: Double?
        /// Absent for a member without a result: it has no evidence to lift yet.
        public var gap: Gap?
    }

    public struct Chain: Sendable, Codable {
        public var id: String
        public var name: String
        public var members: [Member]
        /// 链员 at or above `atLeast` in the chain's rubric, of all 链员 (those without evidence hold no level).
        public var membersAtOrAbove: Share
        public var certificates: [FamilyCoverage]
        /// The chain's enterprises (链主 and 链员) lowest first: no result, no level, then by level and score.
        public var weakest: [Weak]
        public var notes: [LocalizedText]
    }

    public var schema = ChainReport.schemaID
    public var period: String
    public var asOf: Day
    public var region: Comparison.Region
    /// The rubric the chain is graded by (levels, weakest links, gaps).
    public var rubric: RegionReport.RubricInfo
    /// The level 链员 are counted at or above.
    public var atLeast: Comparison.Level
    public var rubrics: [RegionReport.RubricInfo]
    public var chains: [Chain]
}
