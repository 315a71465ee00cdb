import Testing
import QCapCore
@testable import ManufacturingCapability

/// Example synthesis for `qcap init --example`, and the national-target comparison.
@Suite struct ModuleExtrasTests {
    func synthesize(seed: UInt64, quality: Double, missingRate: Double = 0) -> ExampleContribution {
        var random = SeededGenerator(seed: seed, label: "mqc")
        let request = ExampleRequest(enterprise: Fixtures.enterprise, quality: quality, asOf: ExampleRunner.defaultAsOf,
                                     onSite: true, missingRate: missingRate)
        return Fixtures.rubric.exampleEvidence(for: request, random: &random)
    }

    @Test func synthesisIsDeterministicAndGradable() {
        for seed in UInt64(1)...40 {
            let quality = Double(seed % 10) / 10
            let first = synthesize(seed: seed, quality: quality, missingRate: 0.05)
            let again = synthesize(seed: seed, quality: quality, missingRate: 0.05)
            #expect(first.facts == again.facts)
            var evidence = Evidence(enterprise: Fixtures.enterprise)
            for (source, facts) in first.facts {
                for (key, value) in facts {
                    evidence.add(Fact(key: key, value: value, provenance: Provenance(provider: "example", file: "x.json", source: source)))
                }
            }
            let result = RubricEngine(rubric: Fixtures.rubric).evaluate(evidence, context: Fixtures.context)
            #expect(!result.findings.contains { $0.outcome == .error }, "seed \(seed): \(result.findings.filter { $0.outcome == .error }.map(\.message.en))")
        }
    }

    @Test func synthesisFollowsQuality() {
        func meanLevel(_ quality: Double) -> Double {
            var total = 0.0
            for seed in UInt64(1)...30 {
                let declared = synthesize(seed: seed, quality: quality).facts[.declared] ?? [:]
                var evidence = Evidence(enterprise: Fixtures.enterprise)
                for (key, value) in declared {
                    evidence.add(Fact(key: key, value: value, provenance: Provenance(provider: "example", file: "x.json", source: .declared)))
                }
                let result = RubricEngine(rubric: Fixtures.rubric).evaluate(evidence, context: Fixtures.context)
                total += Double(Fixtures.finding(result, "D4.01")?.level ?? 0)
            }
            return total / 30
        }
        #expect(meanLevel(0.9) > meanLevel(0.3) + 1.5)
    }
}
