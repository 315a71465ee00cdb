import Foundation
import QCapCore
import Testing
@testable import QCapReports

@Suite struct ComparisonRenderTests {
    func comparison(name: String = "企业", baseline: Bool = false) throws -> Comparison {
        let descriptor = try ReportFixtures.descriptor()
        let entries = (1...4).map { index in
            ComparisonBuilder.Entry(runID: 2, enterprise: ReportFixtures.enterprise(index, name: index == 1 ? name : nil),
                                    result: ReportFixtures.summary(score: Double(40 + 10 * index), level: index, descriptor: descriptor))
        } + [ComparisonBuilder.Entry(runID: 2, enterprise: ReportFixtures.enterprise(5),
                                     result: ReportFixtures.summary(score: 99, level: 5, descriptor: descriptor, version: "9.9.9"))]
        let previous = (1...4).map { index in
            ComparisonBuilder.Entry(runID: 1, enterprise: ReportFixtures.enterprise(index),
                                    result: ReportFixtures.summary(score: Double(35 + 10 * index), level: max(1, index - 1), descriptor: descriptor))
        }
        return ComparisonBuilder(period: "2026", entries: entries, baselinePeriod: baseline ? "2025" : nil, baseline: baseline ? previous : [],
                                 region: .init(code: "350600", name: "漳州市"), descriptors: [descriptor.contentHash: descriptor]).build()
    }

    @Test func jsonIsTheDocumentedSchema() throws {
        let json = try JSONParser.parse(ComparisonJSON.render(try comparison(baseline: true)))
        #expect(json["schema"]?.stringValue == "qcap.comparison/v1")
        #expect(json["period"]?.stringValue == "2026")
        #expect(json["baselinePeriod"]?.stringValue == "2025")
        for key in ["region", "filters", "benchmark", "columns", "rows", "statistics", "targets", "leftApart", "notes"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let cell = json["rows"]?[0]?["cells"]?[0]
        for key in ["rubric", "runId", "score", "level", "rank", "coverage", "benchmarkGap", "change"] {
            #expect(cell?[key] != nil, "cell lacks \(key)")
        }
        #expect(cell?["change"]?["scoreDelta"]?.numberValue == 5)
        #expect(json["statistics"]?[0]?["scores"]?["p75"] != nil)
        #expect(json["leftApart"]?[0]?["reasons"]?[0]?["en"]?.stringValue == "rubric version differs (1.0.0 / 9.9.9)")
    }

    @Test func csvIsExcelSafe() throws {
        let csv = ComparisonCSV().render(try comparison(name: "=HYPERLINK(\"http://x\",\"y\")", baseline: true))
        #expect(csv.hasPrefix("\u{FEFF}统一社会信用代码,企业名称"))
        #expect(csv.contains("\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
        #expect(csv.contains("demo-capability 得分变化"))
        // Signed changes stay plain numbers.
        #expect(csv.contains(",5,1,"))
    }

    @Test func htmlIsWellFormedAndEscaped() throws {
        let html = ComparisonHTML().render(try comparison(name: "<script>alert(1)</script>", baseline: true))
        let checked = HTMLChecker.check(html)
        #expect(checked.problems.isEmpty, "\(checked.problems)")
        #expect(!html.contains("<script"))
        let ids = Set(checked.elements.compactMap { $0.attributes["id"] })
        #expect(ids.isSuperset(of: ["statistics", "levels", "targets", "matrix", "left-apart"]))
        #expect(!checked.elements.contains { $0.name == "script" || $0.attributes["src"] != nil })
        #expect(html.contains("P25"))
        #expect(html.contains("检验级"))
    }

    @Test func tableAndMarkdownShowEverySection() throws {
        let comparison = try comparison(baseline: true)
        let table = ComparisonTable().render(comparison)
        for part in ["统计", "等级分布", "国家 2025 年新增目标", "本范围新增", "未纳入比较的结果", "规则版本不同", "基期 2025"] {
            #expect(table.contains(part), "table lacks \(part)")
        }
        let markdown = ComparisonMarkdown(language: .en).render(comparison)
        for part in ["## Matrix", "## Statistics", "### Levels:", "national 2025 new-entrant targets", "New in cohort", "## Results left apart"] {
            #expect(markdown.contains(part), "markdown lacks \(part)")
        }
    }

    @Test func historyTracksChangesAcrossRuns() throws {
        let descriptor = try ReportFixtures.descriptor()
        let enterprise = ReportFixtures.enterprise(1)
        let day = Day(iso: "2026-06-30") ?? .earliest
        let runs = (1...3).map { EnterpriseHistory.Run(id: $0, created: "t\($0)", who: "w", period: $0 == 1 ? "2025" : "2026", asOf: day, inputsHash: "h") }
        let history = EnterpriseHistory(enterprise: enterprise, runs: runs, results: [
            (1, ReportFixtures.summary(score: 50, level: 2, descriptor: descriptor)),
            (2, ReportFixtures.summary(score: 62.5, level: 3, descriptor: descriptor)),
            (3, ReportFixtures.summary(score: 70, level: 3, descriptor: descriptor, version: "2.0.0")),
        ])
        #expect(history.runs.map(\.id) == [1, 2, 3])
        #expect(history.runs[0].results[0].change == nil)
        #expect(history.runs[1].results[0].change?.scoreDelta == 12.5)
        #expect(history.runs[1].results[0].change?.levelDelta == 1)
        #expect(history.runs[2].results[0].change?.comparable == false)
        let table = HistoryRenderer().table(history)
        #expect(table.contains("+12.5"))
        #expect(table.contains("↑1"))
        #expect(table.contains("与第 2 次运行不可比"))
        let json = try JSONParser.parse(HistoryRenderer.json(history))
        #expect(json["schema"]?.stringValue == "qcap.history/v1")
        #expect(HistoryRenderer().csv(history).hasPrefix("\u{FEFF}"))
    }
}
