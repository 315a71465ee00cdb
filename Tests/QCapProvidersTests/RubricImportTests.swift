import Foundation
import Testing
import QCapCore
@testable import QCapProviders

/// `qcap rubrics import`: an evaluator's indicator table (GB18030, as Excel writes it) becomes a rubric that validates.
@Suite struct RubricImportTests {
    static let levels: [ScaleLevel] = {
        let json = #"""
        [{"rank": 1, "id": "experience", "name": {"zh": "经验级", "en": "Experience"}},
         {"rank": 2, "id": "inspection", "name": {"zh": "检验级", "en": "Inspection"}},
         {"rank": 3, "id": "assurance", "name": {"zh": "保证级", "en": "Assurance"}},
         {"rank": 4, "id": "prevention", "name": {"zh": "预防级", "en": "Prevention"}},
         {"rank": 5, "id": "excellence", "name": {"zh": "卓越级", "en": "Excellence"}}]
        """#
        return (try? JSONDecoder().decode([ScaleLevel].self, from: Data(json.utf8))) ?? []
    }()

    static let options = RubricTableImporter.Options(id: "zz-mqc-official", levels: levels, scaleName: "mqc5",
                                                     scaleOrigin: "rubric manufacturing-capability")

    static let header = "维度,指标编号,指标名称,权重,否决项,经验级,检验级,保证级,预防级,卓越级\n"

    func load(_ value: JSONValue) throws -> RubricDescriptor {
        try RubricLoader.load(data: Data(JSONWriter.write(value, style: .pretty).utf8), file: "out.json")
    }

    func importing(_ csv: String) throws -> JSONValue {
        try RubricTableImporter.rubric(from: CSVReader.parse(csv, file: "t.csv"), options: Self.options)
    }

    func errors(_ csv: String) -> [InputError] {
        do {
            _ = try importing(csv)
            return []
        } catch let error as InputErrors {
            return error.errors
        } catch {
            return [InputError(file: "?", message: "\(error)")]
        }
    }

    @Test func gb18030TableBecomesAValidRubric() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/indicators-gb18030.csv")
        let table = try CSVReader.read(contentsOf: url)
        #expect(table.encoding == .gb18030)
        let value = try RubricTableImporter.rubric(from: table, options: Self.options)
        // Loading validates the file and runs the generated examples.
        let descriptor = try load(value)
        #expect(descriptor.id == "zz-mqc-official")
        #expect(descriptor.factPrefix == "zzmqcofficial")
        #expect(descriptor.scoring.model == .maturityGated)
        #expect(descriptor.scoring.threshold == 0.8)
        #expect(descriptor.leafCount == 6)
        // "D1 质量管理体系有效性" keeps its id; the others are numbered; blank cells continue the dimension above.
        #expect(descriptor.criteria.map(\.id) == ["D1", "D2", "D3"])
        #expect(descriptor.criteria.map(\.title.zh) == ["质量管理体系有效性", "质量管理数字化", "质量绩效"])
        #expect(descriptor.criteria.map { $0.children?.count ?? 0 } == [3, 2, 1])
        // Without a dimension-weight column a dimension weighs what its indicators weigh ("15%" reads as 15).
        #expect(descriptor.criteria.map(\.weight) == [30, 20, 50])
        let first = try #require(descriptor.criterion("1.1"))
        #expect(first.weight == 15)
        #expect(first.mustPass == true)
        #expect(descriptor.criterion("1.2")?.mustPass == true)   // √
        #expect(descriptor.criterion("1.3")?.mustPass == false)  // blank
        #expect(descriptor.criterion("2.1")?.mustPass == false)  // 否
        #expect(first.requirement(atLevel: 4)?.zh == "目标随风险动态调整")
        #expect(first.remediation?.zh == "制定并分解质量目标")
        #expect(descriptor.provenance.basis.contains { $0.status == .drafted })  // no English columns: said so
        #expect(descriptor.provenance.basis.first?.source == "indicators-gb18030.csv (evaluator's indicator table)")
    }

    @Test func importedRubricGrades() throws {
        let descriptor = try load(try importing(Self.header
            + "D1 体系,,方针,1,是,a,b,c,d,e\n,,不合格品,1,,a,b,c,d,e\n,,审核,3,,a,b,c,d,e\n"))
        #expect(descriptor.criterion("D1.01") != nil)  // ids are generated when the column is blank
        let engine = RubricEngine(descriptor: descriptor)
        let enterprise = Enterprise(id: "91350600TEST000001", name: "测试")
        func grade(_ ratings: [String: Double]) -> Int? {
            let facts = ratings.map { Fact(key: "zzmqcofficial.\($0.key)", value: .number($0.value),
                                          provenance: Provenance(provider: "test", file: "t.json", source: .selfAssessment)) }
            return engine.evaluate(Evidence(enterprise: enterprise, facts: facts), context: AssessmentContext(asOf: Day(year: 2026, month: 6, day: 30) ?? .earliest)).level?.rank
        }
        #expect(grade(["D1.01": 5, "D1.02": 5, "D1.03": 5]) == 5)
        // D1.02 (share 0.2) at 4: 0.8 still holds level 5.
        #expect(grade(["D1.01": 5, "D1.02": 4, "D1.03": 5]) == 5)
        // The must-pass D1.01 at 3 holds the enterprise at 3.
        #expect(grade(["D1.01": 3, "D1.02": 5, "D1.03": 5]) == 3)
    }

    @Test func englishColumnsAndDimensionWeights() throws {
        let csv = "Dimension,Dimension weight,Indicator id,Indicator,Indicator name (en),Weight,Must pass,L1,L2,L3,L4,L5,L3 (en)\n"
            + "D1 Quality system,40,Q1,方针,Policy,1,Y,a,b,c,d,e,systematic\n"
            + ",,Q2,审核,Audit,1,N,a,b,c,d,e,\n"
            + "D2 Results,60,R1,合格率,Yield,1,,a,b,c,d,e,\n"
        let descriptor = try load(try importing(csv))
        #expect(descriptor.criteria.map(\.weight) == [40, 60])
        #expect(descriptor.criterion("Q1")?.title.en == "Policy")
        #expect(descriptor.criterion("Q1")?.requirement(atLevel: 3)?.en == "systematic")
        #expect(descriptor.criterion("Q2")?.requirement(atLevel: 3)?.en == "c")
        #expect(!descriptor.provenance.basis.contains { $0.status == .drafted })
    }

    @Test func missingLevelColumnNamesTheHeader() {
        let found = errors("维度,指标编号,指标名称,权重,否决项,经验级,检验级,保证级,预防级\nD1 x,1,a,1,,a,b,c,d\n")
        #expect(found.count == 1)
        #expect(found.first?.location == .line(1))
        #expect(found.first?.message.contains("level5") == true)
    }

    @Test func everyBadCellIsReportedWithItsRowAndColumn() {
        let found = errors(Self.header
            + ",1,a,1,,a,b,c,d,e\n"            // row 1: no dimension yet
            + "D1 体系,1,a,abc,,a,b,c,d,e\n"    // row 2: bad weight
            + ",1,b,1,也许,a,b,c,d,e\n"         // row 3: repeated id, bad must-pass
            + ",2,,1,,a,b,c,d,e\n"              // row 4: no name
            + ",3 x,c,1,,,,,,\n")               // row 5: bad id, no level text
        let described = found.map(\.description)
        #expect(found.count == 7, "\(described)")
        #expect(found.contains { $0.location == .column("维度", row: 1, line: 2) })
        #expect(found.contains { $0.location == .column("权重", row: 2, line: 3) && $0.message.contains("abc") })
        #expect(found.contains { $0.location == .column("指标编号", row: 3, line: 4) && $0.message.contains("repeats row 2") })
        #expect(found.contains { $0.location == .column("否决项", row: 3, line: 4) })
        #expect(found.contains { $0.location == .column("指标名称", row: 4, line: 5) })
        #expect(found.contains { $0.location == .column("指标编号", row: 5, line: 6) })
        #expect(found.contains { $0.location == .column("经验级", row: 5, line: 6) })
    }

    @Test func dimensionsMustStayTogether() {
        let found = errors(Self.header + "甲,1,a,1,,a,b,c,d,e\n乙,2,b,1,,a,b,c,d,e\n甲,3,c,1,,a,b,c,d,e\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("appears again") == true)
    }

    @Test func emptyTableIsAnError() {
        #expect(errors(Self.header).count == 1)
    }
}
