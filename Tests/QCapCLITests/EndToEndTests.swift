import Foundation
import Testing

/// The `qcap` binary on temporary workspaces: the main job, its contracts, and bad input.
@Suite(.serialized) struct EndToEndTests {
    @Test func initThenAssessPrintsATable() throws {
        let root = try QCapBinary.exampleWorkspace()
        let result = try QCapBinary.run(["assess", "--workspace", root.path, "--as-of", "2026-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("示例检查表"))
        #expect(result.stdout.contains("共 6 家企业，评价基准日 2026-06-30"))
    }

    @Test func jsonFollowsTheContractAndIsByteIdentical() throws {
        let root = try QCapBinary.exampleWorkspace()
        let arguments = ["assess", "--workspace", root.path, "--format", "json", "--as-of", "2026-06-30", "--rubric", "sample-checklist"]
        let first = try QCapBinary.run(arguments)
        let second = try QCapBinary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.data == second.data)
        let document = try #require(try JSONSerialization.jsonObject(with: first.data) as? [String: Any])
        #expect(document["schema"] as? String == "qcap.assessment/v1")
        #expect(document["asOf"] as? String == "2026-06-30")
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 6)
        let enterprise = try #require(runs[0]["enterprise"] as? [String: Any])
        #expect((enterprise["id"] as? String)?.count == 18)
        #expect(enterprise["name"] is String)
        #expect(runs[0]["period"] as? String == "2026")
        let result = try #require((runs[0]["results"] as? [[String: Any]])?.first)
        let rubric = try #require(result["rubric"] as? [String: Any])
        #expect(rubric["id"] as? String == "sample-checklist")
        #expect(rubric["version"] as? String == "1.0.0")
        #expect((rubric["hash"] as? String)?.count == 64)
        #expect((result["model"] as? [String: Any])?["kind"] as? String == "maturityGated")
        #expect(result["coverage"] is Double || result["coverage"] is Int)
        let finding = try #require((result["findings"] as? [[String: Any]])?.first)
        #expect(finding["criterion"] as? String == "S1.01")
        #expect(["met", "partial", "notMet", "noEvidence", "error", "waived", "notApplicable"].contains(finding["outcome"] as? String ?? ""))
        #expect(finding["message"] is [String: Any])
        // A different as-of date changes the header, nothing else is random.
        let other = try QCapBinary.run(arguments.dropLast(2) + ["--as-of", "2026-07-01", "--rubric", "sample-checklist"])
        #expect(other.data != first.data)
    }

    @Test func csvIsExcelSafe() throws {
        let root = try QCapBinary.exampleWorkspace()
        let output = root.appending(path: "out.csv")
        let result = try QCapBinary.run(["assess", "-w", root.path, "--format", "csv", "--as-of", "2026-06-30", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: output)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("uscc,enterprise,region,industry,period,asOf,rubric"))
        #expect(text.contains("\r\n"))
    }

    @Test func jsonLinesHaveOneRunPerLine() throws {
        let root = try QCapBinary.exampleWorkspace(enterprises: 4)
        let result = try QCapBinary.run(["assess", "-w", root.path, "--format", "jsonl", "--as-of", "2026-06-30"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }

    @Test func everyCommandHasHelp() throws {
        for command in [["init"], ["assess"], ["rubrics"], ["rubrics", "list"], ["rubrics", "show"], ["rubrics", "validate"],
                        ["providers"], ["providers", "list"], ["uscc"], ["version"]] {
            let result = try QCapBinary.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE: qcap \(command.joined(separator: " "))"), "\(command): \(result.stdout)")
        }
    }

    @Test func usageErrorsExitTwoWithASuggestion() throws {
        let result = try QCapBinary.run(["assess", "--workspce", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Did you mean '--workspace'?"))
        let command = try QCapBinary.run(["asess"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("Did you mean 'assess'?"))
        let date = try QCapBinary.run(["assess", "--as-of", "2026-02-30"])
        #expect(date.status == 2)
        #expect(date.stderr.contains("--as-of expects a date YYYY-MM-DD"))
    }

    @Test func usccCommandExitsOneOnAnyInvalidCode() throws {
        let good = try QCapBinary.run(["uscc", "91350600K8PBRNYTPB"])
        #expect(good.status == 0)
        let mixed = try QCapBinary.run(["uscc", "91350600K8PBRNYTPB", "91350203LXG0TEQY7X", "--format", "json"])
        #expect(mixed.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: mixed.data) as? [[String: Any]])
        #expect(items.map { $0["valid"] as? Bool } == [true, false])
        #expect((items[1]["reason"] as? String)?.contains("expected F") == true)
    }

    @Test func rubricsListAndValidate() throws {
        let list = try QCapBinary.run(["rubrics", "list", "--format", "json"])
        #expect(list.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: list.data)) is [Any])
        let ok = try QCapBinary.run(["rubrics", "validate", QCapBinary.sampleRubric.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("sample-checklist 1.0.0, 3 criteria"))
    }

    // MARK: - Bad input: exit 3, file and place named, nothing half-written

    func assertBadInput(_ root: URL, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = root.appending(path: "reports/out.json")
        let result = try QCapBinary.run(["assess", "-w", root.path, "--format", "json", "--as-of", "2026-06-30", "-o", output.path])
        #expect(result.status == 3, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in: \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed run wrote its report", sourceLocation: sourceLocation)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "reports").path)) ?? []
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)", sourceLocation: sourceLocation)
    }

    func write(_ text: String, to root: URL, _ path: String) throws {
        try Data(text.utf8).write(to: root.appending(path: path))
    }

    func firstUSCC(_ root: URL) throws -> String {
        let roster = try String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)
        return String(roster.split(separator: "\r\n")[1].prefix(18))
    }

    @Test func truncatedJSONEvidence() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("{\"enterprise\": \"\(try firstUSCC(root))\", \"facts\": {\"smp.S1.01\": 3", to: root, "evidence/broken.json")
        try assertBadInput(root, ["evidence/broken.json:1:", "unexpected end of input"])
    }

    @Test func wrongTypeInEvidence() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("{\"enterprise\": \"\(try firstUSCC(root))\", \"facts\": {\"smp.S1.01\": \"three\"}}", to: root, "evidence/typed.json")
        try assertBadInput(root, ["evidence/typed.json:1:", "$.facts[\"smp.S1.01\"]", "expected a level", "an integer 1–3"])
    }

    @Test func unknownCriterionID() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("{\"enterprise\": \"\(try firstUSCC(root))\",\n \"facts\": {\"smp.S9.99\": 2}}", to: root, "evidence/unknown.json")
        try assertBadInput(root, ["evidence/unknown.json", "unknown criterion id 'S9.99' for rubric sample-checklist"])
    }

    @Test func levelOutOfRange() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("{\"enterprise\": \"\(try firstUSCC(root))\", \"facts\": {\"smp.S1.01\": 7}}", to: root, "evidence/range.json")
        try assertBadInput(root, ["evidence/range.json:1:", "level 7 is out of range"])
    }

    @Test func malformedUSCCInTheRoster() throws {
        let root = try QCapBinary.exampleWorkspace()
        var roster = try String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)
        roster += "91350600ABC,漳州坏码有限公司,350602,C34,小型,阀门\r\n"
        try write(roster, to: root, "enterprises.csv")
        try assertBadInput(root, ["enterprises.csv:8:", "malformed USCC \"91350600ABC\"", "(row 7)"])
    }

    @Test func invalidDateInTheWaiverFile() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("""
        {"waivers": [{"enterprise": "\(try firstUSCC(root))", "rubric": "sample-checklist", "criterion": "S1.02",
                      "justification": "整改中", "approver": "组长", "expires": "2026-13-01"}]}
        """, to: root, "waivers.json")
        try assertBadInput(root, ["waivers.json:2:", "$.waivers[0].expires", "invalid date \"2026-13-01\""])
    }

    @Test func waiverWithoutJustificationStopsTheRun() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("""
        {"waivers": [{"enterprise": "\(try firstUSCC(root))", "rubric": "sample-checklist", "criterion": "S1.99",
                      "approver": "组长", "expires": "2026-12-31"}]}
        """, to: root, "waivers.json")
        try assertBadInput(root, ["missing or empty \"justification\"", "unknown criterion 'S1.99' in rubric sample-checklist"])
    }

    @Test func missingRosterColumn() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("统一社会信用代码,企业名称,行政区划\r\n91350600K8PBRNYTPB,漳州测试有限公司,350602\r\n", to: root, "enterprises.csv")
        try assertBadInput(root, ["enterprises.csv:1:", "industry"])
    }

    @Test func emptyFiles() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("", to: root, "evidence/empty.json")
        try assertBadInput(root, ["evidence/empty.json: file is empty"])
        let other = try QCapBinary.exampleWorkspace()
        try write("", to: other, "enterprises.csv")
        try assertBadInput(other, ["enterprises.csv", "empty"])
    }

    @Test func evidenceForAnEnterpriseNotOnTheRoster() throws {
        let root = try QCapBinary.exampleWorkspace()
        try write("{\"enterprise\": \"91350600K8PBRNYTPB\", \"facts\": {\"smp.S1.01\": 2}}", to: root, "evidence/stranger.json")
        // Named where the evidence names it, not against the roster.
        try assertBadInput(root, ["evidence/stranger.json:1: $.enterprise: enterprise 91350600K8PBRNYTPB is not on the roster"])
    }

    @Test func aGB18030RosterFromExcelIsRead() throws {
        let root = try QCapBinary.exampleWorkspace()
        let roster = try String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let bytes = try #require(roster.replacingOccurrences(of: "\u{FEFF}", with: "").data(using: gb18030))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the fixture must not be valid UTF-8")
        try bytes.write(to: root.appending(path: "enterprises.csv"))
        let result = try QCapBinary.run(["assess", "-w", root.path, "--as-of", "2026-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("漳州"))
    }

    @Test func aCheckCharacterFailureIsAReviewFindingNotAnError() throws {
        let root = try QCapBinary.exampleWorkspace()
        var roster = try String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)
        roster += "91350203LXG0TEQY7X,漳州校验位有限公司,350602,C34,小型,阀门\r\n"
        try write(roster, to: root, "enterprises.csv")
        let result = try QCapBinary.run(["assess", "-w", root.path, "--format", "json", "--as-of", "2026-06-30", "-e", "91350203LXG0TEQY7X"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fails its check character (GB 32100 gives F)"))
    }
}

/// `qcap report --format md --rubric excellence` ends with the applicant's self-assessment outline.
@Suite(.serialized) struct ExcellenceOutlineEndToEndTests {
    @Test func markdownReportCarriesTheSelfAssessmentOutline() throws {
        let root = try QCapBinary.exampleWorkspace(enterprises: 12, seed: 3)
        let assess = try QCapBinary.run(["assess", "-w", root.path, "--rubric", "excellence", "--as-of", "2026-06-30", "--format", "jsonl"])
        #expect(assess.status == 0, "\(assess.stderr)")
        // An applicant is an enterprise the assessors scored: its excellence coverage is above zero.
        let applicant = assess.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let run = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let result = (run["results"] as? [[String: Any]])?.first, (result["coverage"] as? Double ?? 0) > 0,
                  let enterprise = run["enterprise"] as? [String: Any] else { return nil }
            return enterprise["id"] as? String
        }.first
        let id = try #require(applicant)
        let report = try QCapBinary.run(["report", id, "-w", root.path, "--format", "md", "--rubric", "excellence"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("# 自我评价报告（提纲）"))
        #expect(report.stdout.contains("领导"))
    }
}
