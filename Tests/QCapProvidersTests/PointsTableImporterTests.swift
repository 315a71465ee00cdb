import Foundation
import Testing
import QCapCore
@testable import QCapProviders

/// `qcap rubrics import TABLE.csv --points RUBRIC` (issue 15 §7): an official points table becomes the tailoring
/// weights, and a table numbered or summed differently stops with the row that shows it.
@Suite struct PointsTableImporterTests {
    /// A points rubric shaped like excellence: categories opening at x.x.2, 100 points in all.
    static func rubric() throws -> RubricDescriptor {
        func item(_ id: String, _ zh: String, _ points: Int) -> String {
            #"{"id": "\#(id)", "title": {"zh": "\#(zh)", "en": "\#(zh)"}, "weight": \#(points), "evidence": {"type": "percentage"}, "#
                + #""examples": [{"facts": {"pe.\#(id)": 100}, "outcome": "met"}]}"#
        }
        let json = #"""
        {"id": "mini-excellence", "version": "1.0.0", "title": {"zh": "小卓越", "en": "Mini"}, "factPrefix": "pe",
         "provenance": {"basis": [{"part": {"zh": "全部", "en": "All"}, "status": "drafted"}]},
         "scoring": {"model": "points", "maxPoints": 100},
         "criteria": [
           {"id": "4.1", "title": {"zh": "领导", "en": "Leadership"}, "weight": 40, "children": [\#(item("4.1.2", "高层领导的作用", 25)), \#(item("4.1.3", "组织治理", 15))]},
           {"id": "4.2", "title": {"zh": "战略", "en": "Strategy"}, "weight": 60, "children": [\#(item("4.2.2", "战略制定", 30)), \#(item("4.2.3", "战略部署", 30))]}]}
        """#
        return try RubricLoader.load(data: Data(json.utf8), file: "mini.json")
    }

    func importing(_ csv: String) throws -> JSONValue {
        try PointsTableImporter.tailoring(from: CSVReader.parse(csv, file: "分值表.csv"), descriptor: Self.rubric())
    }

    func errors(_ csv: String) -> [String] {
        do {
            _ = try importing(csv)
            return []
        } catch let error as InputErrors {
            return error.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func anOfficialTableBecomesTheTailoringWeights() throws {
        let csv = """
        条目,条目名称,分值
        4.1,领导,40
        4.1.1,提要,
        4.1.2,高层领导的作用,20
        4.1.3,组织治理,20
        4.2 战略,,60
        4.2.1 提要,,—
        4.2.2 战略制定,,25
        4.2.3 战略部署,,35
        合计,,100
        """
        let tailoring = try importing(csv)
        #expect(JSONWriter.write(tailoring) == #"{"mini-excellence":{"weights":{"4.1.2":20,"4.1.3":20,"4.2.2":25,"4.2.3":35}}}"#)
        // The weights are a valid tailoring of the rubric.
        let parsed = try Tailoring.parse(tailoring["mini-excellence"] ?? .null, path: "$.tailoring.mini-excellence", file: "qcap.json",
                                         descriptor: Self.rubric())
        #expect(parsed.weights["4.2.3"] == 35)
    }

    @Test func aNameThatIsAnotherItemsStopsTheImport() {
        // Numbered from x.x.1 (without the 提要): 4.2.2 is 战略部署 in the table but 战略制定 in the rubric.
        let problems = errors("条目,条目名称,分值\n4.2.1,战略制定,30\n4.2.2,战略部署,30\n")
        #expect(problems.contains { $0.contains("分值表.csv:3") && $0.contains("item 4.2.2 is 战略制定 in rubric mini-excellence, but the table names it 战略部署") })
        #expect(problems.contains { $0.contains("item 4.2.1 is not a criterion of rubric mini-excellence") })
    }

    @Test func sumsMustAgree() {
        let category = errors("条目,分值\n4.2,60\n4.2.2,30\n4.2.3,35\n4.1.2,20\n")
        #expect(category.contains { $0.contains("category 4.2 has 60 points, but its items add up to 65") })
        let total = errors("条目,分值\n4.2.2,30\n4.2.3,35\n")
        #expect(total.contains { $0.contains("the items add up to 105 points, not the rubric's 100 (items not in the table keep their points: 4.1.2, 4.1.3)") })
        #expect(errors("条目,分值\n4.2.2,三十\n").contains { $0.contains("points \"三十\" are not a number ≥ 0") })
        #expect(errors("条目,分值\n4.2.2,30\n4.2.2,30\n").contains { $0.contains("item 4.2.2 repeats row 1") })
    }
}
