import QCapCore
import Testing
@testable import QCapReports

/// The region's figures, computed by hand from small cohorts.
@Suite struct RegionBuilderTests {
    static let families = ["QMS", "EMS", "OHSMS", "IATF16949"].map { CertificateCensus.Family(id: $0, name: LocalizedText($0)) }
    static let census = CertificateCensus(families: families, expiringWithinDays: 90, factKeys: ["cert.records"]) { _ in [] }
    static let levels = [(1, "experience", "经验级"), (2, "inspection", "检验级"), (3, "assurance", "保证级"), (4, "prevention", "预防级"),
                         (5, "excellence", "卓越级")].map { Comparison.Level(rank: $0.0, id: $0.1, name: LocalizedText(zh: $0.2, en: $0.1)) }
    static let rubric = RegionCohort.Rubric(id: "mqc", title: LocalizedText("MQC"), levels: levels)

    static func day(_ text: String) -> Day { Day(iso: text) ?? .earliest }

    static func member(_ number: Int, region: String = "350602", industry: String = "C34", size: String = "中型", level: Int? = 2,
                       baseline: Int?? = .none, coverage: Double = 1, certificates: [CensusCertificate] = []) -> RegionCohort.Member {
        var past: [String: RegionCohort.Standing] = [:]
        if case .some(let rank) = baseline { past["mqc"] = RegionCohort.Standing(score: 50, levelRank: rank, coverage: 1) }
        return RegionCohort.Member(enterprise: ReportFixtures.enterprise(number, region: region, industry: industry, size: size),
                                   current: ["mqc": RegionCohort.Standing(score: 60, levelRank: level, coverage: coverage)],
                                   baseline: past, certificates: certificates)
    }

    static func qms(_ number: String, expiry: String, issued: String = "2023-07-01", status: CensusCertificate.Status = .valid,
                    family: String? = "QMS", first: String? = nil) -> CensusCertificate {
        CensusCertificate(number: number, family: family, status: status, issued: day(issued), firstIssued: first.map(day), expiry: day(expiry))
    }

    func build(_ members: [RegionCohort.Member], asOf: String = "2026-06-30", baseline: Bool = false, by: RegionGrouping? = nil,
               rubric: RegionCohort.Rubric = RegionBuilderTests.rubric) -> RegionBuilder {
        RegionBuilder(period: "2026", asOf: Self.day(asOf), baselinePeriod: baseline ? "2025" : nil,
                      baselineAsOf: baseline ? Self.day("2025-06-30") : nil, region: .init(code: "350600", name: "漳州市"),
                      districts: ["350602": "芗城区"], grouping: by, rubrics: [rubric], members: members, census: Self.census)
    }

    /// A certificate expiring on 2026-06-30: in force the day before and on the day, gone the day after.
    @Test(arguments: [("2026-06-29", 1, 1), ("2026-06-30", 1, 1), ("2026-07-01", 0, 0)])
    func certificatesInForceAroundTheExpiryDate(asOf: String, inForce: Int, expiring: Int) throws {
        let members = [Self.member(1, certificates: [Self.qms("Q1", expiry: "2026-06-30")])]
        let figures = try #require(build(members, asOf: asOf).build().groups.first).figures
        #expect(figures["cert.QMS.inForce"] == inForce)
        #expect(figures["cert.QMS.holders"] == inForce)
        #expect(figures["cert.QMS.expiring"] == expiring)
        #expect(figures["cert.none"] == 1 - inForce)
    }

    @Test func certificatesAndHoldersAreCountedApart() throws {
        let members = [
            // Two QMS certificates in force, one EMS, one OHSMS: a holder of all three, one holder of QMS, three certificates.
            Self.member(1, certificates: [Self.qms("Q1", expiry: "2027-01-01"), Self.qms("Q1b", expiry: "2028-01-01"),
                                          Self.qms("E1", expiry: "2027-01-01", family: "EMS"), Self.qms("S1", expiry: "2026-08-01", family: "OHSMS")]),
            // Suspended, withdrawn, not yet issued, expired: none in force.
            Self.member(2, certificates: [Self.qms("Q2", expiry: "2027-01-01", status: .suspended),
                                          Self.qms("E2", expiry: "2027-01-01", status: .withdrawn, family: "EMS"),
                                          Self.qms("Q3", expiry: "2029-01-01", issued: "2026-07-15"),
                                          Self.qms("Q4", expiry: "2025-12-31"),
                                          Self.qms("X1", expiry: "2027-01-01", family: nil)]),
            Self.member(3),
        ]
        let report = build(members).build()
        let figures = try #require(report.groups.first).figures
        #expect(figures["enterprises"] == 3)
        #expect(figures["cert.QMS.inForce"] == 2)
        #expect(figures["cert.QMS.holders"] == 1)
        #expect(figures["cert.QMS.suspended"] == 1)
        #expect(figures["cert.EMS.withdrawn"] == 1)
        #expect(figures["cert.OHSMS.expiring"] == 1)
        #expect(figures["cert.expiring"] == 1)
        #expect(figures["cert.qms-ems-ohsms.holders"] == 1)
        // Enterprise 2 holds an in-force certificate of no known family (X1); only 3 holds nothing in force.
        #expect(figures["cert.none"] == 1)
        #expect(figures["cert.unclassified"] == 1)
        // IATF 16949 is shown only when some certificate names it.
        #expect(report.families?.map(\.id) == ["QMS", "EMS", "OHSMS"])
        #expect(report.figures.first { $0.id == "cert.QMS.holders" }?.shareOf == "enterprises")
    }

    /// Enterprise 1 rose two steps (1 → 3), 2 fell (4 → 2), 3 was first assessed (→ 3), 4 stayed (2 → 2), 5 had no
    /// level (none → 1), 6 rose one step (2 → 3).
    @Test func newEntrantsRiseFallAndFirstAssessed() throws {
        let members = [Self.member(1, level: 3, baseline: 1), Self.member(2, level: 2, baseline: 4), Self.member(3, level: 3),
                       Self.member(4, level: 2, baseline: 2), Self.member(5, level: 1, baseline: .some(nil)), Self.member(6, level: 3, baseline: 2)]
        let figures = try #require(build(members, baseline: true).build().groups.first).figures
        #expect(figures["new.mqc.experience"] == 2)          // 3 (first assessed), 5 (none → 1)
        #expect(figures["new.mqc.experience.firstAssessed"] == 1)
        #expect(figures["new.mqc.experience.rose"] == 1)
        #expect(figures["new.mqc.inspection"] == 2)          // 1 (1 → 3), 3 (first)
        #expect(figures["new.mqc.assurance"] == 3)           // 1, 3, 6
        #expect(figures["new.mqc.assurance.rose"] == 2)
        #expect(figures["new.mqc.assurance.firstAssessed"] == 1)
        #expect(figures["new.mqc.prevention"] == 0)          // 2 fell from 4: counts nowhere
        #expect(figures["level.mqc.assurance"] == 3)
        #expect(figures["level.mqc.inspection.orAbove"] == 5)
    }

    @Test func withoutABaselineThereAreNoNewEntrantFigures() throws {
        let report = build([Self.member(1)]).build()
        #expect(!report.figures.contains { $0.section == "newEntrants" })
        #expect(report.groups.first?.figures["level.mqc.inspection"] == 1)
    }

    @Test func nationalContextSharesAndQMSAdopters() throws {
        let value: JSONValue = ["2025": ["newAtLevel": ["inspection": 5000, "assurance": 500], "newQMSAdopters": 50000]]
        let targets = NewEntrantTargets.parse(value, rubric: "mqc", levels: Self.levels).targets
        var rubric = Self.rubric
        rubric.targets = targets
        let members = [
            // First certified after the baseline date (2025-06-30): a new QMS adopter, and new at 检验级.
            Self.member(1, level: 2, baseline: 1, certificates: [Self.qms("Q1", expiry: "2028-01-01", issued: "2025-09-01")]),
            // Recertified in 2025 but first certified in 2019: not new.
            Self.member(2, level: 3, baseline: 3, certificates: [Self.qms("Q2", expiry: "2028-01-01", issued: "2025-09-01", first: "2019-03-01")]),
        ]
        let report = build(members, baseline: true, rubric: rubric).build()
        let year = try #require(report.national.first?.years.first)
        #expect(year.levels.map(\.newEntrants) == [1, 0])
        #expect(year.levels.first?.shareOfTarget == 0.0002)
        #expect(year.newQMSAdopters?.newAdopters == 1)
        #expect(year.newQMSAdopters?.shareOfTarget == 0.00002)
    }

    @Test func groupsAndTheEnterprisesBehindAFigure() throws {
        let members = [Self.member(1, region: "350602", level: 3), Self.member(2, region: "350603", level: 3),
                       Self.member(3, region: "350602", level: 1)]
        let builder = build(members, by: .district)
        let report = builder.build()
        #expect(report.groups.map(\.key) == ["all", "350602", "350603"])
        #expect(report.groups[1].name.zh == "芗城区")
        #expect(report.groups[1].figures["level.mqc.assurance"] == 1)
        let list = try builder.list(figure: "level.mqc.assurance", group: "350602")
        #expect(list.value == 1)
        #expect(list.enterprises.map(\.enterprise.id) == [ReportFixtures.enterprise(1).id])
        #expect(list.enterprises.first?.detail.zh == "保证级 · 60.0")
        let whole = try builder.list(figure: "level.mqc.assurance")
        #expect(whole.enterprises.count == 2)
        #expect(throws: RegionListError.self) { try builder.list(figure: "level.mqc.nonsense") }
        #expect(throws: RegionListError.self) { try builder.list(figure: "enterprises", group: "999999") }
    }

    @Test func groupKeys() {
        let enterprise = Enterprise(id: "x", name: "x", region: "350602", industry: "c3411", size: "medium")
        #expect(RegionGrouping.district.key(of: enterprise) == "350602")
        #expect(RegionGrouping.industry.key(of: enterprise) == "C34")
        #expect(RegionGrouping.size.key(of: enterprise) == "中型")
        #expect(RegionGrouping.industry.name(of: "C34", districts: [:]).zh == "C34 通用设备制造业")
        #expect(RegionGrouping.size.sorted(["小型", "", "大型", "中型"]) == ["大型", "中型", "小型", ""])
    }

    @Test func coverageFigures() throws {
        let members = [Self.member(1, coverage: 1), Self.member(2, coverage: 0.5), Self.member(3, level: nil, coverage: 0)]
        var other = Self.member(4)
        other.current = ["another": RegionCohort.Standing(score: 1, levelRank: nil, coverage: 1)]
        let report = build(members + [other]).build()
        let figures = try #require(report.groups.first).figures
        #expect(figures["assessed.mqc"] == 3)
        #expect(figures["coverage.mqc.full"] == 1)
        #expect(figures["coverage.mqc.partial"] == 1)
        #expect(figures["coverage.mqc.none"] == 1)
        #expect(figures["coverage.mqc.notAssessed"] == 1)
        #expect(figures["level.mqc.none"] == 1)
        #expect(report.groups.first?.meanCoverage["mqc"] == 0.5)
    }
}
