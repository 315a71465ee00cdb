import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct ReadinessTests {
    func everywhere(_ value: Double) -> TeamSheet {
        var sheet = TeamSheet()
        for item in items { sheet.score(item.id, .number(value), round: "consensus") }
        return sheet
    }

    let thresholds: JSONValue = ["minTotal": 600, "minPerCategory": ["4.7": 240]]

    @Test func noThresholdsNoJudgement() {
        let result = evaluate(everywhere(50))
        #expect(result.notes.contains { $0.en == "No award-readiness thresholds are set (parameter readiness), so no readiness judgement is made" })
    }

    @Test func belowTheWorkspaceThresholds() {
        let result = evaluate(everywhere(50), tailoring: Tailoring(parameters: ["readiness": thresholds]))
        #expect(result.notes.contains {
            $0.zh == "获奖准备度：未达到工作区设定的门槛：总分 500 分，低于门槛 600 分（差 100 分）；4.7 结果 200 分，低于门槛 240 分"
        })
    }

    @Test func meetsTheWorkspaceThresholds() {
        let result = evaluate(everywhere(70), tailoring: Tailoring(parameters: ["readiness": thresholds]))
        #expect(result.notes.contains { $0.en == "Award readiness: meets the thresholds the workspace set" })
    }

    @Test func malformedThresholdsAreReportedNotGuessed() {
        let result = evaluate(everywhere(70), tailoring: Tailoring(parameters: ["readiness": "high"]))
        #expect(result.notes.contains { $0.en.hasPrefix("parameter readiness is invalid, so no readiness judgement was made") })
        #expect(!result.notes.contains { $0.en.hasPrefix("Award readiness") })
        if case .failure = ReadinessThresholds.parse(["minTotal": -1]) {} else { Issue.record("a negative minimum must be rejected") }
        if case .failure = ReadinessThresholds.parse([:]) {} else { Issue.record("an empty object sets nothing") }
    }

    @Test func anUnknownCategoryIsAShortfall() {
        let judgement = ReadinessThresholds(minTotal: nil, minPerCategory: ["4.9": 10]).judge(total: 900, categories: [:])
        #expect(!judgement.ready)
        #expect(judgement.shortfalls.first?.en == "the thresholds name category 4.9, which does not exist")
    }
}

@Suite struct ConceptTests {
    @Test func conceptsBelowTheOverallPercentageAreWeak() {
        // Everything 80% except 4.1.4 社会责任 at 0: overall 776/970 evaluated… = 80% of 970 over 1000 points.
        var sheet = TeamSheet()
        for item in items { sheet.score(item.id, .number(item.id == "4.1.4" ? 0 : 80), round: "consensus") }
        let result = evaluate(sheet)
        let summary = ExcellenceSummary(result: result, descriptor: rubric.descriptor, parameters: (rubric.descriptor.parameters ?? [:]).mapValues(\.value))
        // social-responsibility: 4.1.3 30, 4.1.4 30, 4.4.6 15, 4.4.7 20, 4.7.7 50 → 92 of 145 = 63.45%;
        // cooperation-win-win: 4.1.4 30, 4.3.3 50, 4.4.7 20, 4.7.5 60 → 104 of 160 = 65%; overall 776/1000 = 77.6%.
        #expect(Set(summary.concepts.filter(\.weak).map(\.id)) == ["social-responsibility", "cooperation-win-win"])
        let social = summary.concepts.first { $0.id == "social-responsibility" }
        #expect(social.map { ExcellenceSummary.rounded($0.percentage ?? 0) } == 63.45)
        #expect(social?.evaluatedItems == 5 && social?.items == 5)
        #expect(result.notes.contains { $0.zh == "薄弱的基本理念（低于总体得分率）：社会责任、合作共赢" })
    }
}

@Suite struct OutlineTests {
    @Test func outlineFollowsTheCategoriesAndCarriesTheAssessorsRemarks() {
        var sheet = TeamSheet()
        sheet.score("4.1.2", 60, assessor: "A1")
        sheet.score("4.1.2", 70, assessor: "A2")
        sheet.score("4.1.2", 65, round: "consensus")
        sheet.note("4.1.2", "strengths", "高层领导每月亲自审视经营绩效", round: "consensus")
        sheet.note("4.1.2", "opportunities", "使命和愿景尚未传达到一线员工", round: "consensus")
        let result = evaluate(sheet)
        let text = SelfAssessmentOutline.markdown(result: result, enterprise: sheet.evidence.enterprise, descriptor: rubric.descriptor)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings.prefix(8) == ["## 组织概述", "## 4.1 领导（32.5/110 分）", "## 4.2 战略（0/90 分）", "## 4.3 顾客与市场（0/90 分）",
                                       "## 4.4 资源（0/130 分）", "## 4.5 过程管理（0/100 分）", "## 4.6 测量、分析与改进（0/80 分）", "## 4.7 结果（0/400 分）"])
        #expect(text.contains("### 4.1.2 高层领导的作用（50 分）\n\n- 评分：共识评分 65%（50–65% 区间）；得 32.5 分\n"))
        #expect(text.contains("**优势**\n\n- \\[共识评分\\] 高层领导每月亲自审视经营绩效\n"))
        #expect(text.contains("**改进机会**\n\n- \\[共识评分\\] 使命和愿景尚未传达到一线员工\n"))
        #expect(text.contains("- 评审员独立评分：A1 60, A2 70（相差 10 个百分点）"))
        #expect(text.contains("## 基本理念覆盖"))
        let english = SelfAssessmentOutline.markdown(result: result, enterprise: sheet.evidence.enterprise, descriptor: rubric.descriptor, language: .en)
        #expect(english.contains("## 4.1 Leadership（32.5/110 points）"))
    }
}
