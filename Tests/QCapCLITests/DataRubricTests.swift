import Foundation
import QCapCore
import QCapProviders
import Testing

@testable import QCapCLI

/// Run-time data rubrics (path 1 of docs/writing-a-rubric.md): a workspace's `rubrics/*.json`, `rubricFiles` and
/// `--rubric-file` load with full validation; a clash with a built-in id is bad input unless qcap.json says `override`.
/// The "built-in" rubric here is the sample fixture registered in-process, so the tests do not depend on which rubric
/// modules the package has.
@Suite struct DataRubricTests {
    static let sampleText = (try? String(contentsOf: QCapBinary.sampleRubric, encoding: .utf8)) ?? ""
    static let asOf = "2026-06-30"

    static func builtIn() throws -> any Rubric {
        DeclarativeRubric(descriptor: try RubricLoader.load(data: Data(sampleText.utf8), file: "sample-rubric.json"))
    }

    /// The sample rubric under another id and fact prefix.
    static func otherRubric(id: String, prefix: String = "my") -> String {
        sampleText.replacingOccurrences(of: "\"sample-checklist\"", with: "\"\(id)\"")
            .replacingOccurrences(of: "\"factPrefix\": \"smp\"", with: "\"factPrefix\": \"\(prefix)\"")
            .replacingOccurrences(of: "\"smp.", with: "\"\(prefix).")
    }

    /// An example workspace assessed with the built-in sample rubric; `before` runs before `qcap init`.
    static func workspace(_ before: (TemporaryFolder) throws -> Void = { _ in }) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("data-rubric")
        try before(folder)
        let status = QCapCommand.run(["init", folder.url.path, "--example", "-n", "3", "--seed", "1", "--as-of", asOf],
                                     rubrics: [try builtIn()])
        #expect(status == 0)
        return folder
    }

    static func assess(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> Int32 {
        QCapCommand.run(["assess", "-w", folder.url.path, "--as-of", asOf, "--format", "json", "-o", folder.url.appending(path: "out.json").path,
                         "--no-store"] + extra, rubrics: [try builtIn()])
    }

    static func results(_ folder: TemporaryFolder) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appending(path: "out.json"))) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        return runs.flatMap { ($0["results"] as? [[String: Any]]) ?? [] }
    }

    static func rubric(of result: [String: Any]) -> [String: Any] { (result["rubric"] as? [String: Any]) ?? [:] }

    /// The problems `qcap assess` prints for this workspace (the same InputErrors, before the `error: ` prefix).
    static func problems(_ folder: TemporaryFolder, extra: [URL] = [], registered: [any Rubric]? = nil) throws -> String {
        do {
            _ = try Workspace.open(folder.url, registered: try registered ?? [builtIn()], providers: BuiltInProviders.all, extraRubricFiles: extra)
            return ""
        } catch let error as InputErrors {
            return error.description
        }
    }

    static func setConfig(_ folder: TemporaryFolder, _ key: String, _ value: Any) throws {
        let url = folder.url.appending(path: "qcap.json")
        var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        config[key] = value
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    @Test func aWorkspaceDataRubricLoadsAndAssesses() throws {
        let folder = try Self.workspace { try $0.write(Self.otherRubric(id: "my-checklist"), to: "rubrics/my.json") }
        defer { folder.remove() }
        #expect(try Self.assess(folder) == 0)
        let results = try Self.results(folder)
        let mine = results.filter { Self.rubric(of: $0)["id"] as? String == "my-checklist" }
        #expect(mine.count == 3)
        #expect(mine.contains { ($0["coverage"] as? Double ?? 0) > 0 }, "init should have made evidence for the data rubric")
        #expect(results.contains { Self.rubric(of: $0)["id"] as? String == "sample-checklist" })
    }

    @Test func rubricFilesAndRubricFileOptionLoadToo() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        try folder.write(Self.otherRubric(id: "listed-checklist", prefix: "listed"), to: "extra/listed.json")
        try Self.setConfig(folder, "rubricFiles", ["extra/listed.json"])
        #expect(try Self.assess(folder, ["--rubric", "listed-checklist"]) == 0)
        #expect(try Self.results(folder).allSatisfy { Self.rubric(of: $0)["id"] as? String == "listed-checklist" })

        let outside = try TemporaryFolder("rubric-file")
        defer { outside.remove() }
        try outside.write(Self.otherRubric(id: "flag-checklist", prefix: "flag"), to: "flag.json")
        let flagged = outside.url.appending(path: "flag.json").path
        #expect(try Self.assess(folder, ["--rubric-file", flagged, "--rubric", "flag-checklist"]) == 0)
        #expect(try Self.results(folder).allSatisfy { Self.rubric(of: $0)["id"] as? String == "flag-checklist" })
    }

    @Test func theIDOfABuiltInRubricIsBadInputWithoutOverride() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        try folder.write(Self.sampleText.replacingOccurrences(of: "示例检查表", with: "本市检查表"), to: "rubrics/clash.json")
        #expect(try Self.assess(folder) == 3)
        let problems = try Self.problems(folder)
        #expect(problems.contains("rubrics/clash.json:2: $.id: rubric id 'sample-checklist' is already a built-in rubric"), "\(problems)")
        #expect(problems.contains("\"override\": [\"sample-checklist\"]"))
        // The same through --rubric-file: the message names the file as given.
        let outside = folder.url.appending(path: "elsewhere/clash.json")
        try folder.write(Self.sampleText, to: "elsewhere/clash.json")
        try FileManager.default.removeItem(at: folder.url.appending(path: "rubrics/clash.json"))
        #expect(try Self.assess(folder, ["--rubric-file", outside.path]) == 3)
        #expect(try Self.problems(folder, extra: [outside]).contains("\(outside.path):2: $.id: rubric id 'sample-checklist' is already a built-in rubric"))
    }

    @Test func overrideReplacesTheBuiltInRubric() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        let replacement = Self.sampleText.replacingOccurrences(of: "示例检查表", with: "本市检查表")
        try folder.write(replacement, to: "rubrics/clash.json")
        try Self.setConfig(folder, "override", ["sample-checklist"])
        #expect(try Self.problems(folder) == "")
        #expect(try Self.assess(folder) == 0)
        let replacementHash = try RubricLoader.load(data: Data(replacement.utf8), file: "clash.json").contentHash
        let results = try Self.results(folder)
        #expect(results.count == 3, "one result per enterprise: the built-in rubric is replaced, not doubled")
        for result in results {
            let rubric = Self.rubric(of: result)
            #expect(rubric["id"] as? String == "sample-checklist")
            #expect(rubric["hash"] as? String == replacementHash)
            #expect((rubric["title"] as? [String: Any])?["zh"] as? String == "本市检查表")
        }
    }

    @Test func overrideKeepsTheModuleProbes() throws {
        struct ModuleRubric: Rubric {
            let descriptor: RubricDescriptor
            var probes: [Probe<ModuleRubric>] { [Probe(id: "always-met") { $0.finding(.met, score: 1, message: LocalizedText("ok")) }] }
        }
        let withProbe = """
            {"id": "probed", "version": "1.0.0", "title": {"zh": "探针", "en": "Probed"}, "factPrefix": "prb",
             "provenance": {"basis": [{"part": {"zh": "全部", "en": "All"}, "status": "drafted"}]},
             "scoring": {"model": "weightedTree"},
             "criteria": [{"id": "P1", "title": {"zh": "甲", "en": "A"}, "evidence": {"type": "text", "probe": "always-met"},
                           "examples": [{"facts": {"prb.P1": "x"}, "outcome": "met"}]}]}
            """
        let (decoded, _) = try RubricLoader.decode(data: Data(withProbe.utf8), file: "probed.json")
        let module = ModuleRubric(descriptor: try RubricLoader.load(data: Data(withProbe.utf8), file: "probed.json",
                                                                  probes: .module(ModuleRubric(descriptor: decoded))))
        let folder = try TemporaryFolder("override-probes")
        defer { folder.remove() }
        #expect(QCapCommand.run(["init", folder.url.path, "--example", "-n", "2"], rubrics: [module]) == 0)
        try folder.write(withProbe.replacingOccurrences(of: "\"甲\"", with: "\"乙\""), to: "rubrics/probed.json")
        try Self.setConfig(folder, "override", ["probed"])
        let workspace = try Workspace.open(folder.url, registered: [module], providers: BuiltInProviders.all)
        #expect(workspace.allRubrics.count == 1)
        #expect(workspace.allRubrics.first?.module.probeIDs == ["always-met"])
        #expect(workspace.allRubrics.first?.descriptor.criteria.first?.title.zh == "乙")
    }

    @Test func aBrokenDataRubricIsBadInputWithFileLineAndPath() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        // A wrong type: decoding fails at $.criteria[1].weight.
        let broken = Self.otherRubric(id: "broken").replacingOccurrences(of: "\"weight\": 1, \"children\"", with: "\"weight\": \"one\", \"children\"")
        let line = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"one\"") }) + 1
        try folder.write(broken, to: "rubrics/broken.json")
        #expect(try Self.assess(folder) == 3)
        let problems = try Self.problems(folder)
        #expect(problems.contains("rubrics/broken.json:\(line): $.criteria[1].weight: wrong type"), "\(problems)")

        // A semantic error: an example that does not hold, reported at the example's path.
        let wrong = Self.otherRubric(id: "wrong").replacingOccurrences(of: "{\"facts\": {\"my.S1.02\": \"full\"}, \"outcome\": \"met\"",
                                                                       with: "{\"facts\": {\"my.S1.02\": \"full\"}, \"outcome\": \"notMet\"")
        try FileManager.default.removeItem(at: folder.url.appending(path: "rubrics/broken.json"))
        try folder.write(wrong, to: "rubrics/wrong.json")
        #expect(try Self.assess(folder) == 3)
        let exampleLine = try #require(wrong.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"outcome\": \"notMet\"") && $0.contains("my.S1.02") }) + 1
        #expect(try Self.problems(folder).contains("rubrics/wrong.json:\(exampleLine): $.criteria[0].children[1].examples[0]: example 1 of S1.02 fails"))

        // Not JSON at all.
        try FileManager.default.removeItem(at: folder.url.appending(path: "rubrics/wrong.json"))
        try folder.write("{\n  \"id\": \"x\",\n  \"version\": \n}\n", to: "rubrics/syntax.json")
        #expect(try Self.assess(folder) == 3)
        #expect(try Self.problems(folder).contains("rubrics/syntax.json:4:"))
    }
}
