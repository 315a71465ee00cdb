import Testing
@testable import QCapCore

/// Outcome semantics: waivers (raw and waived scores, expiry), source precedence and conflicts.
@Suite struct OutcomeTests {
    let rubric = TestRubrics.rubric(scoring: #"{"model":"unweighted"}"#, criteria: "[" + TestRubrics.leaf("a") + "," + TestRubrics.leaf("b") + "]")
    let asOf = Day(year: 2026, month: 6, day: 30)!

    func waiver(expires: Day) -> Waiver {
        Waiver(enterprise: "91350600K8PBRNYTPB", rubric: "t", criterion: "b", justification: "设备改造期间", approver: "评审组长",
               expires: expires, citation: "waivers.json:3")
    }

    @Test func aWaivedCriterionIsReportedWithBothScores() {
        let result = TestRubrics.evaluate(rubric, ["t.a": 100, "t.b": 0], waivers: [waiver(expires: asOf.adding(days: 30))])
        let b = result.findings[1]
        #expect(b.outcome == .waived)
        #expect(b.rawOutcome == .notMet)
        #expect(result.score == 100)
        #expect(result.rawScore == 50)
        // Waived is evaluated evidence: coverage stays whole.
        #expect(result.coverage == 1)
    }

    @Test func aWaiverExpiringOnTheAssessmentDateStillApplies() {
        let result = TestRubrics.evaluate(rubric, ["t.a": 100, "t.b": 0], waivers: [waiver(expires: asOf)])
        #expect(result.findings[1].outcome == .waived)
        #expect(result.notes.isEmpty)
    }

    @Test func anExpiredWaiverStopsApplyingAndIsFlagged() {
        let result = TestRubrics.evaluate(rubric, ["t.a": 100, "t.b": 0], waivers: [waiver(expires: asOf.adding(days: -1))])
        #expect(result.findings[1].outcome == .notMet)
        #expect(result.score == 50)
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.en.contains("waiver expired") == true)
    }

    @Test func aWaiverNoLongerNeededIsFlagged() {
        let result = TestRubrics.evaluate(rubric, ["t.a": 100, "t.b": 100], waivers: [waiver(expires: asOf)])
        #expect(result.notes.first?.en.contains("no longer needed") == true)
    }

    @Test func onSiteWinsOverSelfAssessmentAndTheDifferenceIsReported() {
        var evidence = TestRubrics.evidence(["t.a": 80, "t.b": 50])
        evidence.add(Fact(key: "t.a", value: 60, provenance: Provenance(provider: "test", file: "onsite.json", line: 4, source: .onSite)))
        let result = RubricEngine(descriptor: rubric).evaluate(evidence, context: AssessmentContext(asOf: asOf))
        let a = result.findings[0]
        #expect(a.score == 0.6)
        #expect(a.message.en.contains("onsite value wins over 80"))
        #expect(a.evidence.count == 2)
    }

    @Test func twoSourcesOfTheSameRankThatDisagreeAreAConflictNotASilentWinner() {
        var evidence = TestRubrics.evidence(["t.a": 80, "t.b": 50])
        evidence.add(Fact(key: "t.a", value: 60, provenance: Provenance(provider: "test", file: "second.json", line: 2, source: .selfAssessment)))
        let result = RubricEngine(descriptor: rubric).evaluate(evidence, context: AssessmentContext(asOf: asOf))
        let a = result.findings[0]
        #expect(a.outcome == .error)
        #expect(a.message.en.contains("t.json:1"))
        #expect(a.message.en.contains("second.json:2"))
    }

    @Test func excludedByTailoringIsNotApplicable() {
        let result = TestRubrics.evaluate(rubric, ["t.a": 100, "t.b": 0], tailoring: Tailoring(exclude: ["b"]))
        #expect(result.findings[1].outcome == .notApplicable)
        #expect(result.score == 100)
    }
}
