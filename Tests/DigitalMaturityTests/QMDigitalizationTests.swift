import QCapCore
import Testing

@testable import DigitalMaturity

@Suite struct QMDigitalizationTests {
    let rubric = QMDigitalizationRubric()

    /// Every answer-rated leaf answered by level, plus the three computed indicators.
    func facts(answer: (Int) -> JSONValue?, spc: Double?, auto: Double?, depth: Double?) -> [String: JSONValue] {
        var facts: [String: JSONValue] = [:]
        for (criterion, _, _) in rubric.descriptor.allCriteria() where criterion.isLeaf && criterion.evidence?.probe == nil {
            if let level = criterion.level, let value = answer(level) { facts["qmd.\(criterion.id)"] = value }
        }
        if let spc { facts["qmd.PR.spcShare"] = .number(spc) }
        if let auto { facts["qmd.QA.autoCaptureShare"] = .number(auto) }
        if let depth { facts["qmd.QA.traceDepth"] = .number(depth) }
        return facts
    }

    func finding(_ result: RubricResult, _ id: String) -> Finding? {
        result.findings.first { $0.criterion == id }
    }

    @Test func computedIndicatorsCountAtTheirLevels() {
        // Answers full at levels 1–2, none at 3. SPC 0.55: L1 met, L2 met, L3 notMet (< 0.6 partial).
        // Auto capture 0.8: L3 partial (≥ 0.75). Depth 2: L1 met, L2 met, L3 partial.
        let result = assess(rubric, facts(answer: { $0 <= 2 ? "full" : "none" }, spc: 0.55, auto: 0.8, depth: 2))
        #expect(finding(result, "PR.SPC.L2")?.outcome == .met)
        #expect(finding(result, "PR.SPC.L3")?.outcome == .notMet)
        #expect(finding(result, "QA.ACQ.L3")?.outcome == .partial)
        #expect(finding(result, "QA.ACQ.L3")?.score == 0.5)
        #expect(finding(result, "QA.TRD.L3")?.outcome == .partial)
        #expect(result.levelScores?["2"] == 1)
        #expect(result.level?.rank == 2)
        #expect(result.level?.id == "integrated")
        // Level 3 by hand: areas weigh 1/5, scenarios share their area. Only QA scores at L3:
        // QA.ACQ 0.5 and QA.TRD 0.5 out of 4 scenarios → QA = 0.25 → share 0.25/5 = 0.05.
        #expect(result.levelScores?["3"] == 0.05)
    }

    @Test func aLowComputedIndicatorCanHoldBackALevel() {
        // Everything full at levels 1–3 but SPC covers 10% of key processes: PR.SPC.L2 and L3 not met.
        // Level 2 share: PR area = (1 + 0 + 1)/3 → 1 − (1/3)/5 = 0.933333 → still holds; level 3 the same.
        let result = assess(rubric, facts(answer: { _ in "full" }, spc: 0.1, auto: 0.95, depth: 4))
        #expect(finding(result, "PR.SPC.L1")?.outcome == .partial)
        #expect(result.levelScores?["1"] == 0.966667)
        #expect(result.levelScores?["2"] == 0.933333)
        #expect(result.level?.rank == 3)
        // Making SPC a must-pass item blocks level 2.
        let strict = assess(rubric, facts(answer: { _ in "full" }, spc: 0.1, auto: 0.95, depth: 4),
                            tailoring: Tailoring(mustPass: ["PR.SPC.L1", "PR.SPC.L2", "PR.SPC.L3"]))
        #expect(strict.level == nil)
    }

    @Test func thresholdsAreTailorable() {
        let base = facts(answer: { _ in "full" }, spc: 0.45, auto: 1, depth: 3)
        #expect(finding(assess(rubric, base), "PR.SPC.L2")?.outcome == .partial)
        let tailoring = Tailoring(parameters: ["spcShareThresholds": ["1": ["met": 0.1], "2": ["met": 0.4, "partial": 0.2], "3": ["met": 0.7]]])
        let tailored = assess(rubric, base, tailoring: tailoring)
        #expect(finding(tailored, "PR.SPC.L2")?.outcome == .met)
        #expect(finding(tailored, "PR.SPC.L2")?.details?["met"] == "0.4")
        #expect(finding(tailored, "PR.SPC.L3")?.outcome == .notMet)
    }

    @Test func wrongKindsOfValuesAreErrors() {
        let percent = assess(rubric, ["qmd.PR.spcShare": 45])
        let spc = finding(percent, "PR.SPC.L1")
        #expect(spc?.outcome == .error)
        #expect(spc?.score == 0)
        #expect(spc?.message.en.contains("write 0.45") == true)
        #expect(spc?.message.en.contains("test.json") == true)
        #expect(finding(assess(rubric, ["qmd.QA.traceDepth": 1.5]), "QA.TRD.L2")?.outcome == .error)
        #expect(finding(assess(rubric, ["qmd.QA.traceDepth": -1]), "QA.TRD.L2")?.outcome == .error)
        #expect(finding(assess(rubric, ["qmd.QA.autoCaptureShare": "high"]), "QA.ACQ.L1")?.outcome == .error)
        // A tailored parameter without a level's threshold is bad input naming the parameter, before any assessment.
        let broken = problems(rubric, Tailoring(parameters: ["spcShareThresholds": ["1": ["met": 0.1]]]))
        #expect(broken.contains("qcap.json: $.tailoring[\"qm-digitalization\"].parameters.spcShareThresholds: parameter spcShareThresholds of rubric qm-digitalization: has no 'met' threshold for level 2 (criterion PR.SPC.L2)"),
                "\(broken)")
    }

    @Test func missingAndConflictingEvidence() {
        let none = assess(rubric, [:])
        #expect(finding(none, "QA.TRD.L1")?.outcome == .noEvidence)
        #expect(none.score == nil)
        // On-site wins over the survey, and says so.
        let facts = [Fact(key: "qmd.PR.spcShare", value: 0.6, provenance: Provenance(provider: "t", file: "survey.csv", row: 3, source: .survey)),
                     Fact(key: "qmd.PR.spcShare", value: 0.3, provenance: Provenance(provider: "t", file: "onsite.json", line: 4, source: .onSite))]
        let result = engine(rubric).evaluate(Evidence(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "x"), facts: facts),
                                                           context: AssessmentContext(asOf: testDay))
        let l2 = finding(result, "PR.SPC.L2")
        #expect(l2?.outcome == .partial)
        #expect(l2?.message.en.contains("onsite value wins over 0.6 (survey, survey.csv row 3)") == true)
        #expect(l2?.evidence.count == 2)
        // Two sources of the same rank that disagree: a conflict the evaluator must settle.
        let conflict = [Fact(key: "qmd.QA.traceDepth", value: 1, provenance: Provenance(provider: "t", file: "a.json", source: .survey)),
                        Fact(key: "qmd.QA.traceDepth", value: 3, provenance: Provenance(provider: "t", file: "b.json", source: .survey))]
        let conflicted = engine(rubric).evaluate(Evidence(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "x"), facts: conflict),
                                                               context: AssessmentContext(asOf: testDay))
        #expect(finding(conflicted, "QA.TRD.L1")?.outcome == .error)
        #expect(finding(conflicted, "QA.TRD.L1")?.message.en.hasPrefix("conflicting evidence") == true)
    }

    @Test func noDesignResponsibility() {
        var base = facts(answer: { $0 == 1 ? "full" : "none" }, spc: 0.3, auto: 0.4, depth: 1)
        base["qmd.profile.designResponsibility"] = false
        let result = assess(rubric, base)
        let design = result.findings.filter { $0.criterion.hasPrefix("DE.") }
        #expect(design.count == 6)
        #expect(design.allSatisfy { $0.outcome == .notApplicable })
        #expect(result.level?.rank == 1)
        #expect(result.levelScores?["1"] == 1)
    }

    @Test func syntheticExampleEvidenceFitsTheRubric() {
        var random = SeededGenerator(seed: 7, label: "qmd")
        let request = ExampleRequest(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "x"), quality: 0.7, asOf: testDay,
                                     onSite: false, missingRate: 0)
        let contribution = rubric.exampleEvidence(for: request, context: RubricContext(descriptor: rubric.descriptor), random: &random)
        let facts = contribution.facts[.survey] ?? [:]
        #expect(facts["qmd.profile.designResponsibility"]?.boolValue != nil)
        #expect(facts["qmd.PR.spcShare"]?.numberValue != nil)
        let result = assess(rubric, facts)
        #expect(!result.findings.contains { $0.outcome == .error })
        #expect((result.coverage ?? 0) >= 0.8)
    }
}

@Suite struct DigitalMaturityExampleEvidenceTests {
    @Test func syntheticSurveysSpreadOverLevels() {
        let rubric = DigitalMaturityRubric()
        var levels: [Int] = []
        for seed in 0..<40 {
            var random = SeededGenerator(seed: UInt64(seed), label: "dm")
            let request = ExampleRequest(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "x"), quality: Double(seed) / 40,
                                         asOf: testDay, onSite: false, missingRate: 0.02)
            let facts = rubric.exampleEvidence(for: request, context: RubricContext(descriptor: rubric.descriptor), random: &random).facts[.survey] ?? [:]
            let result = assess(rubric, facts)
            #expect(!result.findings.contains { $0.outcome == .error })
            #expect(!result.notes.contains { $0.en.contains("not one of") })
            levels.append(result.level?.rank ?? 0)
        }
        // Low-quality enterprises stay low, high-quality ones reach the top levels.
        #expect(Set(levels).count >= 4)
        #expect(levels.prefix(5).allSatisfy { $0 <= 1 })
        #expect(levels.suffix(5).allSatisfy { $0 >= 4 })
    }
}
