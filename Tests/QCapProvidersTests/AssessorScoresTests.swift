import Foundation
import Testing
import QCapCore
@testable import QCapProviders

/// A two-item rubric with the excellence fact prefix, so the provider can be tested without the rubric module.
private let catalog: FactCatalog = {
    let json = """
    {"id": "pe-mini", "version": "1.0.0", "title": {"zh": "迷你", "en": "Mini"}, "factPrefix": "pe",
     "provenance": {"basis": [{"part": {"zh": "全部", "en": "All"}, "status": "drafted"}]},
     "scoring": {"model": "points", "maxPoints": 100},
     "criteria": [{"id": "4.1", "title": {"zh": "领导", "en": "Leadership"}, "children": [
       {"id": "4.1.2", "title": {"zh": "高层领导的作用", "en": "Role of senior leaders"}, "weight": 50,
        "evidence": {"type": "percentage"}, "examples": [{"facts": {"pe.4.1.2": 100}, "outcome": "met"}, {"facts": {"pe.4.1.2": 0}, "outcome": "notMet"}]},
       {"id": "4.7.1", "title": {"zh": "产品和服务结果", "en": "Product and service results"}, "weight": 50,
        "evidence": {"type": "percentage"}, "examples": [{"facts": {"pe.4.7.1": 100}, "outcome": "met"}, {"facts": {"pe.4.7.1": 0}, "outcome": "notMet"}]}]}]}
    """
    do {
        let descriptor = try RubricLoader.load(data: Data(json.utf8), file: "mini.json")
        return FactCatalog(rubrics: [EffectiveRubric(DeclarativeRubric(descriptor: descriptor))])
    } catch {
        Issue.record("fixture rubric does not load: \(error)")
        return FactCatalog(rubrics: [])
    }
}()

private let applicant = "91350600MA2YTE0T0H"

private func open(_ text: String, prefix: String = "pe") throws(InputErrors) -> any EvidenceSource {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qcap-assessor-scores-\(UUID().uuidString).csv")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    let options: [String: JSONValue] = prefix == "pe" ? [:] : ["factPrefix": .string(prefix)]
    return try AssessorScoresProvider().open(SourceReference(provider: "assessor-scores", url: url, displayPath: "assessor-scores.csv",
                                                             options: options),
                                             context: ProviderContext(catalog: catalog))
}

private func messages(_ text: String) -> [String] {
    do {
        _ = try open(text)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

@Suite struct AssessorScoresTests {
    @Test func rowsBecomeFactsWithAssessorAndRound() throws {
        let source = try open("""
        统一社会信用代码,评审员,轮次,条目,评分,优势,改进机会
        \(applicant),A1,独立评分,4.1.2,60,高层领导定期审视绩效,
        \(applicant),A2,,4.1.2 高层领导的作用,65%,,
        \(applicant),评审组,共识,4.1.2,60,,使命尚未传达到一线
        \(applicant),,siteVisit,pe.4.7.1,55,,

        """)
        #expect(source.enterpriseIDs == [applicant])
        let facts = try source.facts(for: Enterprise(id: applicant, name: "x"))
        let scores = facts.filter { $0.key == "pe.4.1.2" }
        #expect(scores.map(\.value) == [.number(60), .number(65), .number(60)])
        #expect(scores.map(\.provenance.assessor) == ["A1", "A2", "评审组"])
        #expect(scores.map(\.provenance.round) == ["individual", "individual", "consensus"])
        #expect(scores.allSatisfy { $0.provenance.source == .assessor })
        #expect(scores.first?.provenance.citation == "assessor-scores.csv:2 row 1 [A1/individual]")
        #expect(facts.first { $0.key == "pe.4.1.2.strengths" }?.value == .string("高层领导定期审视绩效"))
        #expect(facts.first { $0.key == "pe.4.1.2.opportunities" }?.provenance.round == "consensus")
        #expect(facts.first { $0.key == "pe.4.7.1" }?.provenance.round == "siteVisit")
        #expect(facts.first { $0.key == "pe.4.7.1" }?.provenance.assessor == nil)
    }

    @Test func englishHeadersWork() throws {
        let source = try open("uscc,assessor,round,item,percentage\n\(applicant),A1,individual,4.7.1,40\n")
        #expect(try source.facts(for: Enterprise(id: applicant, name: "x")).count == 1)
    }

    @Test func badRowsNameFileLineAndColumn() {
        let errors = messages("""
        统一社会信用代码,评审员,轮次,条目,评分
        \(applicant),A1,独立评分,4.9.9,60
        \(applicant),A1,终审,4.1.2,60
        \(applicant),,独立评分,4.1.2,60
        \(applicant),A1,独立评分,4.1.2,六十
        \(applicant),A1,独立评分,4.1.2,120
        123,A1,独立评分,4.1.2,60
        \(applicant),A1,独立评分,4.7.1,60
        \(applicant),A1,individual,4.7.1,65

        """)
        #expect(errors.count == 7)
        #expect(errors[0].hasPrefix("assessor-scores.csv:2: column \"条目\": unknown item '4.9.9' (row 1)"))
        #expect(errors[1].hasPrefix("assessor-scores.csv:3: column \"轮次\": unknown round \"终审\" (row 2); expected individual"))
        #expect(errors[2] == "assessor-scores.csv:4: column \"评审员\": an individual score needs the assessor (row 3); expected the assessor's id or name")
        #expect(errors[3].hasPrefix("assessor-scores.csv:5: column \"评分\": \"六十\" is not a percentage (row 4)"))
        #expect(errors[4] == "assessor-scores.csv:6: column \"评分\": percentage 120 is out of range (row 5); expected a number 0–100")
        #expect(errors[5].hasPrefix("assessor-scores.csv:7: column \"统一社会信用代码\": malformed USCC \"123\""))
        #expect(errors[6] == "assessor-scores.csv:9: column \"条目\": A1 already scored 4.7.1 in the individual round (row 7) (row 8); expected one row per assessor, item and round")
    }

    @Test func aMissingColumnIsReported() {
        let errors = messages("统一社会信用代码,评审员,条目\n\(applicant),A1,4.1.2\n")
        #expect(errors.first?.hasPrefix("assessor-scores.csv:1: missing required column \"percentage\"") == true)
    }

    @Test func gb18030SheetsFromExcelAreRead() throws {
        let text = "统一社会信用代码,评审员,轮次,条目,评分\r\n\(applicant),张三,共识,4.1.2,55\r\n"
        let data = try #require(text.data(using: TextDecoding.gb18030Encoding))
        let url = FileManager.default.temporaryDirectory.appending(path: "assessor-\(UUID().uuidString).csv")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let source = try AssessorScoresProvider().open(SourceReference(provider: "assessor-scores", url: url, displayPath: "scores.csv"),
                                                       context: ProviderContext(catalog: catalog))
        let facts = try source.facts(for: Enterprise(id: applicant, name: "x"))
        #expect(facts.first?.provenance.assessor == "张三")
        #expect(facts.first?.value == .number(55))
    }
}

@Suite struct AssessorScoresStreamingTests {
    static let other = "91350600MA2YTE0T1J"

    @Test func rowsOfAnEnterpriseNeedNotBeAdjacent() throws {
        let source = try open("\u{FEFF}统一社会信用代码,评审员,轮次,条目,评分,优势\r\n"
            + "\(applicant),A1,独立评分,4.1.2,60,\"第一行\r\n第二行\"\r\n"
            + "\(Self.other),A1,独立评分,4.1.2,70,\r\n"
            + "\r\n"
            + "\(applicant),A1,独立评分,4.7.1,50,\r\n"
            + "\(applicant),A2,独立评分,4.7.1,55,\r\n")
        #expect(source.enterpriseIDs == [applicant, Self.other])
        let facts = try source.facts(for: Enterprise(id: applicant, name: "x"))
        #expect(facts.map(\.key) == ["pe.4.1.2", "pe.4.1.2.strengths", "pe.4.7.1", "pe.4.7.1"])
        #expect(facts.map(\.provenance.line) == [2, 2, 6, 7])
        #expect(facts.map(\.provenance.row) == [1, 1, 3, 4])
        #expect(facts[1].value == .string("第一行\r\n第二行"))
        #expect(try source.facts(for: Enterprise(id: Self.other, name: "y")).map(\.value) == [.number(70)])
    }

    @Test func aDuplicateAcrossSeparateRunsIsFoundInRowOrder() {
        let errors = messages("""
        统一社会信用代码,评审员,轮次,条目,评分,优势
        \(applicant),A1,独立评分,4.1.2,60,"多行
        优势"
        \(Self.other),A1,独立评分,4.1.2,70,
        \(applicant),A1,独立评分,4.1.2,65,
        \(Self.other),A1,终审,4.1.2,70,

        """)
        #expect(errors == [
            "assessor-scores.csv:5: column \"条目\": A1 already scored 4.1.2 in the individual round (row 1) (row 3); expected one row per assessor, item and round",
            "assessor-scores.csv:6: column \"轮次\": unknown round \"终审\" (row 4); expected \(AssessmentRound.acceptedForms)",
        ])
    }
}
