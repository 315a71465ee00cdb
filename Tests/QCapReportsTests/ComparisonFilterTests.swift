import QCapCore
import Testing
@testable import QCapReports

@Suite struct ComparisonFilterTests {
    func filter(_ text: String) throws -> ComparisonFilter {
        try ComparisonFilter.parse(text).get()
    }

    @Test func parsesEveryForm() throws {
        #expect(try filter("region=350602").field == .region)
        #expect(try filter("industry = C34").field == .industry)
        #expect(try filter("size=中型").field == .size)
        let level = try filter("level>=3")
        #expect(level.field == .level(rubric: nil))
        #expect(level.op == .greaterOrEqual)
        #expect(level.number == 3)
        #expect(level.description == "level>=3")
        #expect(try filter("manufacturing-capability.level<2").field == .level(rubric: "manufacturing-capability"))
        #expect(try filter("score!=50").op == .notEqual)
        #expect(try filter("region!=350602").op == .notEqual)
    }

    @Test func rejectsWhatItCannotRead() {
        for text in ["region", "=3", "level>=", "colour=red", "level>=high", "region>=35", "x.region=1"] {
            #expect(throws: ComparisonFilter.FilterError.self, "\(text)") { try ComparisonFilter.parse(text).get() }
        }
    }

    @Test func regionCodesAreHierarchical() throws {
        let district = Enterprise(id: "x", name: "x", region: "350602")
        #expect(try filter("region=350602").accepts(district))
        #expect(try filter("region=350600").accepts(district))
        #expect(try filter("region=350000").accepts(district))
        #expect(!(try filter("region=350603").accepts(district)))
        #expect(!(try filter("region=440000").accepts(district)))
        #expect(!(try filter("region!=350600").accepts(district)))
    }

    @Test func industryIsAPrefixAndSizeKnowsBothLanguages() throws {
        let enterprise = Enterprise(id: "x", name: "x", industry: "C34", size: "中型")
        #expect(try filter("industry=c3").accepts(enterprise))
        #expect(!(try filter("industry=C35").accepts(enterprise)))
        #expect(try filter("size=medium").accepts(enterprise))
        #expect(try filter("size=中型").accepts(enterprise))
        #expect(!(try filter("size=large").accepts(enterprise)))
    }

    @Test func levelAndScoreConditionsApplyToResults() throws {
        let descriptor = try ReportFixtures.descriptor()
        let three = ReportFixtures.summary(score: 70, level: 3, descriptor: descriptor)
        let none = ReportFixtures.summary(score: 20, level: nil, descriptor: descriptor)
        #expect(try filter("level>=3").accepts(results: [three]))
        #expect(!(try filter("level>3").accepts(results: [three])))
        #expect(!(try filter("level>=1").accepts(results: [none])))
        #expect(try filter("score<=70").accepts(results: [three]))
        #expect(try filter("demo-capability.level=3").accepts(results: [three]))
        #expect(!(try filter("other.level=3").accepts(results: [three])))
        #expect(!(try filter("level>=1").accepts(results: [])))
    }
}
