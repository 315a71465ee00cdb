import Foundation
import QCapCore
import Testing
@testable import QCapReports

@Suite struct ReportHTMLTests {
    static let hostile = "<script>alert(1)</script>"

    func report(name: String = "漳州甲机械有限公司", language: Language = .zh) throws -> EnterpriseReport {
        let descriptor = try ReportFixtures.descriptor()
        let enterprise = Enterprise(id: "91350602MA2XYZ0001", name: name, region: "350602", industry: "C34", size: "中型")
        let result = ReportFixtures.result(enterprise, levels: [3, 3, 4, 2, 3, nil], descriptor: descriptor)
        return EnterpriseReport(enterprise: enterprise, period: "2026", asOf: Day(iso: "2026-06-30") ?? .earliest,
                                runs: [.init(id: 3, created: "2026-06-30T08:00:00Z", who: "evaluator", inputsHash: String(repeating: "ab", count: 32),
                                             qcapVersion: "0.1.0", asOf: Day(iso: "2026-06-30") ?? .earliest)],
                                sections: [.init(result: result, descriptor: descriptor, runID: 3)],
                                review: [LocalizedText(zh: "统一社会信用代码校验位不符，请复核", en: "check character fails; review")], qcapVersion: "0.1.0")
    }

    @Test func wellFormedWithEveryExpectedSection() throws {
        let html = ReportHTML().render(try report())
        let checked = HTMLChecker.check(html)
        #expect(checked.problems.isEmpty, "\(checked.problems)")
        let ids = Set(checked.elements.compactMap { $0.attributes["id"] })
        #expect(ids.isSuperset(of: ["summary", "rubric-demo-capability", "review"]))
        for heading in ["评价结论", "改进计划：距下一等级的差距", "发现与整改建议", "证据覆盖与缺失证据", "评级规则", "规则版本与来源", "需复核事项"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
        #expect(html.contains("评价基准日"))
        #expect(html.contains("2026-06-30"))
        #expect(html.contains("@page { size: A4"))
        #expect(checked.elements.contains { $0.name == "svg" && $0.attributes["class"] == "chart radar" })
        #expect(checked.elements.filter { $0.name == "polygon" }.count == 6)
        // The lifting set is marked, the missing evidence says what to collect, the rule is stated.
        #expect(html.contains("class=\"lift-row\""))
        #expect(html.contains("D3.02"))
        #expect(html.contains("缺少证据，请收集"))
        #expect(html.contains("成熟度门槛"))
        #expect(html.contains("standards.md §1"))
        #expect(html.contains("制定并发布质量方针"))
    }

    @Test func selfContainedNoScriptsNoNetwork() throws {
        let html = ReportHTML().render(try report())
        let checked = HTMLChecker.check(html)
        #expect(!checked.elements.contains { ["script", "link", "img", "iframe", "object", "embed"].contains($0.name) })
        for element in checked.elements {
            #expect(element.attributes["src"] == nil)
            if let href = element.attributes["href"] { #expect(href.hasPrefix("#"), "external link \(href)") }
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "event handler on <\(element.name)>")
        }
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func everyInputTextIsEscaped() throws {
        var hostile = try report(name: Self.hostile)
        hostile.enterprise.region = "\"><img src=x onerror=alert(1)>"
        hostile.review = [LocalizedText(Self.hostile)]
        hostile.sections[0].result.findings[0].message = LocalizedText(Self.hostile)
        hostile.sections[0].result.rubric.title = LocalizedText(Self.hostile)
        for language in Language.allCases {
            let html = ReportHTML(language: language).render(hostile)
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(HTMLChecker.check(html).problems.isEmpty)
        }
    }

    @Test func dimensionsWhereNothingAppliesStayOffTheRadar() throws {
        let descriptor = try ReportFixtures.descriptor()
        let enterprise = Enterprise(id: "91350602MA2XYZ0001", name: "x")
        var evidence = Evidence(enterprise: enterprise)
        for leaf in ReportFixtures.leaves {
            evidence.add(Fact(key: "demo.\(leaf)", value: .number(3), provenance: Provenance(provider: "q", file: "f", source: .selfAssessment)))
        }
        let result = RubricEngine(descriptor: descriptor, tailoring: Tailoring(exclude: ["D3.01", "D3.02"]))
            .evaluate(evidence, context: AssessmentContext(asOf: Day(iso: "2026-06-30") ?? .earliest))
        let section = EnterpriseReport.Section(result: result, descriptor: descriptor)
        #expect(section.dimensions.map(\.criterion) == ["D1", "D2"])
        let report = EnterpriseReport(enterprise: enterprise, period: "2026", asOf: Day(iso: "2026-06-30") ?? .earliest, runs: [],
                                      sections: [section], qcapVersion: "0.1.0")
        let html = ReportHTML().render(report)
        #expect(html.contains("class=\"chart bars\""))
        #expect(html.contains("本组条款均不适用"))
    }

    @Test func englishOnRequest() throws {
        let html = ReportHTML(language: .en).render(try report())
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Improvement plan: the gap to the next level"))
        #expect(html.contains("Maturity gated"))
        #expect(!html.contains("改进计划"))
    }

    @Test func onTheFlyReportSaysSo() throws {
        var report = try report()
        report.runs = []
        #expect(ReportHTML().render(report).contains("即时评价"))
        #expect(ReportJSON.render(report).contains("\"kind\" : \"assessedOnTheFly\""))
    }

    @Test func jsonAndMarkdown() throws {
        let report = try report()
        let json = try JSONParser.parse(ReportJSON.render(report))
        #expect(json["schema"]?.stringValue == "qcap.report/v1")
        #expect(json["enterprise"]?["id"]?.stringValue == "91350602MA2XYZ0001")
        #expect(json["source"]?["runs"]?[0]?["inputsHash"] != nil)
        #expect(json["results"]?[0]?["gap"]?["liftCount"] != nil)
        #expect(json["rubrics"]?[0]?["rule"]?["zh"] != nil)
        let markdown = ReportMarkdown().render(report)
        #expect(markdown.contains("## 示例质量管理能力"))
        #expect(markdown.contains("### 改进计划：距下一等级的差距"))
        let escaped = ReportMarkdown().render(try self.report(name: "a|b <x>"))
        #expect(escaped.contains("a\\|b \\<x\\>"))
    }
}
