import Testing
import QCapCore
@testable import ManufacturingCapability

/// The quality-performance probe: tailored thresholds, the trend rule, and bad values.
@Suite struct PerformanceProbeTests {
    func d4(_ facts: [String: JSONValue], tailoring: Tailoring = .none, id: String = "D4.01") -> Finding? {
        Fixtures.finding(Fixtures.evaluate(Fixtures.facts(performance: facts), tailoring: tailoring), id)
    }

    @Test func thresholdsReachedExactly() {
        #expect(d4(["mqc.D4.01": 0.98])?.level == 4)
        #expect(d4(["mqc.D4.01": 0.9799])?.level == 3)
        #expect(d4(["mqc.D4.03": 0.015], id: "D4.03")?.level == 4)
        #expect(d4(["mqc.D4.03": 0.0151], id: "D4.03")?.level == 3)
        #expect(d4(["mqc.D4.01": 0])?.outcome == .notMet)
        #expect(d4(["mqc.D4.01": 1])?.outcome == .met)
    }

    @Test func tailoredThresholdsReplaceTheDefaults() {
        let tailoring = Tailoring(parameters: ["fpyThresholds": ["2": 0.95, "3": 0.97, "4": 0.99, "5": 0.999]])
        let finding = d4(["mqc.D4.01": 0.98], tailoring: tailoring)
        #expect(finding?.level == 3)
        #expect(finding?.score == 0.6)
        #expect(finding?.details?["thresholds"] == "fpyThresholds")
    }

    @Test func badTailoredThresholdsAreBadInputNamingTheParameter() {
        let unordered = Fixtures.problems(Tailoring(parameters: ["fpyThresholds": ["2": 0.99, "3": 0.95]]))
        #expect(unordered.contains("qcap.json: $.tailoring[\"manufacturing-capability\"].parameters.fpyThresholds: parameter fpyThresholds of rubric manufacturing-capability: the level thresholds of D4.01 are invalid"),
                "\(unordered)")
        #expect(Fixtures.problems(Tailoring(parameters: ["fpyThresholds": ["6": 0.99]])).contains("level keys 2–5, found '6'"))
        // Lower-is-better thresholds must fall from level to level.
        let rising = Fixtures.problems(Tailoring(parameters: ["qualityLossRateThresholds": ["2": 0.01, "3": 0.02]]))
        #expect(rising.contains("qualityLossRateThresholds"), "\(rising)")
    }

    @Test func improvingTrendLiftsOneLevel() {
        let finding = d4(["mqc.D4.01": 0.98, "mqc.D4.01.trend": [0.95, 0.97, 0.98]])
        #expect(finding?.level == 5)
        #expect(finding?.outcome == .met)
        #expect(finding?.details?["baseLevel"] == "4")
        #expect(finding?.details?["trendAdjustment"] == "+1")
        #expect(finding?.message.zh == "0.98 → 达到预防级（4）；趋势 [0.95, 0.97, 0.98] 逐年改善，上调至卓越级（5）")
        #expect(finding?.evidence.count == 2)
    }

    @Test func worseningTrendLowersOneLevelLowerIsBetter() {
        // Quality loss rate rising every year is a worsening: 0.02 reaches 3, lowered to 2.
        let finding = d4(["mqc.D4.03": 0.02, "mqc.D4.03.trend": [0.01, 0.015, 0.02]], id: "D4.03")
        #expect(finding?.level == 2)
        #expect(finding?.details?["trendAdjustment"] == "-1")
    }

    @Test func trendRespectsCapAndFloor() {
        #expect(d4(["mqc.D4.01": 0.999, "mqc.D4.01.trend": [0.99, 0.995, 0.999]])?.level == 5)
        #expect(d4(["mqc.D4.01": 0.5, "mqc.D4.01.trend": [0.7, 0.6, 0.5]])?.level == 1)
    }

    @Test func trendIsIgnoredWhereTheRuleDoesNotApply() {
        let finding = d4(["mqc.D4.06": 0.9, "mqc.D4.06.trend": [0.8, 0.85, 0.9]], id: "D4.06")
        #expect(finding?.level == 3)
        #expect(finding?.details?["trend"] == nil)
    }

    @Test func longerTrendUsesTheLatestYears() {
        // Five years: mixed overall, but the latest three improve.
        #expect(d4(["mqc.D4.01": 0.97, "mqc.D4.01.trend": [0.99, 0.9, 0.95, 0.96, 0.97]])?.level == 4)
    }

    @Test func tailoredTrendRule() {
        let flatYear: [String: JSONValue] = ["mqc.D4.01": 0.97, "mqc.D4.01.trend": [0.96, 0.96, 0.97]]
        #expect(d4(flatYear)?.level == 3)
        #expect(d4(flatYear, tailoring: Tailoring(parameters: ["trend": ["strict": false]]))?.level == 4)
        let newestFirst: [String: JSONValue] = ["mqc.D4.01": 0.98, "mqc.D4.01.trend": [0.98, 0.97, 0.95]]
        #expect(d4(newestFirst, tailoring: Tailoring(parameters: ["trend": ["order": "newestFirst"]]))?.level == 5)
        #expect(d4(newestFirst)?.level == 3)
        let off = Tailoring(parameters: ["trend": ["appliesTo": []]])
        #expect(d4(["mqc.D4.01": 0.98, "mqc.D4.01.trend": [0.95, 0.97, 0.98]], tailoring: off)?.level == 4)
        let bad = Fixtures.problems(Tailoring(parameters: ["trend": ["window": 1]]))
        #expect(bad.contains("parameters.trend: parameter trend of rubric manufacturing-capability: is invalid; expected window: an integer 2–50"), "\(bad)")
    }

    @Test func percentagesAndBadTrendsAreErrorsCitingTheFile() {
        let percent = d4(["mqc.D4.01": 98.5])
        #expect(percent?.outcome == .error)
        #expect(percent?.message.en.contains("test.json") == true)
        #expect(d4(["mqc.D4.01": "98.5%"])?.outcome == .error)
        #expect(d4(["mqc.D4.01": 0.98, "mqc.D4.01.trend": 0.97])?.outcome == .error)
        #expect(d4(["mqc.D4.01": 0.98, "mqc.D4.01.trend": [0.95, 97, 0.98]])?.outcome == .error)
    }

    @Test func missingValueIsNoEvidenceEvenWithATrend() {
        var facts = Fixtures.facts(performance: ["mqc.D4.01.trend": [0.95, 0.97, 0.98]])
        facts["mqc.D4.01"] = nil
        let finding = Fixtures.finding(Fixtures.evaluate(facts), "D4.01")
        #expect(finding?.outcome == .noEvidence)
        #expect(finding?.score == nil)
    }

    @Test func conflictingFiguresAreAnError() {
        var evidence = Fixtures.evidence(Fixtures.facts())
        evidence.add(Fact(key: "mqc.D4.01", value: 0.9, provenance: Provenance(provider: "test", file: "b.json", source: .selfAssessment)))
        let result = Fixtures.engine().evaluate(evidence, context: Fixtures.context)
        let finding = Fixtures.finding(result, "D4.01")
        #expect(finding?.outcome == .error)
        #expect(finding?.evidence.count == 2)
    }

    @Test func onSiteFigureWinsOverDeclared() {
        var evidence = Fixtures.evidence(Fixtures.facts(), source: .declared)
        evidence.add(Fact(key: "mqc.D4.01", value: 0.96, provenance: Provenance(provider: "test", file: "site.json", source: .onSite)))
        let finding = Fixtures.finding(Fixtures.engine().evaluate(evidence, context: Fixtures.context), "D4.01")
        #expect(finding?.level == 3)
        #expect(finding?.message.en.contains("onsite value wins over 0.995") == true)
    }
}

@Suite struct TrendRuleTests {
    let rule = TrendRule(maxLevel: 5)

    @Test func movements() {
        #expect(rule.movement(of: [1, 2, 3], higherIsBetter: true) == .improving)
        #expect(rule.movement(of: [3, 2, 1], higherIsBetter: true) == .worsening)
        #expect(rule.movement(of: [3, 2, 1], higherIsBetter: false) == .improving)
        #expect(rule.movement(of: [1, 1, 2], higherIsBetter: true) == .mixed)
        #expect(rule.movement(of: [1, 3, 2], higherIsBetter: true) == .mixed)
        #expect(rule.movement(of: [1, 2], higherIsBetter: true) == .tooShort(count: 2))
        #expect(rule.movement(of: [], higherIsBetter: true) == .tooShort(count: 0))
    }

    @Test func adjustmentStaysInRange() {
        #expect(rule.adjust(3, by: .improving) == 4)
        #expect(rule.adjust(5, by: .improving) == 5)
        #expect(rule.adjust(1, by: .worsening) == 1)
        #expect(rule.adjust(3, by: .mixed) == 3)
        var wide = rule
        wide.improvingStep = 5
        #expect(wide.adjust(Int.max, by: .improving) == 5)
    }

    @Test func parsesDefaultsAndRejectsNonsense() throws {
        let parsed = try TrendRule.parse(Fixtures.rubric.descriptor.parameter("trend"), maxRank: 5).get()
        #expect(parsed.window == 3 && parsed.strict && parsed.oldestFirst)
        #expect(parsed.improvingStep == 1 && parsed.worseningStep == -1)
        #expect(parsed.appliesTo == ["D4.01", "D4.02", "D4.03", "D4.04", "D4.05"])
        #expect(try TrendRule.parse(nil, maxRank: 5).get() == TrendRule(maxLevel: 5))
        for bad: JSONValue in [1, ["window": 1.5], ["minLevel": 4, "maxLevel": 2], ["order": "sideways"], ["appliesTo": "D4.01"],
                               ["strict": "yes"], ["factSuffix": "trend"]] {
            if case .success = TrendRule.parse(bad, maxRank: 5) { Issue.record("accepted \(bad)") }
        }
    }
}
