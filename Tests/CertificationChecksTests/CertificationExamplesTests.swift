@testable import CertificationChecks
import QCapCore
import Testing

@Suite struct CertificationExamplesTests {
    @Test func everyExampleGivesItsStatedOutcome() throws {
        let failures = try ExampleRunner(rubric: CertificationRubric()).run()
        for failure in failures { Issue.record("\(failure.path): \(failure.message)") }
        #expect(failures.isEmpty)
    }

    @Test func everyLeafHasAMetAndAShortfallExample() {
        for (criterion, _, _) in CertificationRubric().descriptor.allCriteria() where criterion.isLeaf {
            let outcomes = Set((criterion.examples ?? []).map(\.outcome))
            #expect(outcomes.contains(.met), "\(criterion.id) has no met example")
            #expect(!outcomes.isDisjoint(with: [.notMet, .partial, .error, .noEvidence]), "\(criterion.id) has no shortfall example")
        }
    }

    @Test func everyFamilyNodeIsDescribedInTheFamiliesParameter() throws {
        let rubric = CertificationRubric()
        let config = try CertificationConfig.parse(rubric.descriptor.parameters?.mapValues(\.value) ?? [:])
        for node in rubric.descriptor.criteria {
            #expect(config.family(node.id) != nil, "family \(node.id)")
            for leaf in node.children ?? [] {
                #expect(leaf.id.hasPrefix(node.id + "."))
                #expect(rubric.probes.contains { $0.id == leaf.evidence?.probe })
            }
        }
    }
}
