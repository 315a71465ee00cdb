import Foundation
import QCapCore
import QCapStore
import Testing
@testable import QCapCLI

/// End to end through `QCapCommand.run`: a temporary example workspace, assessed, stored, compared, reported.
@Suite struct StoreCommandsTests {
    static let rubricJSON = #"""
{"id":"demo-capability","version":"1.0.0","title":{"zh":"示例质量管理能力","en":"Demo quality capability"},"factPrefix":"demo","provenance":{"statement":{"zh":"测试用评价规则。","en":"A rubric for tests."},"basis":[{"part":{"zh":"五个等级","en":"Five levels"},"status":"sourced","source":"standards.md §1"},{"part":{"zh":"指标","en":"Indicators"},"status":"drafted"}]},"scale":{"levels":[{"rank":1,"id":"experience","name":{"zh":"经验级","en":"Experience"}},{"rank":2,"id":"inspection","name":{"zh":"检验级","en":"Inspection"}},{"rank":3,"id":"assurance","name":{"zh":"保证级","en":"Assurance"}},{"rank":4,"id":"prevention","name":{"zh":"预防级","en":"Prevention"}},{"rank":5,"id":"excellence","name":{"zh":"卓越级","en":"Excellence"}}]},"scoring":{"model":"maturityGated","threshold":0.8},"parameters":{"nationalTargets":{"value":{"2025":{"inspection":5000,"assurance":500,"prevention":50},"2027":{"inspection":10000,"assurance":1000,"prevention":100,"excellence":10}},"status":"sourced","description":{"zh":"国家目标","en":"National targets"}}},"criteria":[{"id":"D1","title":{"zh":"体系有效性","en":"System effectiveness"},"children":[{"id":"D1.01","title":{"zh":"质量方针","en":"Quality policy"},"mustPass":true,"evidence":{"type":"level","description":{"zh":"质量方针文件","en":"the quality policy"}},"levels":{"1":{"zh":"无方针","en":"No policy"},"2":{"zh":"有方针","en":"A policy"},"3":{"zh":"方针落实","en":"Policy deployed"},"4":{"zh":"方针评审","en":"Policy reviewed"},"5":{"zh":"方针引领","en":"Policy leads"}},"remediation":{"zh":"制定并发布质量方针","en":"Write and publish a quality policy"},"examples":[{"facts":{"demo.D1.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D1.02","title":{"zh":"内部审核","en":"Internal audit"},"evidence":{"type":"level","description":{"zh":"内审记录","en":"internal audit records"}},"remediation":{"zh":"按年度开展内审","en":"Audit yearly"},"examples":[{"facts":{"demo.D1.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D2","title":{"zh":"数字化","en":"Digitalization"},"children":[{"id":"D2.01","title":{"zh":"检验数据采集","en":"Inspection data"},"evidence":{"type":"level"},"remediation":{"zh":"采集检验数据","en":"Collect inspection data"},"examples":[{"facts":{"demo.D2.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D2.02","title":{"zh":"追溯","en":"Traceability"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D2.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D3","title":{"zh":"持续成功","en":"Sustained success"},"children":[{"id":"D3.01","title":{"zh":"战略","en":"Strategy"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D3.02","title":{"zh":"文化","en":"Culture"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]}]}
"""#

    static func rubric() throws -> any Rubric {
        DeclarativeRubric(descriptor: try RubricLoader.load(data: Data(rubricJSON.utf8), file: "demo.json"))
    }

    /// A fresh example workspace of `count` enterprises; removed by the caller.
    struct Workspace {
        let root: URL
        let rubrics: [any Rubric]

        /// Without the example's baseline year unless `baseline`: these tests count the runs they store themselves.
        init(count: Int = 8, bulk: Bool = false, baseline: Bool = false) throws {
            root = FileManager.default.temporaryDirectory.appending(path: "qcap-e2e-\(UUID().uuidString)").appending(path: "demo")
            rubrics = [try StoreCommandsTests.rubric()]
            var arguments = ["init", root.path, "--example", "--as-of", "2026-06-30", "--enterprises", String(count)]
            if bulk { arguments.append("--bulk") }
            if !baseline { arguments.append("--no-baseline") }
            #expect(QCapCommand.run(arguments, rubrics: rubrics) == 0)
        }

        func run(_ arguments: [String]) -> Int32 {
            QCapCommand.run(arguments + ["--workspace", root.path], rubrics: rubrics)
        }

        func assess(_ extra: [String] = []) -> Int32 {
            run(["assess", "--as-of", "2026-06-30", "--format", "json", "--output", file("out.json").path] + extra)
        }

        func file(_ name: String) -> URL { root.deletingLastPathComponent().appending(path: name) }

        func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }

        func store() throws -> ResultStore { try ResultStore(url: ResultStore.url(workspace: root)) }

        func enterprises() throws -> [String] {
            let roster = try String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)
            return roster.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        }

        func setPeriod(_ period: String) throws {
            let url = root.appending(path: "qcap.json")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: #""period": "2026""#, with: #""period": "\#(period)""#)
                .replacingOccurrences(of: #""period": "2025""#, with: #""period": "\#(period)""#)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    }

    @Test func assessStoresOneRunPerInvocation() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.assess() == 0)
        #expect(workspace.assess() == 0)
        #expect(workspace.assess(["--no-store"]) == 0)
        let runs = try workspace.store().runs()
        #expect(runs.count == 2)
        #expect(runs.map(\.enterpriseCount) == [8, 8])
        #expect(runs.map(\.period) == ["2026", "2026"])
        #expect(runs[0].asOf.description == "2026-06-30")
        #expect(runs[0].inputsHash.count == 64)
        #expect(runs[0].inputsHash == runs[1].inputsHash)
        #expect(runs[0].rubrics == ["demo-capability"])
        #expect(try workspace.store().latestResults(period: "2026").count == 8)

        // A changed input file changes the hash.
        let evidence = try #require(FileManager.default.contentsOfDirectory(atPath: workspace.root.appending(path: "evidence").path).sorted().first)
        try Data("{\"enterprise\": \"\(evidence.prefix(18))\", \"source\": \"self\", \"facts\": {}}".utf8)
            .write(to: workspace.root.appending(path: "evidence").appending(path: evidence))
        #expect(workspace.assess() == 0)
        let hashes = try workspace.store().runs().map(\.inputsHash)
        #expect(hashes[2] != hashes[1])
    }

    @Test func aRunThatFailsOnABadEvidenceLineLeavesNoRun() throws {
        let workspace = try Workspace(bulk: true)
        defer { workspace.remove() }
        #expect(workspace.assess() == 0)
        let before = try workspace.read("out.json")

        // Keep the enterprise key readable, so the file opens and the run starts, but break the JSON of the line.
        let url = workspace.root.appending(path: "evidence.jsonl")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let last = try #require(lines.last)
        lines[lines.count - 1] = String(last.dropLast(3)) + ", oops}"
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)

        #expect(workspace.assess() == 3)
        #expect(try workspace.store().runs().count == 1)
        #expect(try workspace.read("out.json") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root.deletingLastPathComponent().path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func badConfigurationStoresNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Data("{\"schema\": \"qcap.workspace/v1\", \"period\": 2026}".utf8).write(to: workspace.root.appending(path: "qcap.json"))
        #expect(workspace.assess() == 3)
        #expect(!FileManager.default.fileExists(atPath: ResultStore.url(workspace: workspace.root).path))
    }

    @Test func compareReadsTheLatestRunAndFilters() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.assess() == 0)
        #expect(workspace.run(["compare", "--format", "json", "--output", workspace.file("c.json").path]) == 0)
        let json = try JSONParser.parse(try workspace.read("c.json"))
        #expect(json["schema"]?.stringValue == "qcap.comparison/v1")
        #expect(json["rows"]?.arrayValue?.count == 8)
        #expect(json["region"]?["code"]?.stringValue == "350600")
        #expect(json["targets"]?.arrayValue?.count == 2)
        #expect(json["statistics"]?[0]?["scores"]?["n"]?.numberValue ?? 0 > 0)

        let first = try #require(json["rows"]?[0]?["enterprise"]?["region"]?.stringValue)
        #expect(workspace.run(["compare", "--where", "region=\(first)", "--where", "level>=1", "--format", "json", "--output", workspace.file("f.json").path]) == 0)
        let filtered = try JSONParser.parse(try workspace.read("f.json"))
        let regions = filtered["rows"]?.arrayValue?.compactMap { $0["enterprise"]?["region"]?.stringValue } ?? []
        #expect(!regions.isEmpty && regions.allSatisfy { $0 == first })

        for format in ["table", "csv", "md", "html"] {
            #expect(workspace.run(["compare", "--format", format, "--output", workspace.file("c.\(format)").path, "--lang", "en"]) == 0)
        }
        #expect(try Data(contentsOf: workspace.file("c.csv")).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try workspace.read("c.html").contains("<h2>Matrix</h2>"))
    }

    @Test func compareTwoPeriodsAndHistory() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.setPeriod("2025")
        #expect(workspace.assess() == 0)
        try workspace.setPeriod("2026")
        #expect(workspace.assess() == 0)
        #expect(workspace.run(["compare", "--period", "2025", "--period", "2026", "--format", "json", "--output", workspace.file("c.json").path]) == 0)
        let json = try JSONParser.parse(try workspace.read("c.json"))
        #expect(json["baselinePeriod"]?.stringValue == "2025")
        let change = json["rows"]?[0]?["cells"]?[0]?["change"]
        #expect(change?["comparable"]?.boolValue == true)
        #expect(change?["scoreDelta"]?.numberValue == 0)

        let id = try #require(try workspace.enterprises().first)
        #expect(workspace.run(["history", id, "--format", "json", "--output", workspace.file("h.json").path]) == 0)
        let history = try JSONParser.parse(try workspace.read("h.json"))
        #expect(history["schema"]?.stringValue == "qcap.history/v1")
        #expect(history["runs"]?.arrayValue?.map { $0["period"]?.stringValue } == ["2025", "2026"])
        #expect(history["runs"]?[1]?["results"]?[0]?["change"]?["previousRunId"]?.numberValue == 1)
        #expect(workspace.run(["history", id, "--output", workspace.file("h.txt").path]) == 0)
        #expect(try workspace.read("h.txt").contains("首次评价"))
    }

    @Test func reportFromTheStoreEscapesAHostileName() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let id = try #require(try workspace.enterprises().first)
        let rosterURL = workspace.root.appending(path: "enterprises.csv")
        var rows = try String(contentsOf: rosterURL, encoding: .utf8).components(separatedBy: "\r\n")
        var fields = rows[1].components(separatedBy: ",")
        fields[1] = "<script>alert(1)</script>"
        rows[1] = fields.joined(separator: ",")
        try rows.joined(separator: "\r\n").write(to: rosterURL, atomically: true, encoding: .utf8)
        #expect(workspace.assess() == 0)

        #expect(workspace.run(["report", id, "--output", workspace.file("r.html").path]) == 0)
        let html = try workspace.read("r.html")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("结果库第 1 次运行"))
        #expect(html.contains("id=\"rubric-demo-capability\""))
        for format in ["md", "json"] {
            #expect(workspace.run(["report", id, "--format", format, "--lang", "en", "--output", workspace.file("r.\(format)").path]) == 0)
        }
        let report = try JSONParser.parse(try workspace.read("r.json"))
        #expect(report["source"]?["kind"]?.stringValue == "store")
        // What the store gives back is exactly what assess computed: findings, evidence, nodes, gap and all.
        let assessed = try JSONParser.parse(try workspace.read("out.json"))
        let run = assessed["runs"]?.arrayValue?.first { $0["enterprise"]?["id"]?.stringValue == id }
        #expect(run?["results"] != nil)
        #expect(report["results"] == run?["results"])
        #expect(workspace.run(["report", id, "--rubric", "nope", "--output", workspace.file("x.html").path]) == 2)
    }

    @Test func reportWithoutAStoredRunAssessesOnTheFly() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let id = try #require(try workspace.enterprises().first)
        #expect(workspace.run(["report", id, "--as-of", "2026-06-30", "--format", "json", "--output", workspace.file("r.json").path]) == 0)
        let json = try JSONParser.parse(try workspace.read("r.json"))
        #expect(json["source"]?["kind"]?.stringValue == "assessedOnTheFly")
        #expect(json["results"]?.arrayValue?.count == 1)
        #expect(!FileManager.default.fileExists(atPath: ResultStore.url(workspace: workspace.root).path))
        #expect(workspace.run(["report", "91350600000000000X", "--output", workspace.file("x.html").path]) == 2)
    }

    @Test func usageErrors() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.run(["compare"]) == 2)
        #expect(workspace.run(["history", "91350600000000000X"]) == 2)
        #expect(workspace.assess() == 0)
        #expect(workspace.run(["compare", "--where", "colour=red"]) == 2)
        #expect(workspace.run(["compare", "--period", "1", "--period", "2", "--period", "3"]) == 2)
        #expect(workspace.run(["compare", "--period", "1999"]) == 2)
        #expect(workspace.run(["compare", "--rubric", "nope"]) == 2)
        #expect(workspace.run(["compare", "--benchmark", "91350600000000000X"]) == 2)
        #expect(workspace.run(["history", "91350600000000000X"]) == 2)
    }

    @Test func theCommandTreeIsWellFormedAndDocumented() {
        #expect(CommandTree.spec.validationProblems().isEmpty)
        for name in ["compare", "report", "history"] {
            let spec = CommandTree.spec.subcommand(named: name)
            #expect(spec != nil)
            #expect(!(spec?.examples.isEmpty ?? true))
            #expect(QCapCommand.run([name, "--help"], rubrics: []) == 0)
        }
    }
}
