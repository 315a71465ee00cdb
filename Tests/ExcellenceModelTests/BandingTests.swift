import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct BandingTests {
    let settings = ExcellenceSettings(parameters: (rubric.descriptor.parameters ?? [:]).mapValues(\.value))

    @Test func sixBandsWithBothDescriptors() {
        #expect(settings.bands.map(\.label) == ["0–5%", "10–25%", "30–45%", "50–65%", "70–85%", "90–100%"])
        for band in settings.bands {
            #expect(band.process != nil && band.result != nil)
            #expect(band.descriptor(for: .process) != band.descriptor(for: .result))
        }
    }

    @Test(arguments: [(0.0, 1), (5, 1), (10, 2), (25, 2), (30, 3), (45, 3), (50, 4), (62.5, 4), (65, 4), (70, 5), (85, 5), (90, 6), (100, 6)])
    func percentageFallsInItsBand(percentage: Double, rank: Int) {
        #expect(settings.band(of: percentage)?.rank == rank)
    }

    @Test func stepGrid() {
        #expect(settings.step == 5)
        #expect(settings.isOnStep(0) && settings.isOnStep(60) && settings.isOnStep(100))
        #expect(!settings.isOnStep(62) && !settings.isOnStep(62.5) && !settings.isOnStep(12.5))
    }

    @Test func findingNamesTheBand() {
        var sheet = TeamSheet()
        sheet.score("4.7.4", 35, assessor: "A1", round: "consensus")
        let result = evaluate(sheet)
        #expect(finding(result, "4.7.4")?.details?["band"] == "30–45%")
        #expect(finding(result, "4.7.4")?.details?["kind"] == "result")
        #expect(finding(result, "4.7.4")?.message.zh.contains("30–45% 区间") == true)
    }

    @Test func offStepAndOutOfRangeAreErrors() {
        var sheet = TeamSheet()
        sheet.score("4.1.2", 62, assessor: "A1")
        sheet.score("4.1.3", 105, assessor: "A1")
        sheet.score("4.1.4", "六十", assessor: "A1")
        sheet.score("4.2.2", "65%", assessor: "A1")
        let result = evaluate(sheet)
        #expect(finding(result, "4.1.2")?.outcome == .error)
        #expect(finding(result, "4.1.2")?.message.en.contains("62% is not on the 5% step (scores.csv:2 row 1 [A1])") == true)
        #expect(finding(result, "4.1.3")?.outcome == .error)
        #expect(finding(result, "4.1.4")?.outcome == .error)
        #expect(finding(result, "4.2.2")?.outcome == .partial)
        #expect(finding(result, "4.2.2")?.score == 0.65)
    }

    @Test func aTailoredStepChangesTheGrid() {
        var sheet = TeamSheet()
        sheet.score("4.1.2", 62, assessor: "A1")
        let result = evaluate(sheet, tailoring: Tailoring(parameters: ["percentageStep": 1]))
        #expect(finding(result, "4.1.2")?.score == 0.62)
    }
}
