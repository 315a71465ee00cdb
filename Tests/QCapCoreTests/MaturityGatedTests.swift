import Testing
@testable import QCapCore

/// The maturity gate at its edges: exactly at the threshold, must-pass, missing ratings, per-level requirements.
@Suite struct MaturityGatedTests {
    /// Five indicators rated on a 5-level scale, equal weights; `mustPass` marks indicator e.
    func rubric(mustPass: Bool = false) -> RubricDescriptor {
        let leaves = ["a", "b", "c", "d"].map { TestRubrics.leaf($0, type: "level") } + [TestRubrics.leaf("e", type: "level", mustPass: mustPass)]
        return TestRubrics.rubric(scoring: #"{"model":"maturityGated","threshold":0.8}"#, levels: 5, criteria: "[" + leaves.joined(separator: ",") + "]")
    }

    func ratings(_ values: [Int?]) -> [String: JSONValue] {
        var facts: [String: JSONValue] = [:]
        for (id, value) in zip(["a", "b", "c", "d", "e"], values) { if let value { facts["t.\(id)"] = .number(Double(value)) } }
        return facts
    }

    @Test func exactlyAtTheThresholdHoldsTheLevel() {
        // Four of five attain 3: share 0.8 = threshold.
        let result = TestRubrics.evaluate(rubric(), ratings([3, 3, 3, 3, 2]))
        #expect(result.level?.rank == 3)
        #expect(result.levelScores?["3"] == 0.8)
        #expect(result.levelScores?["4"] == 0)
    }

    @Test func belowTheThresholdDropsALevel() {
        let result = TestRubrics.evaluate(rubric(), ratings([3, 3, 3, 2, 2]))
        #expect(result.level?.rank == 2)
        // The gap: the two indicators at 2 need 3; raising one reaches 0.8.
        #expect(result.gap?.nextLevel?.rank == 3)
        #expect(result.gap?.items.map(\.criterion) == ["d", "e"])
        #expect(result.gap?.liftCount == 1)
        #expect(result.gap?.items.first?.currentLevel == 2)
        #expect(result.gap?.items.first?.requiredLevel == 3)
    }

    @Test func aFailingMustPassBlocksAnOtherwiseAttainedLevel() {
        let result = TestRubrics.evaluate(rubric(mustPass: true), ratings([3, 3, 3, 3, 2]))
        #expect(result.levelScores?["3"] == 0.8)
        #expect(result.level?.rank == 2)
        #expect(result.gap?.items.first?.criterion == "e")
        #expect(result.gap?.items.first?.mustPass == true)
    }

    @Test func aMissingRatingIsNoEvidenceAndLowersCoverageNeverAZero() {
        let result = TestRubrics.evaluate(rubric(), ratings([3, 3, 3, 3, nil]))
        #expect(result.findings.last?.outcome == .noEvidence)
        #expect(result.coverage == 0.8)
        // The four rated indicators all attain 3: the share is 1, not 0.8.
        #expect(result.levelScores?["3"] == 1)
        #expect(result.level?.rank == 3)
        // Score = mean of rank/5 over the rated four = 0.6.
        #expect(result.score == 60)
    }

    @Test func allAtFiveButOneAtOne() {
        let result = TestRubrics.evaluate(rubric(), ratings([5, 5, 5, 5, 1]))
        #expect(result.level?.rank == 5)
        #expect(result.gap == nil)
        let blocked = TestRubrics.evaluate(rubric(mustPass: true), ratings([5, 5, 5, 5, 1]))
        #expect(blocked.level?.rank == 1)
    }

    @Test func tailoredThresholdAndMustPassAreRecorded() {
        let tailoring = Tailoring(threshold: 0.6, mustPass: ["a"])
        let result = TestRubrics.evaluate(rubric(), ratings([3, 3, 3, 2, 2]), tailoring: tailoring)
        #expect(result.level?.rank == 3)
        #expect(result.model.threshold == 0.6)
        #expect(result.tailoring == #"{"mustPass":["a"],"threshold":0.6}"#)
    }

    /// CMMM-style: requirements belong to levels; a level needs its own share and every lower level.
    func perLevel() -> RubricDescriptor {
        var leaves: [String] = []
        for level in 1...3 {
            for name in ["x", "y"] { leaves.append(TestRubrics.leaf("\(name)\(level)", level: level)) }
        }
        return TestRubrics.rubric(scoring: #"{"model":"maturityGated","threshold":0.8}"#, levels: 3, criteria: "[" + leaves.joined(separator: ",") + "]")
    }

    @Test func aLowerLevelMissedBlocksAHigherOneThatScoresWell() {
        // Level 1: (1 + 0.5)/2 = 0.75 < 0.8; levels 2 and 3 score 1.
        let result = TestRubrics.evaluate(perLevel(), ["t.x1": 100, "t.y1": 50, "t.x2": 100, "t.y2": 100, "t.x3": 100, "t.y3": 100])
        #expect(result.levelScores?["1"] == 0.75)
        #expect(result.levelScores?["3"] == 1)
        #expect(result.level == nil)
        #expect(result.gap?.nextLevel?.rank == 1)
        #expect(result.gap?.items.map(\.criterion) == ["y1"])
    }

    @Test func perLevelScoreOfExactlyTheThreshold() {
        let result = TestRubrics.evaluate(perLevel(), ["t.x1": 80, "t.y1": 80, "t.x2": 100, "t.y2": 60, "t.x3": 0, "t.y3": 0])
        #expect(result.levelScores?["1"] == 0.8)
        #expect(result.levelScores?["2"] == 0.8)
        #expect(result.level?.rank == 2)
    }

    @Test func everyCriterionNotApplicableGivesNoLevel() {
        let leaves = ["a", "b"].map {
            #"{"id":"\#($0)","title":{"zh":"\#($0)","en":"\#($0)"},"evidence":{"type":"level"},"applicability":{"fact":"t.profile","equals":"process"}}"#
        }
        let descriptor = TestRubrics.rubric(scoring: #"{"model":"maturityGated"}"#, levels: 3, criteria: "[" + leaves.joined(separator: ",") + "]")
        let result = TestRubrics.evaluate(descriptor, ["t.profile": "discrete", "t.a": 3, "t.b": 3])
        #expect(result.findings.allSatisfy { $0.outcome == .notApplicable })
        #expect(result.score == nil)
        #expect(result.level == nil)
        // Nothing applies, so there is nothing to cover: no coverage at all rather than 0 %.
        #expect(result.coverage == nil)
    }
}
