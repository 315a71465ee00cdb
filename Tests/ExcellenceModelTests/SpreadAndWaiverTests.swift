import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct SpreadTests {
    func sheet(_ values: [Double], item: String = "4.3.3") -> TeamSheet {
        var sheet = TeamSheet()
        for (index, value) in values.enumerated() { sheet.score(item, .number(value), assessor: "A\(index + 1)") }
        return sheet
    }

    @Test func aSpreadOfExactlyTheThresholdIsNotFlagged() {
        let result = evaluate(sheet([50, 60, 70]))
        #expect(finding(result, "4.3.3")?.details?["spread"] == "20")
        #expect(finding(result, "4.3.3")?.details?["spreadFlag"] == nil)
        #expect(ExcellenceSummary(result: result, descriptor: rubric.descriptor, parameters: [:]).flagged.isEmpty)
    }

    @Test func aWiderSpreadIsFlaggedForTheConsensusMeeting() {
        let result = evaluate(sheet([50, 60, 75]))
        let item = finding(result, "4.3.3")
        #expect(item?.details?["spreadFlag"] == "true")
        #expect(item?.message.zh.hasSuffix("；评审员评分相差 25 个百分点，超过阈值 20，提交共识会讨论") == true)
        #expect(result.notes.contains { $0.zh == "评审员评分相差超过 20 个百分点、需在共识会讨论的条目：4.3.3 顾客关系与顾客满意（相差 25）" })
        #expect(result.notes.contains { $0.en == "1 item(s) have no consensus score yet; their score is the team median (derived): 4.3.3" })
    }

    @Test func theThresholdIsAWorkspaceParameter() {
        let wide = evaluate(sheet([50, 60, 75]), tailoring: Tailoring(parameters: ["spreadThreshold": 30]))
        #expect(finding(wide, "4.3.3")?.details?["spreadFlag"] == nil)
        let narrow = evaluate(sheet([50, 60, 70]), tailoring: Tailoring(parameters: ["spreadThreshold": 10]))
        #expect(finding(narrow, "4.3.3")?.details?["spreadFlag"] == "true")
    }

    @Test func aSettledSpreadIsStillReported() {
        var team = sheet([40, 75])
        team.score("4.3.3", 55, round: "consensus")
        let result = evaluate(team)
        #expect(result.notes.contains { $0.en.hasSuffix("4.3.3 Customer relationships and satisfaction (35 apart, settled)") })
        #expect(!result.notes.contains { $0.en.contains("team median") })
    }
}

@Suite struct WaiverTests {
    let enterprise = "91350600MA2YTE0T0H"

    func waiver(expires: String) -> Waiver {
        Waiver(enterprise: enterprise, rubric: "excellence", criterion: "4.7.2", justification: "新产品线投产不足三年，尚无趋势数据",
               approver: "漳州市工信局 王某", expires: Day(iso: expires) ?? asOf, citation: "waivers.json:3")
    }

    var sheet: TeamSheet {
        var sheet = TeamSheet()
        sheet.score("4.1.2", 100, round: "consensus")
        sheet.score("4.7.2", 50, round: "consensus")
        return sheet
    }

    @Test func aWaiverAppliesOnItsExpiryDay() {
        let result = evaluate(sheet, waivers: [waiver(expires: "2026-06-30")], on: asOf)
        let item = finding(result, "4.7.2")
        #expect(item?.outcome == .waived)
        #expect(item?.rawOutcome == .partial)
        #expect(item?.rawScore == 0.5)
        // With the waiver 4.7.2 leaves the points: 50 of 1000; without it 50 + 40.
        #expect(result.scaleScore == 50)
        #expect(result.score == 5)
        #expect(result.rawScore == 9)
        #expect(!result.notes.contains { $0.en.hasPrefix("waiver expired") })
    }

    @Test func aWaiverStopsTheDayAfterAndIsFlagged() {
        let dayAfter = asOf.adding(days: 1)
        let result = evaluate(sheet, waivers: [waiver(expires: "2026-06-30")], on: dayAfter)
        #expect(finding(result, "4.7.2")?.outcome == .partial)
        #expect(result.score == 9)
        #expect(result.rawScore == 9)
        #expect(result.notes.contains { $0.en == "waiver expired: 4.7.2 (expired 2026-06-30, waivers.json:3); no longer applied" })
    }

    @Test func aWaiverOnAnItemMetWithoutItIsFlaggedAsNoLongerNeeded() {
        var waiver = waiver(expires: "2026-12-31")
        waiver.criterion = "4.1.2"
        let result = evaluate(sheet, waivers: [waiver])
        #expect(result.notes.contains { $0.en.hasPrefix("waiver no longer needed: 4.1.2") })
    }
}
