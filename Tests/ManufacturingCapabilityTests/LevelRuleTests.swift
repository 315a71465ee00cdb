import Testing
import QCapCore
@testable import ManufacturingCapability

/// The grading rule at its edges, computed by hand from the shares listed in `Fixtures`.
@Suite struct LevelRuleTests {
    @Test func everythingAtFiveIsExcellence() {
        let result = Fixtures.evaluate(Fixtures.facts())
        #expect(result.level?.rank == 5)
        #expect(result.level?.id == "excellence")
        #expect(result.level?.name.zh == "卓越级")
        #expect(result.coverage == 1)
        #expect(result.gap == nil)
    }

    @Test func exactlyAtTheThresholdHoldsTheLevel() {
        // All of D2 (share 0.2) at 4, everything else at 5: the share attaining 5 is exactly 0.8.
        let d2 = Dictionary(uniqueKeysWithValues: (1...8).map { ("D2.0\($0)", 4) })
        let result = Fixtures.evaluate(Fixtures.facts(except: d2))
        #expect(result.levelScores?["5"] == 0.8)
        #expect(result.level?.rank == 5)
        // D2 = 80, the others 100: the score is 0.3·100 + 0.2·80 + 0.2·100 + 0.3·100 = 96.
        #expect(result.score == 96)
        #expect(result.nodes.map(\.score) == [100, 80, 100, 100])
    }

    @Test func justBelowTheThresholdDropsALevel() {
        // Add D3.04 (share 0.02) at 4: the share attaining 5 is 0.78.
        var overrides = Dictionary(uniqueKeysWithValues: (1...8).map { ("D2.0\($0)", 4) })
        overrides["D3.04"] = 4
        let result = Fixtures.evaluate(Fixtures.facts(except: overrides))
        #expect(result.levelScores?["5"] == 0.78)
        #expect(result.level?.rank == 4)
        let gap = result.gap
        #expect(gap?.nextLevel?.rank == 5)
        // The heaviest shortfall first: one D2 indicator (0.025) lifts the share to 0.805.
        #expect(gap?.liftCount == 1)
        #expect(gap?.items.first?.criterion == "D2.01")
        #expect(gap?.items.first?.currentLevel == 4)
        #expect(gap?.items.first?.requiredLevel == 5)
        let descriptor = Fixtures.rubric.descriptor
        #expect(gap?.items.first?.requirement == descriptor.criterion("D2.01")?.requirement(atLevel: 5))
    }

    @Test func tailoredThresholdMovesTheEdge() {
        let d2 = Dictionary(uniqueKeysWithValues: (1...8).map { ("D2.0\($0)", 4) })
        let result = Fixtures.evaluate(Fixtures.facts(except: d2), tailoring: Tailoring(threshold: 0.85))
        #expect(result.level?.rank == 4)
        #expect(result.model.threshold == 0.85)
        #expect(result.tailoring == #"{"threshold":0.85}"#)
    }

    @Test func failingMustPassBlocksAnOtherwiseAttainedLevel() {
        // D1.08 (must-pass, share 0.045) at 4: the share attaining 5 is 0.955, but the must-pass item holds it at 4.
        let result = Fixtures.evaluate(Fixtures.facts(except: ["D1.08": 4]))
        #expect(result.levelScores?["5"] == 0.955)
        #expect(result.level?.rank == 4)
        let first = result.gap?.items.first
        #expect(first?.criterion == "D1.08")
        #expect(first?.mustPass == true)
        #expect(result.gap?.liftCount == 1)
        #expect(first?.requirement == Fixtures.rubric.descriptor.criterion("D1.08")?.requirement(atLevel: 5))
    }

    @Test func tailoringTheMustPassSetLiftsTheBlock() {
        let result = Fixtures.evaluate(Fixtures.facts(except: ["D1.08": 4]), tailoring: Tailoring(mustPass: ["D1.01"]))
        #expect(result.level?.rank == 5)
    }

    @Test func failingSpotCheckIsAMustPass() {
        // 0.9 reaches level 3 of the spot-check thresholds: the enterprise cannot hold 4 or 5.
        let result = Fixtures.evaluate(Fixtures.facts(performance: ["mqc.D4.06": 0.9]))
        #expect(Fixtures.finding(result, "D4.06")?.level == 3)
        #expect(result.level?.rank == 3)
    }

    @Test func spotCheckNotApplicableDoesNotBlock() {
        let result = Fixtures.evaluate(Fixtures.facts(performance: ["mqc.D4.06.sampled": false], omitting: ["mqc.D4.06"]))
        #expect(Fixtures.finding(result, "D4.06")?.outcome == .notApplicable)
        #expect(result.level?.rank == 5)
        // The spot check does not apply, so it does not count against coverage (it did: 0.94).
        #expect(result.coverage == 1)
    }

    @Test func allAtFiveExceptOneAtOne() {
        // D3.03 (share 0.04) at 1: every gate's share is 0.96 or 1, so the enterprise still holds level 5.
        let ordinary = Fixtures.evaluate(Fixtures.facts(except: ["D3.03": 1]))
        #expect(ordinary.levelScores?["2"] == 0.96)
        #expect(ordinary.level?.rank == 5)
        #expect(Fixtures.finding(ordinary, "D3.03")?.outcome == .notMet)
        #expect(Fixtures.finding(ordinary, "D3.03")?.score == 0.2)
        // The same with the must-pass D1.01 at 1: the enterprise holds only level 1 (经验级).
        let mustPass = Fixtures.evaluate(Fixtures.facts(except: ["D1.01": 1]))
        #expect(mustPass.level?.rank == 1)
        #expect(mustPass.level?.name.zh == "经验级")
        #expect(mustPass.gap?.nextLevel?.rank == 2)
        #expect(mustPass.gap?.items.first?.criterion == "D1.01")
        #expect(mustPass.gap?.liftCount == 1)
    }

    @Test func missingRatingIsNoEvidenceNeverZero() {
        // D1.03 (share 0.03) missing: it leaves the denominator, coverage drops to 0.97, the level stays 5.
        let result = Fixtures.evaluate(Fixtures.facts(omitting: ["mqc.D1.03"]))
        let finding = Fixtures.finding(result, "D1.03")
        #expect(finding?.outcome == .noEvidence)
        #expect(finding?.score == nil)
        #expect(result.coverage == 0.97)
        #expect(result.score == 100)
        #expect(result.level?.rank == 5)
        #expect(finding?.message.zh.contains("缺少证据") == true)
    }

    @Test func missingMustPassRatingWithholdsTheGrade() {
        // A must-pass item without evidence cannot be confirmed at any level: no grade, and the gap names it.
        let result = Fixtures.evaluate(Fixtures.facts(omitting: ["mqc.D1.01"]))
        #expect(Fixtures.finding(result, "D1.01")?.outcome == .noEvidence)
        #expect(result.level == nil)
        #expect(result.coverage == 0.955)
        #expect(result.gap?.nextLevel?.rank == 1)
        #expect(result.gap?.items.first?.criterion == "D1.01")
    }

    @Test func onSiteRatingWinsAndTheDifferenceIsReported() {
        var facts = Fixtures.evidence(Fixtures.facts())
        facts.add(Fact(key: "mqc.D1.03", value: 3, provenance: Provenance(provider: "test", file: "onsite.json", source: .onSite)))
        facts.add(Fact(key: "mqc.D2.05", value: 5, provenance: Provenance(provider: "test", file: "onsite.json", source: .onSite)))
        let result = Fixtures.engine().evaluate(facts, context: Fixtures.context)
        let finding = Fixtures.finding(result, "D1.03")
        #expect(finding?.level == 3)
        #expect(finding?.message.en.contains("onsite value wins") == true)
        // Only D1.03 differs (D2.05 agrees), and the self-assessment was the higher one.
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.zh == "现场评审与自评不一致 1 项，以现场评审为准（其中自评偏高 1 项）：D1.03（自评 5 → 现场 3）")
    }

    @Test func dimensionScoresFollowTheFindings() {
        // D4.01 at 0.96 reaches level 3 (0.6); D4 = (2·0.6 + 1.5·4 + 2·1)/10 = 0.92.
        let result = Fixtures.evaluate(Fixtures.facts(performance: ["mqc.D4.01": 0.96]))
        #expect(result.nodes.first { $0.criterion == "D4" }?.score == 92)
        #expect(result.score == 97.6)
    }
}
