import Testing
@testable import QCapCore

/// Expected values are worked by hand with the type-7 definition (h = (n − 1)·p), and agree with Excel's
/// PERCENTILE.INC / QUARTILE.INC and NumPy's default.
@Suite struct CohortStatisticsTests {
    @Test func fourValues() {
        // Sorted 10 20 30 40. p25: h = 0.75 → 10 + 0.75·10 = 17.5. Median: h = 1.5 → 25. p75: h = 2.25 → 32.5.
        let statistics = CohortStatistics([40, 10, 30, 20])
        #expect(statistics.n == 4)
        #expect(statistics.mean == 25)
        #expect(statistics.median == 25)
        #expect(statistics.p25 == 17.5)
        #expect(statistics.p75 == 32.5)
        #expect(statistics.min == 10)
        #expect(statistics.max == 40)
    }

    @Test func oddCountTakesTheMiddleValue() {
        // Sorted 50 60 90. Median h = 1 → 60; p25 h = 0.5 → 55; p75 h = 1.5 → 75. Mean 200/3.
        let statistics = CohortStatistics([90, 50, 60])
        #expect(statistics.median == 60)
        #expect(statistics.p25 == 55)
        #expect(statistics.p75 == 75)
        #expect(statistics.mean == 66.666667)
    }

    @Test func elevenValuesAndTheTopDecile() {
        // 0, 10, …, 100: every percentile falls on a value; the 90th is h = 9 → 90.
        let values = (0...10).map { Double($0 * 10) }
        let statistics = CohortStatistics(values.reversed())
        #expect(statistics.p25 == 25)
        #expect(statistics.median == 50)
        #expect(statistics.p75 == 75)
        #expect(CohortStatistics.percentile(values, 0.9) == 90)
        // Five values 60 70 80 90 100: the 90th percentile is h = 3.6 → 90 + 0.6·10 = 96.
        #expect(CohortStatistics.percentile([60, 70, 80, 90, 100], 0.9) == 96)
    }

    @Test func oneValueAndNone() {
        let one = CohortStatistics([42])
        #expect(one.n == 1 && one.mean == 42 && one.median == 42 && one.p25 == 42 && one.p75 == 42)
        let none = CohortStatistics([])
        #expect(none.n == 0)
        #expect(none.mean == nil && none.median == nil && none.p25 == nil && none.p75 == nil && none.min == nil)
        #expect(CohortStatistics.percentile([], 0.5) == nil)
    }

    @Test func nonFiniteValuesAreIgnored() {
        let statistics = CohortStatistics([1, .nan, 3, .infinity])
        #expect(statistics.n == 2)
        #expect(statistics.mean == 2)
    }

    @Test func competitionRanking() {
        #expect(CohortStatistics.ranks([70, 90, nil, 80, 90]) == [4, 1, nil, 3, 1])
        #expect(CohortStatistics.ranks([]) == [])
        #expect(CohortStatistics.ranks([nil]) == [nil])
    }

    @Test func comparabilityKeySaysWhyResultsDiffer() {
        let model = ScoringModel(kind: .maturityGated, threshold: 0.8)
        let a = ComparabilityKey(rubric: "mc", version: "1.0.0", hash: "aaaaaaaaaaaaaaaa", model: model, tailoring: "{}")
        #expect(a.differences(from: a).isEmpty)
        var b = a
        b.version = "1.1.0"
        b.hash = "bbbbbbbbbbbbbbbb"
        b.model.threshold = 0.75
        b.tailoring = "{\"threshold\":0.75}"
        let reasons = a.differences(from: b).map(\.en)
        #expect(reasons.count == 4)
        #expect(reasons[0] == "rubric version differs (1.0.0 / 1.1.0)")
        #expect(reasons[1].contains("aaaaaaaaaaaa / bbbbbbbbbbbb"))
        #expect(reasons[2].contains("maturityGated(threshold 0.8) / maturityGated(threshold 0.75)"))
        #expect(reasons[3].contains("tailoring differs"))
    }
}
