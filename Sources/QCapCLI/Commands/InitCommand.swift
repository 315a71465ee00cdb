import Foundation
import QCapCore

/// `qcap init [DIR] [--example]`: a new workspace; with `--example`, a synthetic pilot region to try QCap on.
enum InitCommand {
    static var spec: CommandSpec {
        CommandSpec("init", summary: "Create a workspace; --example fills it with a synthetic pilot region (fictional enterprises).",
                    discussion: "The example is rubric-driven: every registered rubric contributes evidence derived from its own descriptor, with a seeded spread of levels and a few deliberately missing or conflicting facts.",
                    options: [
                        .flag("example", help: "Fill the workspace with synthetic enterprises and evidence."),
                        .value("enterprises", short: "n", valueName: "N", help: "Number of synthetic enterprises.", defaultValue: "40"),
                        .value("seed", valueName: "S", help: "Random seed (same seed, same files).", defaultValue: "2026"),
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Reference date for synthetic dates (certificates).", defaultValue: "today"),
                        .flag("bulk", help: "Write all evidence to one evidence.jsonl (the default above 200 enterprises)."),
                        .flag("force", help: "Write into a folder that already holds a workspace."),
                    ],
                    positionals: [.optional("DIR", help: "The workspace folder (default: current folder).")],
                    examples: ["qcap init demo --example", "qcap init big --example --enterprises 10000 --seed 7"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let root = context.url(arguments.positional("DIR") ?? ".")
        if FileManager.default.fileExists(atPath: root.appending(path: "qcap.json").path) && !arguments.flag("force") {
            throw .usage("\(root.path) already holds a workspace (qcap.json); use --force to overwrite it")
        }
        let count = Int(arguments.value("enterprises") ?? "40") ?? -1
        guard count >= 1, count <= 1_000_000 else { throw .usage("--enterprises expects a number 1–1000000") }
        guard let seed = UInt64(arguments.value("seed") ?? "2026") else { throw .usage("--seed expects a non-negative integer") }
        let asOf = try AssessCommand.asOfDay(arguments)
        // Data rubrics already in DIR/rubrics take part in the example too: every rubric gets example data.
        var rubrics = context.rubrics
        let folder = root.appending(path: "rubrics")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appending(path: name)) else { continue }
            do {
                rubrics.append(DeclarativeRubric(descriptor: try RubricLoader.load(data: data, file: "rubrics/\(name)")))
            } catch {
                throw .input(error)
            }
        }
        let generator = ExampleWorkspace(rubrics: rubrics, enterprises: arguments.flag("example") ? count : 0, seed: seed,
                                         asOf: asOf, bulk: arguments.flag("bulk") || count > 200)
        do {
            try generator.write(to: root)
        } catch {
            throw .usage("cannot write the workspace at \(root.path): \(error)")
        }
        let name = arguments.positional("DIR") ?? "."
        if arguments.flag("example") {
            try QCapCommand.printResult("Created an example workspace in \(name): \(count) fictional enterprises, \(rubrics.count) rubrics.\n"
                                        + "Next: qcap assess --workspace \(name)\n")
        } else {
            try QCapCommand.printResult("Created an empty workspace in \(name). Fill enterprises.csv and evidence/, then: qcap assess --workspace \(name)\n")
        }
    }
}
