import QCapCore

/// Builds `ChainReport` from the chains' membership, the region's cohort (store aggregates and registry
/// certificates) and the gaps of the members that fall short, read from their stored results.
public struct ChainBuilder: Sendable {
    public var period: String
    public var asOf: Day
    public var region: Comparison.Region
    public var rubrics: [RegionCohort.Rubric]
    /// The rubric the chain is graded by, and the level 链员 are counted at or above.
    public var rubric: RegionCohort.Rubric
    public var atLeast: Comparison.Level
    public var chains: [QualityChain]
    /// The cohort by USCC.
    public var members: [String: RegionCohort.Member]
    /// Families counted along the chain (the census's, QMS/EMS/OHSMS first); empty without a registry.
    public var families: [CertificateCensus.Family]
    /// The gap to the next level of enterprises in the chain's rubric, by USCC.
    public var gaps: [String: ChainReport.Gap]
    public var weakestCount: Int

    public init(period: String, asOf: Day, region: Comparison.Region, rubrics: [RegionCohort.Rubric], rubric: RegionCohort.Rubric,
                atLeast: Comparison.Level, chains: [QualityChain], members: [String: RegionCohort.Member], families: [CertificateCensus.Family],
                gaps: [String: ChainReport.Gap] = [:], weakestCount: Int = 5) {
        self.period = period
        self.asOf = asOf
        self.region = region
        self.rubrics = rubrics
        self.rubric = rubric
        self.atLeast = atLeast
        self.chains = chains
        self.members = members
        self.families = families
        self.gaps = gaps
        self.weakestCount = weakestCount
    }

    /// The default level 链员 are counted at or above: 保证级 (`assurance`) when the rubric has it, else its third
    /// level, else its highest.
    public static func defaultLevel(_ levels: [Comparison.Level]) -> Comparison.Level? {
        levels.first { $0.id == "assurance" } ?? levels.first { $0.rank == 3 } ?? levels.max { $0.rank < $1.rank }
    }

    public func build() -> ChainReport {
        let graded = rubrics.filter { !$0.levels.isEmpty }
        let info = { (rubric: RegionCohort.Rubric) in RegionReport.RubricInfo(id: rubric.id, title: rubric.title, levels: rubric.levels) }
        return ChainReport(period: period, asOf: asOf, region: region, rubric: info(rubric), atLeast: atLeast, rubrics: graded.map(info),
                           chains: chains.map { chain($0, graded: graded) })
    }

    func chain(_ chain: QualityChain, graded: [RegionCohort.Rubric]) -> ChainReport.Chain {
        var notes: [LocalizedText] = []
        let members = chain.members.map { link -> ChainReport.Member in
            let member = self.members[link.id]
            let standings = graded.map { rubric -> ChainReport.Standing in
                let standing = member?.current[rubric.id]
                return ChainReport.Standing(rubric: rubric.id, level: standing?.levelRank.flatMap { rank in rubric.levels.first { $0.rank == rank } },
                                            score: standing?.score, coverage: standing?.coverage)
            }
            let held = Set(member?.certificates.filter { $0.isInForce(on: asOf) }.compactMap(\.family) ?? [])
            return ChainReport.Member(id: link.id, name: member?.enterprise.name ?? (link.name.isEmpty ? link.id : link.name), role: link.role.rawValue,
                                      tier: link.tier,
                                      assessed: member != nil, standings: standings,
                                      certificates: families.map(\.id).filter { held.contains($0) })
        }
        func rank(_ member: ChainReport.Member) -> Int? {
            member.standings.first { $0.rubric == rubric.id }?.level?.rank
        }
        let followers = members.filter { $0.role == "member" }
        let atOrAbove = followers.filter { (rank($0) ?? Int.min) >= atLeast.rank }.count
        let enterprises = members.filter { $0.role != "leader" }
        let assessed = enterprises.filter { $0.assessed }
        // QMS, EMS and OHSMS always; another family only where a chain enterprise holds it.
        let shown = families.filter { family in
            RegionBuilder.integratedFamilies.contains(family.id) || assessed.contains { $0.certificates.contains(family.id) }
        }
        let coverage = shown.map { family in
            let holders = assessed.filter { $0.certificates.contains(family.id) }.count
            return ChainReport.FamilyCoverage(family: family.id, name: family.name, holders: holders, of: assessed.count,
                                              share: Self.share(holders, assessed.count))
        }
        if !members.contains(where: { $0.role == "master" }) {
            notes.append(LocalizedText(zh: "本链没有链主。", en: "The chain names no chain master."))
        }
        let unassessed = enterprises.filter { !$0.assessed }.count
        if unassessed > 0 {
            notes.append(LocalizedText(zh: "\(unassessed) 家链上企业本期没有评价结果（不在名册或未评价），视为无证据：计入链员总数但不计入达标数，不计入证书覆盖。",
                                       en: "\(unassessed) chain enterprise(s) have no result this period (not on the roster, or not assessed): they have no evidence here; they count among the 链员 below the level, and are left out of certificate coverage."))
        }
        let weakest = enterprises.sorted { lhs, rhs in
            let left = Self.weakness(lhs, rank: rank(lhs), rubric: rubric.id)
            let right = Self.weakness(rhs, rank: rank(rhs), rubric: rubric.id)
            return left != right ? left < right : lhs.id < rhs.id
        }.prefix(weakestCount).map { member -> ChainReport.Weak in
            let standing = member.standings.first { $0.rubric == rubric.id }
            return ChainReport.Weak(id: member.id, name: member.name, role: member.role, level: standing?.level, score: standing?.score,
                                    gap: member.assessed ? gaps[member.id] : nil)
        }
        return ChainReport.Chain(id: chain.id, name: chain.name, members: members,
                                 membersAtOrAbove: ChainReport.Share(count: atOrAbove, of: followers.count, share: Self.share(atOrAbove, followers.count)),
                                 certificates: coverage, weakest: Array(weakest), notes: notes)
    }

    /// Lowest first: no result, then no level, then by level rank and score.
    static func weakness(_ member: ChainReport.Member, rank: Int?, rubric: String) -> Weakness {
        guard member.assessed, let standing = member.standings.first(where: { $0.rubric == rubric }) else { return Weakness(group: 0, rank: 0, score: 0) }
        guard let rank else { return Weakness(group: 1, rank: 0, score: standing.score ?? -1) }
        return Weakness(group: 2, rank: rank, score: standing.score ?? -1)
    }

    struct Weakness: Comparable {
        let group: Int
        let rank: Int
        let score: Double
        static func < (lhs: Weakness, rhs: Weakness) -> Bool {
            (lhs.group, lhs.rank, lhs.score) < (rhs.group, rhs.rank, rhs.score)
        }
    }

    static func share(_ count: Int, _ total: Int) -> Double? {
        total > 0 ? CohortStatistics.round(Double(count) / Double(total)) : nil
    }
}
