import QCapCore
import Testing

@testable import DigitalMaturity

@Suite struct ExampleTests {
    @Test(arguments: DigitalMaturityModule.rubrics.map(\.id))
    func everyExampleHolds(_ id: String) throws {
        let rubric = try #require(DigitalMaturityModule.rubrics.first { $0.id == id })
        let failures = try ExampleRunner(rubric: rubric).run()
        for failure in failures { print(failure.path, failure.message) }
        #expect(failures.isEmpty)
    }

    @Test func everyLeafHasMetAndShortfallExamples() {
        for rubric in DigitalMaturityModule.rubrics {
            for (criterion, _, _) in rubric.descriptor.allCriteria() where criterion.isLeaf {
                let outcomes = Set((criterion.examples ?? []).map(\.outcome))
                #expect(outcomes.contains(.met), "\(rubric.id) \(criterion.id)")
                #expect(!outcomes.isDisjoint(with: [.partial, .notMet]), "\(rubric.id) \(criterion.id)")
            }
        }
    }

    @Test func shapeOfDigitalMaturity() {
        let descriptor = DigitalMaturityRubric().descriptor
        #expect(descriptor.criteria.map(\.id) == ["PER", "TEC", "RES", "MFG"])
        let domains = descriptor.criteria.flatMap { $0.children ?? [] }
        #expect(domains.map(\.id) == subDomains)
        for domain in domains {
            #expect((domain.children ?? []).map(\.level) == [1, 2, 3, 4, 5], "\(domain.id)")
        }
        #expect(descriptor.leafCount == 100)
        #expect(descriptor.levels.map(\.name.zh) == ["一级规划级", "二级规范级", "三级集成级", "四级优化级", "五级引领级"])
    }

    @Test func shapeOfQMDigitalization() {
        let descriptor = QMDigitalizationRubric().descriptor
        #expect(descriptor.criteria.map(\.id) == ["DE", "PR", "QA", "SC", "DM"])
        #expect(descriptor.leafCount == 39)
        let probed = descriptor.allCriteria().filter { $0.criterion.evidence?.probe == MetricThresholdProbe.id }
        #expect(Set(probed.compactMap { $0.criterion.evidence?.fact }) == ["qmd.PR.spcShare", "qmd.QA.traceDepth", "qmd.QA.autoCaptureShare"])
        for (criterion, _, _) in probed {
            let name = MetricThresholdProbe.parameterName(for: criterion.evidence?.fact ?? "")
            #expect(descriptor.parameter(name)?[String(criterion.level ?? 0)]?["met"]?.numberValue != nil, "\(criterion.id)")
        }
    }
}
