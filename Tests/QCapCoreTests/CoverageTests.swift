import QCapCore
import Testing

/// Issue 15 §10: coverage is the evidenced share of the applicable weight; nil when nothing applies.
@Suite struct CoverageTests {
    @Test func notApplicableCriteriaAreOutOfTheShare() {
        // A valid QMS (weight 3, met) and two families not required (notApplicable): fully covered, not 3/7.
        #expect(Coverage.share(of: [(3, .met), (2, .notApplicable), (2, .notApplicable)]) == 1)
    }

    @Test func missingEvidenceCountsAgainstIt() {
        #expect(Coverage.share(of: [(3, .met), (1, .noEvidence), (4, .notApplicable)]) == 0.75)
        #expect(Coverage.share(of: [(1, .noEvidence), (1, .noEvidence)]) == 0)
    }

    @Test func everyScoredOutcomeIsEvidence() {
        let outcomes: [Outcome] = [.met, .partial, .notMet, .error, .waived]
        #expect(Coverage.share(of: outcomes.map { (weight: 1.0, outcome: $0) }) == 1)
    }

    @Test func nothingApplicableIsNil() {
        #expect(Coverage.share(of: [(2, .notApplicable), (1, .notApplicable)]) == nil)
        #expect(Coverage.share(of: [(weight: Double, outcome: Outcome)]()) == nil)
    }

    @Test func zeroWeightsCountOnce() {
        #expect(Coverage.share(of: [(0, .met), (0, .noEvidence), (5, .notApplicable)]) == 0.5)
    }
}
