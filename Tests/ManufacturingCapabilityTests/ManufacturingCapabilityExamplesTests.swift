import Testing
import QCapCore
@testable import ManufacturingCapability

/// The rubric file itself: its shape, its parameters, and every example it carries.
@Suite struct ManufacturingCapabilityExamplesTests {
    let descriptor = Fixtures.rubric.descriptor

    @Test func everyExampleHolds() {
        let failures = ExampleRunner(rubric: Fixtures.rubric).run()
        for failure in failures { print("\(failure.path): \(failure.message)") }
        #expect(failures.isEmpty)
    }

    @Test func hasThirtyIndicatorsInFourDimensions() {
        #expect(descriptor.id == "manufacturing-capability")
        #expect(descriptor.module == "ManufacturingCapability")
        #expect(descriptor.factPrefix == "mqc")
        #expect(descriptor.leafCount == 30)
        #expect(descriptor.criteria.map(\.id) == ["D1", "D2", "D3", "D4"])
        #expect(descriptor.criteria.map { $0.children?.count ?? 0 } == [9, 8, 7, 6])
        let ids = descriptor.allCriteria().map(\.criterion.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func fiveLevelsLowToHigh() {
        #expect(descriptor.levels.map(\.id) == ["experience", "inspection", "assurance", "prevention", "excellence"])
        #expect(descriptor.levels.map(\.name.zh) == ["经验级", "检验级", "保证级", "预防级", "卓越级"])
        #expect(descriptor.scoring.model == .maturityGated)
        #expect(descriptor.scoring.threshold == 0.8)
    }

    @Test func everyIndicatorDescribesEveryLevelAndHasExamples() {
        for (criterion, _, _) in descriptor.allCriteria() where criterion.isLeaf {
            #expect(criterion.levels?.keys.sorted() == ["1", "2", "3", "4", "5"], "\(criterion.id)")
            for text in (criterion.levels ?? [:]).values {
                #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(criterion.id)")
            }
            #expect(criterion.remediation != nil, "\(criterion.id)")
            let outcomes = Set((criterion.examples ?? []).map(\.outcome))
            #expect(outcomes.contains(.met), "\(criterion.id) has no example that meets")
            #expect(!outcomes.isDisjoint(with: [.partial, .notMet]), "\(criterion.id) has no example that falls short")
        }
    }

    @Test func mustPassSetIsSmall() {
        let mustPass = descriptor.allCriteria().filter { $0.criterion.mustPass == true }.map(\.criterion.id)
        #expect(mustPass == ["D1.01", "D1.08", "D4.06"])
    }

    @Test func thresholdParametersMatchTheRules() throws {
        for (id, name) in PerformanceProbe.thresholdParameters {
            let criterion = try #require(descriptor.criterion(id))
            #expect(criterion.evidence?.probe == PerformanceProbe.id)
            let parameter = try #require(descriptor.parameters?[name])
            #expect(parameter.status == .assumption)
            let fromParameter = try #require(parameter.value.objectValue).dictionary().mapValues { $0.numberValue }
            let fromRule = try #require(criterion.evidence?.rule?.thresholds).mapValues { Optional($0) }
            #expect(fromParameter == fromRule, "\(id) / \(name)")
        }
    }

    /// 《制造业卓越质量工程实施意见》 (Dec 2023): new enterprises per level and new QMS adopters, not totals.
    @Test func nationalTargetsAreTheSourcedNewEntrantFigures() throws {
        let parameter = try #require(descriptor.parameters?["nationalTargets"])
        func counts(_ year: String) -> [String: Double]? {
            parameter.value[year]?["newAtLevel"]?.objectValue?.dictionary().compactMapValues(\.numberValue)
        }
        #expect(counts("2025") == ["inspection": 5000, "assurance": 500, "prevention": 50])
        #expect(counts("2027") == ["inspection": 10000, "assurance": 1000, "prevention": 100, "excellence": 10])
        #expect(parameter.value["2025"]?["newQMSAdopters"]?.numberValue == 50000)
        #expect(parameter.value["2027"]?["newQMSAdopters"]?.numberValue == 100000)
        #expect(parameter.status == .sourced)
        #expect(parameter.source?.contains("工信部联科〔2023〕249号") == true)
        #expect(parameter.source?.contains("新华社") == true)
    }

    @Test func sharesAddUpAsDocumented() {
        let plan = RubricEngine(rubric: Fixtures.rubric)
        // One enterprise with everything at level 5: every level's share is 1, the score 100.
        let result = plan.evaluate(Fixtures.evidence(Fixtures.facts()), context: Fixtures.context)
        #expect(result.score == 100)
        #expect(result.levelScores == ["1": 1, "2": 1, "3": 1, "4": 1, "5": 1])
    }
}
