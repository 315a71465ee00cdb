import Foundation
import QCapCore
import QCapProviders
import Testing

@testable import QCapCLI

/// The typed module surface seen from a workspace: a module run with an overriding data rubric sees that file's
/// descriptor and the tailored parameters in every hook (probe, finish, report outline), and a parameter its run
/// preparation cannot use is bad input (exit 3) naming the file and the parameter, with nothing stored.
@Suite(.serialized) struct ModuleSurfaceTests {
    /// A module whose hooks report what they see: the descriptor's title and the prepared `label` parameter.
    struct EchoRubric: Rubric {
        static let json = """
            {"id": "echo", "version": "1.0.0", "module": "Echo", "title": {"zh": "回声", "en": "Echo"}, "factPrefix": "echo",
             "provenance": {"basis": [{"part": {"zh": "全部", "en": "All"}, "status": "drafted"}]},
             "scoring": {"model": "weightedTree"},
             "parameters": {"label": {"value": "built-in", "status": "assumption", "description": {"zh": "标签", "en": "A label"}}},
             "criteria": [{"id": "E1", "title": {"zh": "回声", "en": "Echo"}, "evidence": {"type": "text", "probe": "echo"},
                           "examples": [{"facts": {"echo.E1": "x"}, "outcome": "met"}]}]}
            """
        let descriptor: RubricDescriptor

        init() throws {
            descriptor = try RubricLoader.load(data: Data(Self.json.utf8), file: "rubrics/echo.json", probes: .unknown)
        }

        var probes: [Probe<EchoRubric>] {
            [Probe(id: "echo") { input in
                input.finding(.met, score: 1, message: LocalizedText("probe: \(input.descriptor.title.en) / \(input.run) / \(input.prepared)"))
            }]
        }

        func prepareRun(_ context: RubricContext) throws(InputErrors) -> String {
            guard let label = context.parameter("label")?.stringValue else {
                throw InputErrors([context.parameterError("label", "is not a text", expected: "a text")])
            }
            return label
        }

        func prepareEnterprise(_ context: EnterpriseContext<EchoRubric>) -> String {
            "prepared for \(context.enterprise.id)"
        }

        func finish(_ result: inout RubricResult, context: EnterpriseContext<EchoRubric>, prepared: String) {
            result.notes.append(LocalizedText("finish: \(context.descriptor.title.en) / \(context.run) / \(prepared)"))
        }

        func reportOutline(for result: RubricResult, enterprise: Enterprise, language: Language, context: RubricContext) -> String? {
            "outline: \(context.descriptor.title.en) / \(context.parameter("label")?.stringValue ?? "?")\n"
        }
    }

    /// An example workspace assessed with the echo module, its file overridden by the workspace (title "Echo (city)",
    /// label "city") and `tailoring` set in qcap.json.
    func workspace(label: JSONValue = "city", tailoring: [String: Any]? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("module-surface")
        #expect(QCapCommand.run(["init", folder.url.path, "--example", "-n", "2", "--as-of", "2026-06-30"], rubrics: [try EchoRubric()]) == 0)
        let overriding = EchoRubric.json.replacingOccurrences(of: "\"en\": \"Echo\"}, \"factPrefix\"", with: "\"en\": \"Echo (city)\"}, \"factPrefix\"")
            .replacingOccurrences(of: "\"value\": \"built-in\"", with: "\"value\": \(JSONWriter.write(label))")
        try folder.write(overriding, to: "rubrics/echo.json")
        try DataRubricTests.setConfig(folder, "override", ["echo"])
        if let tailoring { try DataRubricTests.setConfig(folder, "tailoring", ["echo": tailoring]) }
        return folder
    }

    func enterprise(_ folder: TemporaryFolder) throws -> String {
        let roster = try folder.read("enterprises.csv")
        return String(try #require(roster.split(separator: "\r\n").dropFirst().first).prefix(18))
    }

    @Test func everyHookSeesTheOverridingDescriptorAndTheTailoredParameters() throws {
        let folder = try workspace(tailoring: ["parameters": ["label": "tailored"]])
        defer { folder.remove() }
        let workspace = try Workspace.open(folder.url, registered: [try EchoRubric()], providers: BuiltInProviders.all)
        let engine = try #require(workspace.engines.first)
        #expect(engine.descriptor.title.en == "Echo (city)")
        let id = try enterprise(folder)
        let result = try workspace.runner(asOf: try #require(Day(iso: "2026-06-30"))).assess(try #require(workspace.roster.enterprises.first { $0.id == id }))
            .results[0]
        #expect(result.rubric.title.en == "Echo (city)")
        #expect(result.findings.first?.message.en == "probe: Echo (city) / tailored / prepared for \(id)")
        #expect(result.notes.contains(LocalizedText("finish: Echo (city) / tailored / prepared for \(id)")))

        // The report outline, from the stored result: the stored (overriding) descriptor and the recorded tailoring.
        #expect(QCapCommand.run(["assess", "-w", folder.url.path, "--as-of", "2026-06-30", "--format", "csv", "-o",
                                 folder.url.appending(path: "out.csv").path], rubrics: [try EchoRubric()]) == 0)
        let report = folder.url.appending(path: "report.md")
        #expect(QCapCommand.run(["report", id, "-w", folder.url.path, "--format", "md", "-o", report.path], rubrics: [try EchoRubric()]) == 0)
        #expect(try folder.read("report.md").contains("outline: Echo (city) / tailored"))
    }

    @Test func aTailoredParameterTheModuleCannotUseIsBadInputNamingQcapJSON() throws {
        let folder = try workspace(tailoring: ["parameters": ["label": 42]])
        defer { folder.remove() }
        // The example may hold a store already (a baseline year); a run with bad input must leave it as it was.
        let store = folder.url.appending(path: ".qcap/results.sqlite")
        let before = try? Data(contentsOf: store)
        let status = QCapCommand.run(["assess", "-w", folder.url.path, "--as-of", "2026-06-30"], rubrics: [try EchoRubric()])
        #expect(status == 3)
        #expect((try? Data(contentsOf: store)) == before, "a run with bad input changed the store")
        #expect(throws: InputErrors.self) {
            _ = try Workspace.open(folder.url, registered: [try EchoRubric()], providers: BuiltInProviders.all)
        }
        let problems = try DataRubricTests.problems(folder, registered: [try EchoRubric()])
        #expect(problems.contains("qcap.json: $.tailoring.echo.parameters.label: parameter label of rubric echo: is not a text; expected a text"),
                "\(problems)")
    }

    @Test func anOverridingFileWhoseParameterTheModuleCannotUseIsBadInputNamingTheFile() throws {
        let folder = try workspace(label: 42)
        defer { folder.remove() }
        #expect(QCapCommand.run(["assess", "-w", folder.url.path, "--as-of", "2026-06-30"], rubrics: [try EchoRubric()]) == 3)
        let problems = try DataRubricTests.problems(folder, registered: [try EchoRubric()])
        #expect(problems.contains("rubrics/echo.json: $.parameters.label.value: parameter label of rubric echo: is not a text"), "\(problems)")
    }
}
