import Testing
@testable import QCapCore

/// Each scoring model on hand-computed cases. Tree used by the weighted models:
///     D1 (w 2): a (w 1), b (w 3)      D2 (w 1): c (w 1)
/// with a = 100 %, b = 40 %, c = 50 % unless a case says otherwise.
@Suite struct ScoringModelTests {
    static let tree = "[" + TestRubrics.node("D1", weight: 2, [TestRubrics.leaf("a"), TestRubrics.leaf("b", weight: 3)]) + ","
        + TestRubrics.node("D2", weight: 1, [TestRubrics.leaf("c")]) + "]"
    static let full: [String: JSONValue] = ["t.a": 100, "t.b": 40, "t.c": 50]

    func rubric(_ model: String, criteria: String = tree) -> RubricDescriptor {
        TestRubrics.rubric(scoring: #"{"model":"\#(model)"}"#, criteria: criteria)
    }

    @Test func weightedTreeAveragesEachNodeByWeight() {
        // D1 = (1·1.0 + 3·0.4)/4 = 0.55; root = (2·0.55 + 1·0.5)/3 = 0.533333
        let result = TestRubrics.evaluate(rubric("weightedTree"), Self.full)
        #expect(result.score == 53.333333)
        #expect(result.coverage == 1)
        #expect(result.nodes.map(\.score) == [55, 50])
    }

    @Test func weightedTreeLeavesMissingEvidenceOutOfTheDenominator() {
        // b missing: D1 = 1.0; root = (2·1 + 0.5)/3 = 83.333333. b's share = 2/3 · 3/4 = 0.5, so coverage 0.5.
        let result = TestRubrics.evaluate(rubric("weightedTree"), ["t.a": 100, "t.c": 50])
        #expect(result.score == 83.333333)
        #expect(result.coverage == 0.5)
        #expect(result.findings.first { $0.criterion == "b" }?.outcome == .noEvidence)
        #expect(result.findings.first { $0.criterion == "b" }?.score == nil)
    }

    @Test func allMissingGivesNoScoreRatherThanZero() {
        for model in ScoringModel.Kind.allCases where model != .maturityGated {
            let result = TestRubrics.evaluate(rubric(model.rawValue), [:])
            #expect(result.score == nil, "\(model)")
            #expect(result.coverage == 0, "\(model)")
            #expect(result.level == nil, "\(model)")
        }
    }

    @Test func zeroWeightBranchesDoNotCount() {
        let criteria = "[" + TestRubrics.node("D1", weight: 0, [TestRubrics.leaf("a")]) + "," + TestRubrics.node("D2", weight: 1, [TestRubrics.leaf("c")]) + "]"
        let result = TestRubrics.evaluate(rubric("weightedTree", criteria: criteria), ["t.a": 100, "t.c": 50])
        #expect(result.score == 50)
        // With only the zero-weight branch evaluated nothing can score.
        let onlyZero = TestRubrics.evaluate(rubric("weightedTree", criteria: criteria), ["t.a": 100])
        #expect(onlyZero.score == nil)
        // Coverage counts weight: D1 has none, so its evidence covers nothing.
        #expect(onlyZero.coverage == 0)
    }

    @Test func flatUsesEachLeafsOwnWeight() {
        // (1·1.0 + 3·0.4 + 1·0.5)/5 = 0.54
        #expect(TestRubrics.evaluate(rubric("flat"), Self.full).score == 54)
    }

    @Test func unweightedIsThePlainMean() {
        // (1.0 + 0.4 + 0.5)/3 = 0.633333
        #expect(TestRubrics.evaluate(rubric("unweighted"), Self.full).score == 63.333333)
    }

    @Test func absoluteIsAllOrNothing() {
        #expect(TestRubrics.evaluate(rubric("absolute"), Self.full).score == 0)
        #expect(TestRubrics.evaluate(rubric("absolute"), ["t.a": 100, "t.b": 100, "t.c": 100]).score == 100)
        // A missing criterion is left out, not failed.
        #expect(TestRubrics.evaluate(rubric("absolute"), ["t.a": 100, "t.c": 100]).score == 100)
    }

    @Test func errorCountsAsNotMet() {
        // c has a value of the wrong type: an error, scored 0. (1·1 + 3·0.4)/4 = 0.55; root = (2·0.55 + 0)/3
        let result = TestRubrics.evaluate(rubric("weightedTree"), ["t.a": 100, "t.b": 40, "t.c": "high"])
        #expect(result.findings.first { $0.criterion == "c" }?.outcome == .error)
        #expect(result.score == 36.666667)
    }

    @Test func pointsAddWeightTimesScoreAndBand() {
        let criteria = "[" + TestRubrics.leaf("p", weight: 40) + "," + TestRubrics.leaf("q", weight: 60) + "]"
        let descriptor = TestRubrics.rubric(scoring: #"{"model":"points","maxPoints":100,"bands":[{"min":0,"level":1},{"min":50,"level":2},{"min":90,"level":3}]}"#,
                                            levels: 3, criteria: criteria)
        // 40·0.5 + 60·1.0 = 80 points of 100
        let result = TestRubrics.evaluate(descriptor, ["t.p": 50, "t.q": 100])
        #expect(result.scaleScore == 80)
        #expect(result.scaleMax == 100)
        #expect(result.score == 80)
        #expect(result.level?.rank == 2)
        // 10 points short of level 3; p can add 20, so p alone lifts.
        #expect(result.gap?.scoreNeeded == 10)
        #expect(result.gap?.nextLevel?.rank == 3)
        #expect(result.gap?.items.first?.criterion == "p")
        #expect(result.gap?.liftCount == 1)
        // Exactly on a band edge holds the band.
        #expect(TestRubrics.evaluate(descriptor, ["t.p": 0, "t.q": 83.3333333333]).level?.rank == 2)
        #expect(TestRubrics.evaluate(descriptor, ["t.p": 100, "t.q": 100]).gap == nil)
    }

    @Test func weightedTreeBandsGiveALevel() {
        let descriptor = TestRubrics.rubric(scoring: #"{"model":"weightedTree","bands":[{"min":0,"level":1},{"min":60,"level":2}]}"#, levels: 2, criteria: Self.tree)
        let result = TestRubrics.evaluate(descriptor, Self.full)
        #expect(result.level?.rank == 1)
        // 60 − 53.333333 = 6.666667 points needed.
        #expect(result.gap?.scoreNeeded == 6.666667)
    }
}
