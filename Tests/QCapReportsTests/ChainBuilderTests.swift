import QCapCore
import Testing
@testable import QCapReports

/// A chain of five units worked by hand: the bureau (链长单位), a master at 保证级, and four members — one at 预防级,
/// one at 保证级, one at 检验级 and one outside the region with no stored result (no evidence).
@Suite struct ChainBuilderTests {
    typealias Fixture = RegionBuilderTests

    static let bureau = "11350600GUB48U0ATB"
    static let outside = "91440300XEWJT9AGGM"

    func report(gaps: [String: ChainReport.Gap] = [:], atLeast rank: Int = 3) throws -> ChainReport {
        let enterprises = (1...4).map { ReportFixtures.enterprise($0).id }
        let chain = QualityChain(id: "ZZ-VALVE", name: "阀门链", members: [
            QualityChain.Member(id: Self.bureau, name: "漳州市工业和信息化局", role: .leader),
            QualityChain.Member(id: enterprises[0], name: "", role: .master),
            QualityChain.Member(id: enterprises[1], name: "", role: .member, tier: "一级"),
            QualityChain.Member(id: enterprises[2], name: "", role: .member, tier: "一级"),
            QualityChain.Member(id: enterprises[3], name: "", role: .member, tier: "二级"),
            QualityChain.Member(id: Self.outside, name: "深圳博远精密部件有限公司", role: .member, tier: "二级"),
        ])
        let qms = Fixture.qms("Q", expiry: "2028-01-01")
        let members = [
            Fixture.member(1, level: 3, certificates: [qms, Fixture.qms("E", expiry: "2028-01-01", family: "EMS")]),
            Fixture.member(2, level: 4, certificates: [qms]),
            Fixture.member(3, level: 3, certificates: [Fixture.qms("Q3", expiry: "2026-01-01")]),
            Fixture.member(4, level: 2),
        ]
        let level = try #require(Fixture.levels.first { $0.rank == rank })
        return ChainBuilder(period: "2026", asOf: Fixture.day("2026-06-30"), region: .init(code: "350600", name: "漳州市"),
                            rubrics: [Fixture.rubric], rubric: Fixture.rubric, atLeast: level, chains: [chain],
                            members: Dictionary(uniqueKeysWithValues: members.map { ($0.enterprise.id, $0) }),
                            families: Array(Fixture.families.prefix(3)), gaps: gaps, weakestCount: 3).build()
    }

    @Test func sharesCoverageAndTheMemberWithoutEvidence() throws {
        let report = try report()
        let chain = try #require(report.chains.first)
        // 链员 at 保证级 or above: enterprise 2 (预防级) and 3 (保证级) of four 链员 — the outside one holds no level.
        #expect(chain.membersAtOrAbove.count == 2)
        #expect(chain.membersAtOrAbove.of == 4)
        #expect(chain.membersAtOrAbove.share == 0.5)
        let outside = try #require(chain.members.first { $0.id == Self.outside })
        #expect(!outside.assessed)
        #expect(outside.name == "深圳博远精密部件有限公司")
        #expect(outside.standings.first?.level == nil)
        // Coverage over the four assessed enterprises (master and three members): QMS held by 1 and 2 (3's expired).
        #expect(chain.certificates.map(\.family) == ["QMS", "EMS", "OHSMS"])
        #expect(chain.certificates.map(\.holders) == [2, 1, 0])
        #expect(chain.certificates.map(\.of) == [4, 4, 4])
        #expect(chain.certificates.first?.share == 0.5)
        // The weakest: no result first, then the lowest level.
        #expect(chain.weakest.map(\.id) == [Self.outside, ReportFixtures.enterprise(4).id, ReportFixtures.enterprise(1).id])
        #expect(chain.weakest.first?.gap == nil)
        #expect(chain.notes.contains { $0.en.contains("1 chain enterprise(s) have no result") })
        // The master's level is the chain's rubric's.
        #expect(chain.members.first { $0.role == "master" }?.standings.first?.level?.id == "assurance")
    }

    @Test func theLevelIsAParameterAndGapsComeFromTheResults() throws {
        let gap = ChainReport.Gap(nextLevel: Fixture.levels[2], reason: nil,
                                  items: [ChainReport.Gap.Item(criterion: "D1.01", title: LocalizedText(zh: "质量方针", en: "Quality policy"))])
        let report = try report(gaps: [ReportFixtures.enterprise(4).id: gap], atLeast: 2)
        let chain = try #require(report.chains.first)
        #expect(chain.membersAtOrAbove.count == 3)
        #expect(chain.weakest[1].gap?.items.map(\.criterion) == ["D1.01"])
        let tables = ChainTables.tables(chain, report: report)
        let weakest = try #require(tables.first { $0.id.hasSuffix("weakest") })
        #expect(weakest.rows[1].last?.text(.zh) == "1 项：D1.01 质量方针")
        #expect(weakest.rows[0].last?.text(.en) == "no result this period: collect evidence and assess first")
        #expect(ChainBuilder.defaultLevel(Fixture.levels)?.id == "assurance")
    }
}
