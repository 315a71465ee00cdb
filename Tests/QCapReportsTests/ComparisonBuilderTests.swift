import QCapCore
import Testing
@testable import QCapReports

@Suite struct ComparisonBuilderTests {
    typealias Entry = ComparisonBuilder.Entry

    /// Five enterprises scoring 60, 70, 80, 90, 100 at levels 1…5.
    func cohort(_ descriptor: RubricDescriptor) -> [Entry] {
        (1...5).map { index in
            Entry(runID: 1, enterprise: ReportFixtures.enterprise(index, region: index <= 3 ? "350602" : "350603"),
                  result: ReportFixtures.summary(score: Double(50 + 10 * index), level: index, descriptor: descriptor))
        }
    }

    func build(_ entries: [Entry], descriptor: RubricDescriptor, filters: [String] = [], benchmark: String? = nil,
               baseline: [Entry] = []) throws -> Comparison {
        ComparisonBuilder(period: "2026", entries: entries, baselinePeriod: baseline.isEmpty ? nil : "2025", baseline: baseline,
                          region: .init(code: "350600", name: "漳州市"), filters: try filters.map { try ComparisonFilter.parse($0).get() },
                          benchmarkEnterprise: benchmark, descriptors: [descriptor.contentHash: descriptor]).build()
    }

    @Test func matrixRanksAndStatistics() throws {
        let descriptor = try ReportFixtures.descriptor()
        let comparison = try build(cohort(descriptor), descriptor: descriptor)
        #expect(comparison.schema == "qcap.comparison/v1")
        #expect(comparison.columns.map(\.id) == ["demo-capability"])
        #expect(comparison.rows.map { $0.enterprise.name } == ["企业5", "企业4", "企业3", "企业2", "企业1"])
        #expect(comparison.rows.map { $0.cells[0]?.rank } == [1, 2, 3, 4, 5])
        let statistics = try #require(comparison.statistics.first)
        // 60 70 80 90 100: mean 80, median 80, p25 70, p75 90; the top decile is the 90th percentile, 96.
        #expect(statistics.scores == CohortStatistics([60, 70, 80, 90, 100]))
        #expect(statistics.scores.mean == 80 && statistics.scores.p25 == 70 && statistics.scores.p75 == 90)
        #expect(statistics.benchmarkScore == 96)
        #expect(comparison.rows.map { $0.cells[0]?.benchmarkGap } == [-4, 6, 16, 26, 36])
        #expect(statistics.levels.map(\.count) == [1, 1, 1, 1, 1, 0])
        #expect(statistics.levels.first?.share == 0.2)
        #expect(statistics.levels.last?.rank == nil)
    }

    @Test func tiesShareARank() throws {
        let descriptor = try ReportFixtures.descriptor()
        let entries = [80.0, 90, 80, 70].enumerated().map { index, score in
            Entry(runID: 1, enterprise: ReportFixtures.enterprise(index + 1), result: ReportFixtures.summary(score: score, level: 2, descriptor: descriptor))
        }
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.rows.map { $0.cells[0]?.rank } == [1, 2, 2, 4])
    }

    @Test func filtersAreANDed() throws {
        let descriptor = try ReportFixtures.descriptor()
        let comparison = try build(cohort(descriptor), descriptor: descriptor, filters: ["region=350602", "level>=2"])
        #expect(comparison.filters == ["region=350602", "level>=2"])
        #expect(comparison.rows.map { $0.enterprise.name } == ["企业3", "企业2"])
        #expect(comparison.statistics.first?.scores.n == 2)
        #expect(comparison.rows.map { $0.cells[0]?.rank } == [1, 2])
    }

    @Test func nationalTargetsAreReadFromTheRubric() throws {
        let descriptor = try ReportFixtures.descriptor()
        let comparison = try build(cohort(descriptor), descriptor: descriptor)
        #expect(comparison.targets.map(\.year) == ["2025", "2027"])
        let twenty25 = try #require(comparison.targets.first)
        #expect(twenty25.levels.map(\.level.id) == ["inspection", "assurance", "prevention"])
        #expect(twenty25.levels.map(\.target) == [5000, 500, 50])
        // One period: the targets are for new enterprises, which one period cannot count; totals are not set beside them.
        #expect(twenty25.levels.allSatisfy { $0.newEntrants == nil && $0.shareOfTarget == nil })
        #expect(comparison.targets.last?.levels.last?.level.id == "excellence")
    }

    /// Now 1…5 for enterprises 1…5. Baseline: 1 held level 1 (no change), 2 had no level (rose to 2), 3 held 1 (rose two
    /// steps, to 3), 4 held 5 (fell to 4), 5 was not assessed (first assessed, at 5).
    @Test func newEntrantsAreCountedPerLevelSinceTheBaseline() throws {
        let descriptor = try ReportFixtures.descriptor()
        let baseline = [(1, Optional(1)), (2, nil), (3, 1), (4, 5)].map { number, level in
            Entry(runID: 1, enterprise: ReportFixtures.enterprise(number), result: ReportFixtures.summary(score: 50, level: level, descriptor: descriptor))
        }
        let comparison = try build(cohort(descriptor), descriptor: descriptor, baseline: baseline)
        let twenty25 = try #require(comparison.targets.first { $0.year == "2025" })
        // 检验级 (2): 2 (none → 2), 3 (1 → 3), 5 (first); 保证级 (3): 3 and 5; 预防级 (4): 5 only (4 fell from 5).
        #expect(twenty25.levels.map(\.newEntrants) == [3, 2, 1])
        #expect(twenty25.levels.map(\.firstAssessed) == [1, 1, 1])
        #expect(twenty25.levels.map(\.shareOfTarget) == [0.0006, 0.004, 0.02])
        let twenty27 = try #require(comparison.targets.first { $0.year == "2027" })
        #expect(twenty27.levels.map(\.newEntrants) == [3, 2, 1, 1])
        #expect(twenty27.newQMSAdopters == nil)
    }

    @Test func aBaselineNotComparableIsCountedNowhere() throws {
        let descriptor = try ReportFixtures.descriptor()
        let baseline = [Entry(runID: 1, enterprise: ReportFixtures.enterprise(5),
                              result: ReportFixtures.summary(score: 50, level: 1, descriptor: descriptor, version: "0.9.0"))]
        let comparison = try build(cohort(descriptor), descriptor: descriptor, baseline: baseline)
        // Enterprises 1–4 have no baseline result (first assessed); 5's baseline is another rubric version.
        #expect(comparison.targets.first?.levels.map(\.newEntrants) == [3, 2, 1])
        #expect(comparison.notes.contains { $0.en.contains("1 enterprise(s) have a baseline result not comparable") })
    }

    @Test func tailoredTargetsWinAndBadShapesAreNotedNotFatal() throws {
        let descriptor = try ReportFixtures.descriptor()
        // The older shape {year: {level: n}} still reads.
        let tailoring = #"{"parameters":{"nationalTargets":{"2030":{"assurance":10,"nonsense":3}}}}"#
        let entries = (1...3).map { Entry(runID: 1, enterprise: ReportFixtures.enterprise($0),
                                          result: ReportFixtures.summary(score: 70, level: 3, descriptor: descriptor, tailoring: tailoring)) }
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.targets.map(\.year) == ["2030"])
        #expect(comparison.targets.first?.levels.map(\.target) == [10])
        #expect(comparison.notes.contains { $0.en.contains("nonsense") })
    }

    @Test func theNewShapeCarriesQMSAdopters() throws {
        let descriptor = try ReportFixtures.descriptor()
        let tailoring = #"{"parameters":{"nationalTargets":{"2025":{"newAtLevel":{"inspection":5000},"newQMSAdopters":50000}}}}"#
        let entries = (1...2).map { Entry(runID: 1, enterprise: ReportFixtures.enterprise($0),
                                          result: ReportFixtures.summary(score: 70, level: 2, descriptor: descriptor, tailoring: tailoring)) }
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.targets.first?.levels.map(\.level.id) == ["inspection"])
        #expect(comparison.targets.first?.newQMSAdopters == 50000)
    }

    @Test func aRubricWithoutTargetsHasNone() throws {
        let descriptor = try ReportFixtures.descriptor()
        var plain = descriptor
        plain.parameters = nil
        let comparison = ComparisonBuilder(period: "2026", entries: cohort(descriptor), descriptors: [descriptor.contentHash: plain]).build()
        #expect(comparison.targets.isEmpty)
        #expect(comparison.notes.isEmpty)
        #expect(ComparisonBuilder(period: "2026", entries: cohort(descriptor)).build().targets.isEmpty)
    }

    @Test func theComparabilityGuardNeverMixes() throws {
        let descriptor = try ReportFixtures.descriptor()
        var entries = cohort(descriptor)
        // A sixth enterprise was graded with another version of the rubric, a seventh with a tailored threshold.
        entries.append(Entry(runID: 2, enterprise: ReportFixtures.enterprise(6),
                             result: ReportFixtures.summary(score: 10, level: 1, descriptor: descriptor, version: "2.0.0")))
        entries.append(Entry(runID: 2, enterprise: ReportFixtures.enterprise(7),
                             result: ReportFixtures.summary(score: 99, level: 5, descriptor: descriptor, tailoring: #"{"threshold":0.7}"#)))
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.statistics.first?.scores.n == 5)
        #expect(comparison.statistics.first?.scores.min == 60)
        #expect(comparison.rows.count == 5)
        #expect(comparison.leftApart.map(\.enterprise.name) == ["企业6", "企业7"])
        let version = try #require(comparison.leftApart.first)
        #expect(version.reasons.map(\.en).contains("rubric version differs (1.0.0 / 2.0.0)"))
        #expect(version.reasons.contains { $0.en.hasPrefix("rubric content hash differs") })
        #expect(comparison.leftApart.last?.reasons.map(\.en) == [#"tailoring differs ({} / {"threshold":0.7})"#])
    }

    @Test func theLargerGroupIsCompared() throws {
        let descriptor = try ReportFixtures.descriptor()
        let entries = (1...3).map { Entry(runID: 1, enterprise: ReportFixtures.enterprise($0),
                                          result: ReportFixtures.summary(score: 50, level: 2, descriptor: descriptor, version: "0.9.0")) }
            + [Entry(runID: 2, enterprise: ReportFixtures.enterprise(4), result: ReportFixtures.summary(score: 70, level: 3, descriptor: descriptor))]
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.columns.first?.version == "0.9.0")
        #expect(comparison.leftApart.map(\.enterprise.name) == ["企业4"])
    }

    @Test func twoPeriodsGiveTheChangeOnlyWhenComparable() throws {
        let descriptor = try ReportFixtures.descriptor()
        let current = cohort(descriptor)
        let baseline = [
            Entry(runID: 0, enterprise: ReportFixtures.enterprise(5), result: ReportFixtures.summary(score: 82.5, level: 3, descriptor: descriptor)),
            Entry(runID: 0, enterprise: ReportFixtures.enterprise(4), result: ReportFixtures.summary(score: 95, level: 4, descriptor: descriptor)),
            Entry(runID: 0, enterprise: ReportFixtures.enterprise(3), result: ReportFixtures.summary(score: 40, level: 1, descriptor: descriptor, version: "0.1.0")),
        ]
        let comparison = try build(current, descriptor: descriptor, baseline: baseline)
        #expect(comparison.baselinePeriod == "2025")
        let changes = comparison.rows.map { $0.cells[0]?.change }
        #expect(changes[0]?.comparable == true)
        #expect(changes[0]?.scoreDelta == 17.5)
        #expect(changes[0]?.levelDelta == 2)
        #expect(changes[1]?.scoreDelta == -5)
        #expect(changes[1]?.levelDelta == 0)
        #expect(changes[2]?.comparable == false)
        #expect(changes[2]?.scoreDelta == nil)
        #expect(changes[2]?.reasons?.first?.en == "rubric version differs (1.0.0 / 0.1.0)")
        #expect(changes[3]?.comparable == false)
        #expect(changes[3]?.reasons?.first?.en.contains("no result in the baseline period") == true)
        #expect(comparison.statistics.first?.baseline == CohortStatistics([82.5, 95]))
    }

    @Test func benchmarkEnterprise() throws {
        let descriptor = try ReportFixtures.descriptor()
        let entries = cohort(descriptor)
        let benchmark = ReportFixtures.enterprise(4).id
        let comparison = try build(entries, descriptor: descriptor, filters: ["region=350602"], benchmark: benchmark)
        // The benchmark (90) is outside the filtered cohort, and still the yardstick.
        #expect(comparison.benchmark.kind == "enterprise")
        #expect(comparison.benchmark.name == "企业4")
        #expect(comparison.statistics.first?.benchmarkScore == 90)
        #expect(comparison.rows.map { $0.cells[0]?.benchmarkGap } == [10, 20, 30])

        let unknown = try build(entries, descriptor: descriptor, benchmark: "91350600000000000X")
        #expect(unknown.statistics.first?.benchmarkScore == nil)
        #expect(unknown.notes.count == 1)
    }

    @Test func unscoredResultsAreShownButNotRankedOrCounted() throws {
        let descriptor = try ReportFixtures.descriptor()
        var entries = cohort(descriptor)
        entries.append(Entry(runID: 1, enterprise: ReportFixtures.enterprise(9), result: ReportFixtures.summary(score: nil, level: nil, descriptor: descriptor, coverage: 0)))
        let comparison = try build(entries, descriptor: descriptor)
        #expect(comparison.rows.last?.enterprise.name == "企业9")
        #expect(comparison.rows.last?.cells[0]?.rank == nil)
        #expect(comparison.statistics.first?.scores.n == 5)
        #expect(comparison.statistics.first?.levels.last?.count == 1)
    }
}
