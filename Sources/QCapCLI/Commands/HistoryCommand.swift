import Foundation
import QCapCore
import QCapReports
import QCapStore

/// `qcap history ENTERPRISE`: every stored run of an enterprise with the change in score and level per rubric.
enum HistoryCommand {
    static let formats = ["table", "json", "md", "csv"]

    static var spec: CommandSpec {
        CommandSpec("history", summary: "Show every stored run of an enterprise, with the change in score and level per rubric.",
                    discussion: "A change is computed against the previous run of the same rubric, and only when both results were graded with the same rubric version, content hash, scoring model and tailoring; otherwise the line says why not.",
                    options: [
                        CommandTree.workspaceOption,
                        .value("rubric", short: "r", valueName: "ID", help: "Only this rubric (repeatable).", repeatable: true),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "table"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                    ],
                    positionals: [.required("ENTERPRISE", help: "The enterprise's Unified Social Credit Code.")],
                    examples: ["qcap history 91350626GW8FWJTXK0 --workspace demo", "qcap history 91350626GW8FWJTXK0 -w demo --format json"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let id = arguments.positional("ENTERPRISE") ?? ""
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        let output = try OutputTarget(path: arguments.value("output"), context: context,
                                      protected: .workspace(root: AssessCommand.workspaceRoot(arguments, context: context)))
        do {
            try write(arguments, context: context, enterprise: id, language: language, output: output)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, enterprise id: String, language: Language,
                      output: OutputTarget) throws(CommandFailure) {
        let access = try StoreAccess.open(arguments, context: context)
        let store = try access.requireStore(workspaceArgument: arguments.value("workspace") ?? ".")
        var results = try access.read { () throws(StoreError) in try store.history(enterprise: id) }
        let rubrics = Set(arguments.values("rubric"))
        if !rubrics.isEmpty { results = results.filter { rubrics.contains($0.result.rubric.id) } }
        guard let latest = results.max(by: { $0.runID < $1.runID }) else {
            throw .usage("no results stored for \(id)\(rubrics.isEmpty ? "" : " in the rubric(s) asked for"); run `qcap assess` first")
        }
        let runIDs = Set(results.map(\.runID))
        let runs = try access.read { () throws(StoreError) in try store.runs() }.filter { runIDs.contains($0.id) }.map {
            EnterpriseHistory.Run(id: $0.id, created: $0.created, who: $0.who, period: $0.period, asOf: $0.asOf, inputsHash: $0.inputsHash)
        }
        let history = EnterpriseHistory(enterprise: latest.enterprise, runs: runs, results: results.map { ($0.runID, $0.result) })
        let renderer = HistoryRenderer(language: language)
        switch arguments.value("format") ?? "table" {
        case "json": try output.write(HistoryRenderer.json(history))
        case "md": try output.write(renderer.markdown(history))
        case "csv": try output.write(renderer.csv(history))
        default: try output.write(renderer.table(history))
        }
    }
}
