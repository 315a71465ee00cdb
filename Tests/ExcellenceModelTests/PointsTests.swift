import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct PointsTests {
    @Test func itemPointsArePercentageTimesValue() {
        // 4.1.2 60% of 50 = 30; 4.1.3 45% of 30 = 13.5; 4.4.3 25% of 15 = 3.75; 4.7.2 100% of 80 = 80; the rest 0.
        var sheet = TeamSheet()
        for item in items {
            let value: Double = ["4.1.2": 60, "4.1.3": 45, "4.4.3": 25, "4.7.2": 100][item.id] ?? 0
            sheet.score(item.id, .number(value), assessor: "T", round: "consensus")
        }
        let result = evaluate(sheet)
        #expect(result.scaleScore == 127.25)
        #expect(result.scaleMax == 1000)
        #expect(result.score == 12.725)
        #expect(result.coverage == 1)
        let summary = ExcellenceSummary(result: result, descriptor: rubric.descriptor, parameters: [:])
        #expect(summary.categories.map(\.points) == [43.5, 0, 0, 3.75, 0, 0, 80])
        #expect(summary.categories.map(\.maxPoints) == [110, 90, 90, 130, 100, 80, 400])
        #expect(result.notes.first?.zh.hasPrefix("总分 127.25/1000 分。各类目：4.1 领导 43.5/110；4.2 战略 0/90") == true)
    }

    @Test func halfEverywhereIsFiveHundred() {
        var sheet = TeamSheet()
        for item in items { sheet.score(item.id, 50, assessor: "T", round: "consensus") }
        let result = evaluate(sheet)
        #expect(result.scaleScore == 500)
        #expect(result.score == 50)
        #expect(result.findings.allSatisfy { $0.outcome == .partial })
    }

    @Test func missingItemsLowerCoverageNotSilentlyZero() {
        var sheet = TeamSheet()
        sheet.score("4.7.2", 50, assessor: "T", round: "consensus")
        let result = evaluate(sheet)
        #expect(result.scaleScore == 40)
        #expect(result.score == 4)
        // 4.7.2 is 80 of the 1000 points.
        #expect(result.coverage == 0.08)
        #expect(finding(result, "4.1.2")?.outcome == .noEvidence)
        #expect(finding(result, "4.1.2")?.message.zh.hasPrefix("缺少证据，请收集：过程条目") == true)
    }

    @Test func nothingScoredGivesNoScore() {
        let result = evaluate(TeamSheet())
        #expect(result.score == nil)
        #expect(result.coverage == 0)
    }
}
