import Foundation
import QCapCore
import Testing

@testable import QCapProviders

/// The fact catalogue of the two digital rubrics, read from the package's rubrics/ folder (this target does not
/// depend on the rubric module, as providers never import one).
private let catalog: FactCatalog = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rubrics")
    let rubrics: [any Rubric] = ["digital-maturity.json", "qm-digitalization.json"].compactMap { name in
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
              let descriptor = try? RubricLoader.decode(data: data, file: name).0 else { return nil }
        return DeclarativeRubric(descriptor: descriptor)
    }
    return FactCatalog(rubrics: rubrics)
}()

private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qcap-survey-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url
}

private func open(_ url: URL, display: String = "survey.csv", options: [String: JSONValue] = [:]) throws(InputErrors) -> any EvidenceSource {
    try DigitalSurveyProvider().open(SourceReference(provider: "digital-survey", url: url, displayPath: display, options: options),
                                     context: ProviderContext(catalog: catalog))
}

private func values(_ source: any EvidenceSource, _ id: String) throws -> [String: JSONValue] {
    Dictionary(try source.facts(for: Enterprise(id: id, name: "")).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
}

private func errors(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let error as InputErrors {
        return error.errors.map(\.description)
    } catch {
        return ["unexpected \(error)"]
    }
}

@Suite struct DigitalSurveyTests {
    @Test func catalogueLoaded() {
        #expect(catalog.entry("dm.PD.L2") != nil)
        #expect(catalog.entry("qmd.PR.spcShare") != nil)
    }

    @Test(arguments: [
        ("dm.PD.L2", "dm.PD.L2"), ("PD.L2", "dm.PD.L2"), ("pd.l2", "dm.PD.L2"), ("PD.L3 产品设计·三级", "dm.PD.L3"),
        ("产品设计-二级", "dm.PD.L2"), ("产品设计（二级）", "dm.PD.L2"), ("产品设计 二级规范级", "dm.PD.L2"), ("产品设计L2", "dm.PD.L2"),
        ("计划与调度·五级", "dm.PS.L5"), ("计划调度 引领级", "dm.PS.L5"), ("集成-三级", "dm.IN.L3"), ("产品服务 1级", "dm.PSV.L1"),
        ("在线检测（集成级）", "qmd.PR.OLI.L2"), ("人、机、料、法、环、测数据采集-智能级", "qmd.DM.ELM.L3"), ("QA.TRC.L1", "qmd.QA.TRC.L1"),
        ("业务系统集成（ERP/MES/WMS/SCM）·基础级", "qmd.SC.INT.L1"),
        ("关键工序SPC覆盖率", "qmd.PR.spcShare"), ("追溯深度（BOM层级）", "qmd.QA.traceDepth"), ("检验记录自动采集率", "qmd.QA.autoCaptureShare"),
        ("PR.spcShare", "qmd.PR.spcShare"), ("生产类型", "dm.profile.processType"), ("是否自营物流", "dm.profile.logistics"),
        ("productService", "dm.profile.productService"), ("是否承担产品设计", "qmd.profile.designResponsibility"),
    ])
    func headersResolve(_ header: String, _ key: String) {
        let resolver = SurveyColumnResolver(catalog: catalog, prefixes: ["dm", "qmd"])
        #expect(resolver.resolve(header) == .fact(key), "\(header)")
    }

    @Test(arguments: ["产品设计", "产品设计-六级", "在线检测-四级", "PD.L6", "备注", "dm.XX.L1", "L2", "物流"])
    func headersThatNameNothing(_ header: String) {
        let resolver = SurveyColumnResolver(catalog: catalog, prefixes: ["dm", "qmd"])
        #expect(resolver.resolve(header) == .unknown, "\(header)")
    }

    @Test func wideCSVWithChineseHeaders() throws {
        let csv = """
            统一社会信用代码,企业名称,dm.OS.L1,产品设计-二级,PD.L3 产品设计·三级,生产类型,是否自营物流,关键工序SPC覆盖率,追溯深度（BOM层级）,在线检测（集成级）
            91350600MA2YYYYY1Y,甲公司,全部满足,most,0.5,离散型,是,45%,2,部分满足
            91350600MA2WWWWW2W,乙公司,,,,流程型,否,0.8,0,

            """
        let source = try open(try temporaryFile("survey.csv", csv))
        #expect(source.enterpriseIDs == ["91350600MA2YYYYY1Y", "91350600MA2WWWWW2W"])
        let first = try values(source, "91350600MA2YYYYY1Y")
        #expect(first == ["dm.OS.L1": "全部满足", "dm.PD.L2": "most", "dm.PD.L3": "0.5", "dm.profile.processType": "discrete",
                          "dm.profile.logistics": true, "qmd.PR.spcShare": 0.45, "qmd.QA.traceDepth": 2, "qmd.PR.OLI.L2": "部分满足"])
        let second = try values(source, "91350600MA2WWWWW2W")
        #expect(second == ["dm.profile.processType": "process", "dm.profile.logistics": false, "qmd.PR.spcShare": 0.8, "qmd.QA.traceDepth": 0])
        let fact = try #require(try source.facts(for: Enterprise(id: "91350600MA2YYYYY1Y", name: "")).first)
        #expect(fact.provenance.citation == "survey.csv:2 row 1")
        #expect(fact.provenance.source == .survey)
    }

    @Test func gb18030FromExcel() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/digital-survey-gb18030.csv")
        let source = try open(url)
        #expect(try values(source, "91350600MA2YYYYY1Y") == ["dm.OS.L1": "全部满足", "dm.PD.L2": "大部分满足", "dm.profile.processType": "discrete",
                                                             "dm.profile.logistics": true, "qmd.PR.spcShare": 0.45])
        #expect(try values(source, "91350600MA2WWWWW2W")["dm.OS.L1"] == "部分满足")
    }

    @Test func unknownColumnsAreBadInputWithTheirColumn() throws {
        let csv = "统一社会信用代码,PD.L2,联系人,产品设计-六级\n91350600MA2YYYYY1Y,full,张三,full\n"
        let url = try temporaryFile("survey.csv", csv)
        let problems = errors { _ = try open(url) }
        #expect(problems == [
            "survey.csv:1: column \"联系人\": unknown requirement \"联系人\" (column 3); expected \(SurveyReader.expectedHeader)",
            "survey.csv:1: column \"产品设计-六级\": unknown requirement \"产品设计-六级\" (column 4); expected \(SurveyReader.expectedHeader)",
        ])
        // Listing the contact column as ignored leaves only the real mistake.
        let ignored = errors { _ = try open(url, options: ["ignoreColumns": ["联系人"]]) }
        #expect(ignored.count == 1)
        #expect(ignored.first?.contains("产品设计-六级") == true)
    }

    @Test func badCellsNameRowAndColumn() throws {
        let csv = """
            USCC,PD.L2,关键工序SPC覆盖率,生产类型,是否自营物流
            91350600MA2YYYYY1Y,很好,abc,离散,也许
            91350600MA2YYYYY1Y,full,,,
            123,full,,,

            """
        let problems = errors { _ = try open(try temporaryFile("survey.csv", csv)) }
        #expect(problems.count == 5)
        #expect(problems[0].hasPrefix("survey.csv:2: column \"PD.L2\": dm.PD.L2: answer \"很好\" is not in answer set fulfilment4 (row 1); expected full (1)"))
        #expect(problems[1] == "survey.csv:2: column \"关键工序SPC覆盖率\": qmd.PR.spcShare: expected a number, found \"abc\" (row 1); expected a number such as 0.45 or 45%")
        #expect(problems[2] == "survey.csv:2: column \"是否自营物流\": dm.profile.logistics: expected yes or no, found \"也许\" (row 1); expected 是/否, yes/no, true/false or 1/0")
        #expect(problems[3] == "survey.csv:3: column \"USCC\": duplicate USCC 91350600MA2YYYYY1Y (first on row 1) (row 2); expected one row per enterprise")
        #expect(problems[4].hasPrefix("survey.csv:4: column \"USCC\": malformed USCC \"123\""))
    }

    @Test func duplicateAndAmbiguousColumns() throws {
        let csv = "统一社会信用代码,PD.L2,产品设计-二级\n91350600MA2YYYYY1Y,full,full\n"
        let problems = errors { _ = try open(try temporaryFile("survey.csv", csv)) }
        #expect(problems == ["survey.csv:1: column \"产品设计-二级\": names dm.PD.L2, like column \"PD.L2\"; expected one column per requirement"])
        let missing = errors { _ = try open(try temporaryFile("survey.csv", "企业名称,PD.L2\n甲,full\n")) }
        #expect(missing.first?.contains("missing required column \"uscc\"") == true)
    }

    @Test func perEnterpriseJSONFolder() throws {
        let first = try temporaryFile("a.json", """
            {"enterprise": "91350600MA2YYYYY1Y", "name": "甲公司",
             "answers": {"PD.L2": "全部满足", "产品服务-一级": "部分满足", "是否提供产品服务": "是", "检验数据自动采集率": 0.62, "QA.TRC.L1": null}}
            """)
        let folder = first.deletingLastPathComponent()
        try Data("""
            [{"enterprise": "91350600MA2WWWWW2W", "source": "onsite", "answers": {"dm.OS.L1": "none"}}]
            """.utf8).write(to: folder.appendingPathComponent("b.json"))
        let source = try open(folder, display: "surveys")
        #expect(source.enterpriseIDs == ["91350600MA2YYYYY1Y", "91350600MA2WWWWW2W"])
        #expect(try values(source, "91350600MA2YYYYY1Y") == ["dm.PD.L2": "全部满足", "dm.PSV.L1": "部分满足", "dm.profile.productService": true,
                                                             "qmd.QA.autoCaptureShare": 0.62])
        let onsite = try #require(try source.facts(for: Enterprise(id: "91350600MA2WWWWW2W", name: "")).first)
        #expect(onsite.provenance.source == .onSite)
        #expect(onsite.provenance.citation == "surveys/b.json:1")
    }

    @Test func badJSONAnswersNameTheirPath() throws {
        let url = try temporaryFile("a.json", """
            {"enterprise": "91350600MA2YYYYY1Y",
             "answers": {"PD.L9": "full",
                         "PD.L2": 0.7}}
            """)
        let problems = errors { _ = try open(url, display: "a.json") }
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("a.json:2: $.answers[\"PD.L9\"]: unknown requirement \"PD.L9\""))
        #expect(problems[1].hasPrefix("a.json:3: $.answers[\"PD.L2\"]: dm.PD.L2: answer 0.7 is not in answer set fulfilment4"))
    }

    @Test func unknownOptionsAreBadInput() {
        let problems = errors { _ = try open(URL(fileURLWithPath: "/nonexistent.csv"), options: ["tab": "1"]) }
        #expect(problems == ["survey.csv: $.sources[].tab: unknown option 'tab'; expected prefixes, ignoreColumns, source or sheet"])
    }
}
