import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct ConsensusTests {
    @Test func medianOfOddAndEvenTeams() {
        #expect(TeamConsensus.median([]) == nil)
        #expect(TeamConsensus.median([60]) == 60)
        #expect(TeamConsensus.median([50, 70, 60]) == 60)
        #expect(TeamConsensus.median([55, 80, 60, 70]) == 65)
        #expect(TeamConsensus.median([60, 65]) == 62.5)
        #expect(TeamConsensus.spread([60]) == nil)
        #expect(TeamConsensus.spread([55, 80, 60, 70]) == 25)
    }

    @Test func oddTeamWithoutConsensusUsesTheMedianAndSaysSo() {
        var sheet = TeamSheet()
        sheet.score("4.2.3", 50, assessor: "A1", round: "individual")
        sheet.score("4.2.3", 70, assessor: "A2", round: "individual")
        sheet.score("4.2.3", 60, assessor: "A3")
        let item = finding(evaluate(sheet), "4.2.3")
        #expect(item?.outcome == .partial)
        #expect(item?.score == 0.6)
        #expect(item?.details?["basis"] == "median")
        #expect(item?.details?["individualScores"] == "A1 50, A2 70, A3 60")
        #expect(item?.message.zh.hasPrefix("评审组中位数 60%（50–65% 区间；推导值，尚无共识评分；3 个独立评分：50、70、60）") == true)
        #expect(item?.evidence.count == 3)
    }

    @Test func evenTeamMedianIsTheMeanOfTheMiddlePair() {
        var sheet = TeamSheet()
        for (assessor, value) in [("A1", 55.0), ("A2", 80), ("A3", 60), ("A4", 70)] { sheet.score("4.2.3", .number(value), assessor: assessor) }
        sheet.score("4.3.2", 60, assessor: "A1")
        sheet.score("4.3.2", 65, assessor: "A2")
        let result = evaluate(sheet)
        #expect(finding(result, "4.2.3")?.score == 0.65)
        #expect(finding(result, "4.3.2")?.score == 0.625)
        #expect(finding(result, "4.3.2")?.details?["band"] == "50–65%")
        #expect(result.scaleScore == 50 * 0.65 + 40 * 0.625)
    }

    @Test func consensusWinsOverIndividualScores() {
        var sheet = TeamSheet()
        sheet.score("4.5.2", 40, assessor: "A1")
        sheet.score("4.5.2", 80, assessor: "A2")
        sheet.score("4.5.2", 55, assessor: "组长", round: "共识")
        let item = finding(evaluate(sheet), "4.5.2")
        #expect(item?.score == 0.55)
        #expect(item?.details?["basis"] == "consensus")
        #expect(item?.details?["spread"] == "40")
        #expect(item?.message.en.hasPrefix("consensus score 55% (band 50–65%); individual scores were 40 points apart") == true)
    }

    @Test func siteVisitSettlesTheConsensus() {
        var sheet = TeamSheet()
        sheet.score("4.5.3", 50, assessor: "A1")
        sheet.score("4.5.3", 55, round: "consensus")
        sheet.score("4.5.3", 60, round: "现场评审")
        let item = finding(evaluate(sheet), "4.5.3")
        #expect(item?.score == 0.6)
        #expect(item?.details?["basis"] == "siteVisit")
    }

    @Test func twoDifferentConsensusScoresAreAConflict() {
        var sheet = TeamSheet()
        sheet.score("4.6.2", 55, round: "consensus")
        sheet.score("4.6.2", 60, round: "consensus")
        let item = finding(evaluate(sheet), "4.6.2")
        #expect(item?.outcome == .error)
        #expect(item?.score == 0)
        #expect(item?.message.en.hasSuffix("the team must settle them: 55% (scores.csv:2 row 1) / 60% (scores.csv:3 row 2)") == true)
    }

    @Test func assessorsWinOverTheApplicantsOwnScore() {
        var sheet = TeamSheet()
        sheet.score("4.6.3", 90, source: .selfAssessment)
        sheet.score("4.6.3", 60, assessor: "A1")
        sheet.score("4.6.3", 60, assessor: "A2")
        let item = finding(evaluate(sheet), "4.6.3")
        #expect(item?.score == 0.6)
        #expect(item?.message.zh.contains("企业自评 90") == true)
        #expect(item?.evidence.count == 3)
    }

    @Test func anUnknownRoundIsAnError() {
        var sheet = TeamSheet()
        sheet.score("4.4.2", 60, assessor: "A1", round: "final")
        #expect(finding(evaluate(sheet), "4.4.2")?.outcome == .error)
    }

    @Test func strengthsAndOpportunitiesTravelWithTheFinding() {
        var sheet = TeamSheet()
        sheet.score("4.1.2", 60, assessor: "A1")
        sheet.note("4.1.2", "strengths", "高层领导每月亲自审视经营绩效", assessor: "A1", round: "individual")
        sheet.note("4.1.2", "opportunities", "使命和愿景尚未传达到一线员工", assessor: "A1", round: "individual")
        let details = finding(evaluate(sheet), "4.1.2")?.details
        #expect(details?["strengths"] == "[A1/独立评分] 高层领导每月亲自审视经营绩效")
        #expect(details?["opportunities"] == "[A1/独立评分] 使命和愿景尚未传达到一线员工")
    }

    @Test func theSameAssessorTwiceCountsOnceOrIsAnError() {
        var same = TeamSheet()
        same.score("4.4.4", 50, assessor: "A1")
        same.score("4.4.4", 50, assessor: "A1", round: "individual")
        same.score("4.4.4", 70, assessor: "A2")
        #expect(finding(evaluate(same), "4.4.4")?.score == 0.6)
        var different = TeamSheet()
        different.score("4.4.4", 50, assessor: "A1")
        different.score("4.4.4", 55, assessor: "A1")
        let item = finding(evaluate(different), "4.4.4")
        #expect(item?.outcome == .error)
        #expect(item?.message.en.hasSuffix("A1 gave 50% and 55% in the individual round") == true)
    }
}
