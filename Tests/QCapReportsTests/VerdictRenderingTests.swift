import Foundation
import QCapCore
import Testing
@testable import QCapReports

/// Issue 15 §11: where a rubric without levels would read "未定级", the renderers show its verdict.
@Suite struct VerdictRenderingTests {
    static let verdict = LocalizedText(zh: "2/3 有效", en: "2/3 valid")

    func levellessResult() throws -> (RubricResult, RubricDescriptor) {
        let descriptor = try ReportFixtures.descriptor()
        var result = ReportFixtures.summary(score: 71.4, level: nil, descriptor: descriptor)
        result.verdict = Self.verdict
        return (result, descriptor)
    }

    @Test func theReportShowsTheVerdictInsteadOfNoLevel() throws {
        let (result, descriptor) = try levellessResult()
        let enterprise = ReportFixtures.enterprise(1)
        let report = EnterpriseReport(enterprise: enterprise, period: "2026", asOf: Day(iso: "2026-06-30") ?? .earliest, runs: [],
                                      sections: [.init(result: result, descriptor: descriptor, runID: 1)], review: [], qcapVersion: "0.1.0")
        let markdown = ReportMarkdown(language: .zh).render(report)
        #expect(markdown.contains("2/3 有效"))
        #expect(!markdown.contains("未定级"))
        let html = ReportHTML(language: .en).render(report)
        #expect(html.contains("2/3 valid"))
        #expect(!html.contains("no level"))
    }

    @Test func theComparisonShowsTheVerdict() throws {
        let (result, descriptor) = try levellessResult()
        let comparison = ComparisonBuilder(period: "2026", entries: [.init(runID: 1, enterprise: ReportFixtures.enterprise(1), result: result)],
                                           baselinePeriod: nil, baseline: [], region: .init(code: "350600", name: "漳州市"),
                                           descriptors: [descriptor.contentHash: descriptor]).build()
        #expect(comparison.rows.first?.cells.first??.verdict == Self.verdict)
        #expect(ComparisonTable(language: .zh).render(comparison).contains("2/3 有效"))
    }

    @Test func theAssessTableShowsTheVerdictInTheLevelColumn() throws {
        let (result, descriptor) = try levellessResult()
        var levelless = descriptor
        levelless.scale = nil
        let table = AssessmentTable(rubrics: [levelless], language: .zh, width: 80)
        let run = AssessmentRun(enterprise: ReportFixtures.enterprise(1), period: "2026", asOf: Day(iso: "2026-06-30") ?? .earliest,
                                results: [result])
        #expect(table.row(run).contains("71.4 2/3 有效"))
    }
}
