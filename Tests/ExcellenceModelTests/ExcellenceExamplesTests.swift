import QCapCore
import Testing
@testable import ExcellenceModel

@Suite struct ExcellenceExamplesTests {
    @Test func everyExampleHolds() {
        let failures = ExampleRunner(rubric: ExcellenceRubric()).run()
        for failure in failures { print(failure.path, failure.message) }
        #expect(failures.isEmpty)
    }

    @Test func structureIsTheBriefsTable() {
        let descriptor = rubric.descriptor
        #expect(descriptor.id == "excellence")
        #expect(descriptor.scoring.model == .points)
        #expect(descriptor.scoring.maxPoints == 1000)
        #expect(descriptor.criteria.map(\.id) == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"])
        #expect(items.count == 23)
        #expect(items.reduce(0) { $0 + $1.points } == 1000)
        let categoryPoints = descriptor.criteria.map { ExcellenceSummary.leaves(of: $0).reduce(0) { $0 + $1.effectiveWeight } }
        #expect(categoryPoints == [110, 90, 90, 130, 100, 80, 400])
        #expect(descriptor.criterion("4.1.2")?.weight == 50)
        #expect(descriptor.criterion("4.1.3")?.weight == 30)
        #expect(descriptor.criterion("4.1.4")?.weight == 30)
        for item in items {
            #expect(descriptor.criterion(item.id)?.evidence?.probe == "excellence.consensus")
            #expect((descriptor.criterion(item.id)?.examples ?? []).count >= 3)
        }
    }

    @Test func everyItemMapsToConceptsAndEveryConceptIsEvidenced() {
        let settings = ExcellenceSettings(parameters: (rubric.descriptor.parameters ?? [:]).mapValues(\.value))
        #expect(settings.concepts.count == 9)
        #expect(Set(settings.itemConcepts.keys) == Set(items.map(\.id)))
        let used = Set(settings.itemConcepts.values.flatMap { $0 })
        #expect(used == Set(settings.concepts.map(\.id)))
        #expect(settings.itemKinds.filter { $0.value == .result }.keys.sorted() == ["4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7"])
        #expect(settings.readiness == nil)
        #expect(settings.problems.isEmpty)
    }
}

@Suite struct ExampleEvidenceTests {
    @Test func synthesisedSheetsAreValidTeamScores() {
        var applicants = 0
        for index in 0..<40 {
            let enterprise = Enterprise(id: "91350600MA2YTE0T0H", name: "示例\(index)")
            let request = ExampleRequest(enterprise: enterprise, quality: Double(index) / 40, asOf: asOf, onSite: false, missingRate: 0.05)
            var random = SeededGenerator(seed: 7, label: "excellence-\(index)")
            let contribution = rubric.exampleEvidence(for: request, random: &random)
            #expect(contribution.facts.isEmpty)
            guard let table = contribution.tables["assessor-scores.csv"] else { continue }
            applicants += 1
            #expect(table.provider == "assessor-scores")
            #expect(table.header == ["统一社会信用代码", "评审员", "轮次", "条目", "评分", "优势", "改进机会"])
            for row in table.rows {
                #expect(row.count == table.header.count)
                #expect(rubric.descriptor.criterion(row[3])?.isLeaf == true)
                #expect(AssessmentRound(parsing: row[2]) != nil)
                let value = Double(row[4]) ?? -1
                #expect(value >= 0 && value <= 100 && value.truncatingRemainder(dividingBy: 5) == 0)
            }
        }
        // About three in five enterprises apply for the award.
        #expect(applicants > 10 && applicants < 35)
    }
}
