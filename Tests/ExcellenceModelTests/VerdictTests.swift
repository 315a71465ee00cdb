import QCapCore
import Testing
@testable import ExcellenceModel

/// Issue 15 §11: excellence has no levels; its result shows its points and the band its percentage falls in.
@Suite struct ExcellenceVerdictTests {
    @Test func pointsAndBandStandInForALevel() {
        var sheet = TeamSheet()
        // Every item at 70 %: 700 of 1000 points, band 70–85 %.
        for category in rubric.descriptor.criteria {
            for item in category.children ?? [] { sheet.score(item.id, 70, assessor: "组", round: "consensus") }
        }
        let result = evaluate(sheet)
        #expect(result.scaleScore == 700)
        #expect(result.verdict == LocalizedText(zh: "700/1000 分（70–85% 区间）", en: "700/1000 points (band 70–85%)"))
    }

    @Test func aPercentageBetweenBandsBelongsToTheLowerOne() {
        let bands = settings.bands
        #expect(ExcellenceVerdict.text(points: 692, maxPoints: 1000, bands: bands)?.zh == "692/1000 分（50–65% 区间）")
        #expect(ExcellenceVerdict.text(points: 0, maxPoints: 1000, bands: bands)?.en == "0/1000 points (band 0–5%)")
        #expect(ExcellenceVerdict.text(points: nil, maxPoints: 1000, bands: bands) == nil)
    }

    @Test func nothingScoredHasNoVerdict() {
        #expect(evaluate(TeamSheet()).verdict == nil)
    }
}
