import Foundation
import Testing
import QCapCore

/// `qcap rubrics import TABLE.csv --points excellence` on the built-in rubric: the official points table
/// (GB/Z 19579-2012 Annex A, saved from Excel as GB18030) becomes the tailoring for qcap.json.
@Suite struct PointsImportTests {
    /// The official table's shape: categories, 提要 rows without points, and the items with their official numbers.
    /// The 资源 points here differ from the rubric's unverified defaults (40/15/20/20/15/20).
    static let table = """
        条目,条目名称,分值
        4.1,领导,110
        4.1.1,提要,
        4.1.2,高层领导的作用,50
        4.1.3,组织治理,30
        4.1.4,社会责任,30
        4.2.2,战略制定,40
        4.2.3,战略部署,50
        4.3.2,顾客和市场的了解,40
        4.3.3,顾客关系与顾客满意,50
        4.4,资源,130
        4.4.1,提要,
        4.4.2,人力资源,35
        4.4.3,财务资源,20
        4.4.4,信息和知识资源,20
        4.4.5,技术资源,20
        4.4.6,基础设施,15
        4.4.7,相关方关系,20
        合计,,1000
        """

    @Test func theOfficialTableGivesTheTailoringWeights() throws {
        let folder = try TemporaryFolder("points")
        defer { folder.remove() }
        let bytes = try #require(Self.table.data(using: String.Encoding(rawValue: 0x8000_0632)))   // GB18030
        try bytes.write(to: folder.url.appending(path: "分值表.csv"))
        let result = try QCapBinary.run(["rubrics", "import", "分值表.csv", "--points", "excellence", "-o", "points.json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let tailoring = try JSONParser.parse(Data(folder.read("points.json").utf8))
        let weights = try #require(tailoring["excellence"]?["weights"]?.objectValue)
        #expect(weights.count == 13)   // the rows of 4.1–4.4; 4.5–4.7 keep their points
        #expect(weights["4.4.2"]?.numberValue == 35)
        #expect(weights["4.4.3"]?.numberValue == 20)
        #expect(weights["4.2.2"]?.numberValue == 40)
    }

    @Test func aTableNumberedFromXX1StopsWithExitThree() throws {
        let folder = try TemporaryFolder("points")
        defer { folder.remove() }
        try folder.write("条目,条目名称,分值\n4.2.1,战略制定,40\n4.2.2,战略部署,50\n", to: "old.csv")
        let result = try QCapBinary.run(["rubrics", "import", "old.csv", "--points", "excellence", "-o", "points.json"], in: folder.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("old.csv:3"))
        #expect(result.stderr.contains("item 4.2.2 is 战略制定 in rubric excellence, but the table names it 战略部署"))
        #expect(!folder.exists("points.json"))
    }
}
