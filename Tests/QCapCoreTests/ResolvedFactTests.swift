import Testing
@testable import QCapCore

/// The one helper that resolves a criterion's fact: the value that counts (with what it overrode), no evidence, or a
/// conflict. The engine's rules and every probe go through it, so its three cases are pinned here.
@Suite struct ResolvedFactTests {
    let enterprise = Enterprise(id: "91350600K8PBRNYTPB", name: "测试企业")

    func fact(_ value: JSONValue, _ source: Provenance.Source, file: String, line: Int) -> Fact {
        Fact(key: "t.a", value: value, provenance: Provenance(provider: "test", file: file, line: line, source: source))
    }

    func resolve(_ facts: [Fact]) -> ResolvedFact {
        ResolvedFact.resolve("t.a", in: Evidence(enterprise: enterprise, facts: facts), criterion: "a",
                             missing: LocalizedText(zh: "年度合格率", en: "the yearly pass rate"))
    }

    @Test func theHighestRankingValueCountsAndCitesWhatItOverrode() throws {
        let resolved = resolve([fact(0.9, .selfAssessment, file: "self.json", line: 3), fact(0.8, .onSite, file: "site.json", line: 7)])
        guard case .value(let resolution) = resolved else {
            Issue.record("expected a value, got \(resolved)")
            return
        }
        #expect(resolution.value == 0.8)
        #expect(resolution.cited.map(\.file) == ["site.json", "self.json"])
        let message = resolution.noting(LocalizedText(zh: "达标", en: "met"))
        #expect(message.en == "met; onsite value wins over 0.9 (self, self.json:3)")
        #expect(message.zh == "达标；onsite 取值优先，差异：0.9 (self, self.json:3)")
    }

    @Test func aSingleOrAgreeingValueAddsNothingToTheMessage() {
        let resolved = resolve([fact(0.9, .selfAssessment, file: "a.json", line: 1), fact(0.9, .selfAssessment, file: "b.json", line: 1)])
        guard case .value(let resolution) = resolved else {
            Issue.record("expected a value, got \(resolved)")
            return
        }
        #expect(resolution.noting(LocalizedText("met")) == LocalizedText("met"))
        #expect(resolution.cited.map(\.file) == ["a.json"])
    }

    @Test func noSourceIsNoEvidenceSayingWhatToCollect() {
        guard case .noEvidence(let finding) = resolve([]) else {
            Issue.record("expected noEvidence")
            return
        }
        #expect(finding.criterion == "a")
        #expect(finding.outcome == .noEvidence)
        #expect(finding.score == nil)
        #expect(finding.message == LocalizedText(zh: "缺少证据，请收集：年度合格率", en: "no evidence; collect: the yearly pass rate"))
    }

    @Test func sourcesOfTheSameRankThatDisagreeAreAConflictCitingBoth() {
        let resolved = resolve([fact(0.9, .survey, file: "a.csv", line: 2), fact(0.7, .survey, file: "b.csv", line: 5)])
        guard case .conflict(let finding) = resolved else {
            Issue.record("expected a conflict, got \(resolved)")
            return
        }
        #expect(finding.outcome == .error)
        #expect(finding.score == 0)
        #expect(finding.evidence.map(\.file) == ["a.csv", "b.csv"])
        #expect(finding.message.en == "conflicting evidence: 0.9 (a.csv:2) / 0.7 (b.csv:5)")
    }
}
