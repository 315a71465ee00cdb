@testable import QCapCore
import Testing

@testable import DigitalMaturity

/// The maturity-gated rule of digital-maturity at its edges, with hand-computed expectations.
/// Every sub-domain weighs 1/20 at each level (element weight = number of its sub-domains).
@Suite struct LevelRuleTests {
    let rubric = DigitalMaturityRubric()

    @Test func everySubDomainWeighsTheSame() {
        let plan = RubricPlan(descriptor: rubric.descriptor, tailoring: .none)
        for leaf in plan.leaves {
            #expect(abs(leaf.share - 0.01) < 1e-12, "\(leaf.criterion.id) \(leaf.share)")
        }
    }

    @Test func mostlyMetEverywhereIsExactlyTheThreshold() {
        // Level 1 all full, level 2 all "mostly met" (0.8 each): share 0.8 → level 2 holds.
        let result = assess(rubric, maturityFacts { _, level in level == 1 ? "full" : (level == 2 ? "most" : "none") })
        #expect(result.levelScores?["2"] == 0.8)
        #expect(result.level?.rank == 2)
        #expect(result.level?.name.zh == "二级规范级")
    }

    @Test func sixteenOfTwentyFullIsExactlyTheThreshold() {
        // Level 3: 16 sub-domains full, 4 not met: 16/20 = 0.8 → holds.
        let result = assess(rubric, maturityFacts { index, level in level <= 2 ? "full" : (level == 3 && index < 16 ? "full" : "none") })
        #expect(result.levelScores?["3"] == 0.8)
        #expect(result.level?.rank == 3)
        #expect(result.level?.id == "integrated")
    }

    @Test func justBelowTheThresholdFails() {
        // Level 3: 15 full, 1 mostly met, 4 not met: (15 + 0.8)/20 = 0.79 → level 2.
        let result = assess(rubric, maturityFacts { index, level in
            if level <= 2 { return "full" }
            if level > 3 { return "none" }
            return index < 15 ? "full" : (index == 15 ? "most" : "none")
        })
        #expect(result.levelScores?["3"] == 0.79)
        #expect(result.level?.rank == 2)
        // The gap names the next level and the level-3 requirements not yet met.
        let gap = try? #require(result.gap)
        #expect(gap?.nextLevel?.rank == 3)
        let items = Set(gap?.items.map(\.criterion) ?? [])
        #expect(items == ["EN.L3", "LO.L3", "SA.L3", "CS.L3", "PSV.L3"])
        #expect((gap?.liftCount ?? 0) >= 1)
    }

    @Test func aMissedLowerLevelBlocksHigherOnes() {
        // Level 2 scores 0.5 everywhere while levels 3–5 are fully met: the enterprise holds level 1 only.
        let result = assess(rubric, maturityFacts { _, level in level == 2 ? "partial" : "full" })
        #expect(result.levelScores == ["1": 1, "2": 0.5, "3": 1, "4": 1, "5": 1])
        #expect(result.level?.rank == 1)
        // Overall (through the first miss): 1 + 0.5 = 1.5 → band 1.
        #expect(result.scaleScore == 1.5)
        #expect(result.scaleMax == 5)
        #expect(result.notes.contains { $0.zh.contains("总分 1.5 / 5") && $0.zh.contains("一级规划级") })
        #expect(!result.notes.contains { $0.en.contains("differs") })
        // Adding every level instead gives 4.5 → band 4, which the report flags against the gated level 1.
        let all = assess(rubric, maturityFacts { _, level in level == 2 ? "partial" : "full" },
                         tailoring: Tailoring(parameters: ["overallScoreRule": "allLevels"]))
        #expect(all.scaleScore == 4.5)
        #expect(all.level?.rank == 1)
        #expect(all.notes.contains { $0.en.contains("banded as Optimized") })
        #expect(all.notes.contains { $0.en.contains("differs from the level-by-level verdict (Planning)") })
    }

    @Test func everySubDomainNotApplicable() {
        let all = maturityFacts { _, _ in "full" }
        let result = assess(rubric, all, tailoring: Tailoring(exclude: subDomains))
        #expect(result.findings.allSatisfy { $0.outcome == .notApplicable })
        #expect(result.score == nil)
        #expect(result.level == nil)
        // Nothing applies: nothing to cover (issue 15 §10), not 0 %.
        #expect(result.coverage == nil)
        #expect(result.scaleScore == nil)
        #expect(result.levelScores == [:])
    }

    @Test func profileMakesSubDomainsNotApplicable() {
        // A process manufacturer without own logistics or product services: PD, LO and PSV leave every denominator.
        // The other 17 sub-domains: levels 1–3 full, level 4: 13 full and 4 not met (13/17 ≈ 0.765).
        var facts = maturityFacts { index, level in
            if level <= 3 { return "full" }
            if level == 5 { return "none" }
            let applicable = subDomains.indices.filter { !["PD", "LO", "PSV"].contains(subDomains[$0]) }
            return applicable.prefix(13).contains(index) ? "full" : "none"
        }
        facts["dm.profile.processType"] = "process"
        facts["dm.profile.logistics"] = false
        facts["dm.profile.productService"] = false
        let result = assess(rubric, facts)
        #expect(result.findings.filter { $0.outcome == .notApplicable }.count == 15)
        // Every applicable requirement has evidence: the 15 that do not apply no longer count against it (was 0.85).
        #expect(result.coverage == 1)
        #expect(result.levelScores?["3"] == 1)
        #expect(result.levelScores?["4"] == 0.764706)
        #expect(result.level?.rank == 3)
        // Overall: 1 + 1 + 1 + 13/17 = 3.764706 → band 3.
        #expect(result.scaleScore == 3.764706)
        #expect(result.notes.contains { $0.zh.contains("总分 3.76 / 5") && $0.zh.contains("四级优化级 0.76") && $0.zh.contains("按分档为三级集成级") })
    }

    @Test func overallScoreAndNodeScoresByHand() {
        // L1 1.0; L2: 10 full + 10 mostly = 0.9; L3: 14 full + 6 partly = 0.85; L4: 10 partly + 10 not = 0.25; L5 full.
        let result = assess(rubric, maturityFacts { index, level in
            switch level {
            case 1: return "full"
            case 2: return index < 10 ? "full" : "most"
            case 3: return index < 14 ? "full" : "partial"
            case 4: return index < 10 ? "partial" : "none"
            default: return "full"
            }
        })
        #expect(result.levelScores == ["1": 1, "2": 0.9, "3": 0.85, "4": 0.25, "5": 1])
        #expect(result.level?.rank == 3)
        // 1 + 0.9 + 0.85 + 0.25 = 3.0 (level 5 is not added after the miss at level 4) → band 3, as gated.
        #expect(result.scaleScore == 3)
        #expect(!result.notes.contains { $0.en.contains("differs") })
        // Score 0–100: mean of the 100 leaves = (20 + 18 + 17 + 5 + 20) / 100 = 0.8.
        #expect(result.score == 80)
        // Radar data: personnel (OS, SK: index 0–1) = mean of (1, 1, 1, 0.5, 1) = 0.9 → 90.
        let personnel = result.nodes.first { $0.criterion == "PER" }
        #expect(personnel?.score == 90)
        #expect(personnel?.depth == 0)
        // Product services (index 19): (1 + 0.8 + 0.5 + 0 + 1)/5 = 0.66 → 66.
        #expect(result.nodes.first { $0.criterion == "PSV" }?.score == 66)
        #expect(result.nodes.filter { $0.depth == 1 }.count == 20)
    }

    @Test func tailoredThresholdMovesTheGates() {
        // Level 2 at 0.75 everywhere (half full, half partly met): below 0.8, above a tailored 0.7.
        let facts = maturityFacts { index, level in level == 1 ? "full" : (level == 2 ? (index < 10 ? "full" : "partial") : "none") }
        #expect(assess(rubric, facts).level?.rank == 1)
        let tailored = assess(rubric, facts, tailoring: Tailoring(threshold: 0.7))
        #expect(tailored.level?.rank == 2)
        // 1 + 0.75 + 0 = 1.75 with the tailored threshold → band 1, while the gate says level 2.
        #expect(tailored.scaleScore == 1.75)
        #expect(tailored.notes.contains { $0.zh.contains("门槛 0.7") })
    }

    @Test func unknownProcessTypeIsFlagged() {
        var facts = maturityFacts { _, level in level == 1 ? "full" : nil }
        facts["dm.profile.processType"] = "离散"
        let result = assess(rubric, facts)
        #expect(result.findings.first { $0.criterion == "PD.L1" }?.outcome == .notApplicable)
        #expect(result.notes.contains { $0.en.contains("dm.profile.processType is \"离散\"") })
    }

    @Test func malformedParametersAreBadInputNamingEach() {
        let found = problems(rubric, Tailoring(parameters: ["overallBands": "wide", "overallScoreRule": "sum"]))
        #expect(found.contains("qcap.json: $.tailoring[\"digital-maturity\"].parameters.overallScoreRule: parameter overallScoreRule of rubric digital-maturity: \"sum\" is not a rule; expected throughFirstMiss or allLevels"),
                "\(found)")
        #expect(found.contains("qcap.json: $.tailoring[\"digital-maturity\"].parameters.overallBands: parameter overallBands of rubric digital-maturity: is malformed"))
    }
}

@Suite struct OverallScoreTests {
    let bands = OverallScore.bands(from: DigitalMaturityRubric().descriptor.parameter("overallBands")) ?? []

    @Test func bandsOfTheBrief() {
        #expect(bands == [.init(min: 0.8, max: 1.8, level: 1), .init(min: 1.8, max: 2.8, level: 2), .init(min: 2.8, max: 3.8, level: 3),
                          .init(min: 3.8, max: 4.8, level: 4), .init(min: 4.8, max: 5, level: 5)])
        let cases: [(Double, Int?)] = [(0, nil), (0.79, nil), (0.8, 1), (1.79, 1), (1.8, 2), (1 + 0.8, 2), (2.8, 3), (3.799999, 3),
                                       (3.8, 4), (4.8, 5), (5, 5), (5.1, nil)]
        for (value, level) in cases {
            #expect(OverallScore.level(of: value, bands: bands) == level, "\(value)")
        }
    }

    @Test func addingRules() {
        let scores: [String: Double] = ["1": 1, "2": 0.85, "3": 0.6, "4": 0.9]
        #expect(OverallScore.value(levelScores: scores, maxRank: 5, threshold: 0.8, rule: .throughFirstMiss) == 2.45)
        #expect(abs(OverallScore.value(levelScores: scores, maxRank: 5, threshold: 0.8, rule: .allLevels) - 3.35) < 1e-12)
        // A level with nothing evaluated counts 0 and ends the sum.
        #expect(OverallScore.value(levelScores: ["2": 1], maxRank: 5, threshold: 0.8, rule: .throughFirstMiss) == 0)
    }

    @Test func malformedBands() {
        #expect(OverallScore.bands(from: nil) == nil)
        #expect(OverallScore.bands(from: [["min": 2, "max": 1, "level": 1]]) == nil)
        #expect(OverallScore.bands(from: [["min": 0.8, "max": 1.8, "level": 1.5]]) == nil)
        #expect(OverallScore.bands(from: []) == nil)
    }
}
