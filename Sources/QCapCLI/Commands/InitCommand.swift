import Foundation
import QCapCore
import QCapProviders

/// `qcap init [DIR] [--example]`: a new workspace; with `--example`, a synthetic pilot region to try QCap on.
enum InitCommand {
    static var spec: CommandSpec {
        CommandSpec("init", summary: "Create a workspace; --example fills it with a synthetic pilot region (fictional enterprises).",
                    discussion: """
                    The example is rubric-driven: every registered rubric contributes evidence derived from its own descriptor, with a seeded spread of levels and a few deliberately missing or conflicting facts. It includes quality chains (chains.csv) and, unless --no-baseline, the year before: the same enterprises a year earlier (most a little weaker, some not yet assessed) under history/<year>, assessed as of a year before --as-of and stored in the workspace's result store, so `qcap region --baseline <year>` counts new entrants right after `qcap assess`.
                    """,
                    options: [
                        .flag("example", help: "Fill the workspace with synthetic enterprises and evidence."),
                        .value("enterprises", short: "n", valueName: "N", help: "Number of synthetic enterprises.", defaultValue: "40"),
                        .value("seed", valueName: "S", help: "Random seed (same seed, same files).", defaultValue: "2026"),
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Reference date for synthetic dates (certificates).", defaultValue: "today"),
                        .flag("bulk", help: "Write all evidence to one evidence.jsonl (the default above 200 enterprises)."),
                        .flag("force", help: "Write into a folder that already holds a workspace."),
                        .flag("no-baseline", help: "Without last year's baseline (history/<year>, assessed and stored) in the example."),
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
        var dataRubricFiles: [String] = []
        let folder = root.appending(path: "rubrics")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
            dataRubricFiles.append(name)
            guard let data = try? Data(contentsOf: folder.appending(path: name)) else { continue }
            do {
                rubrics.append(DeclarativeRubric(descriptor: try RubricLoader.load(data: data, file: "rubrics/\(name)")))
            } catch {
                throw .input(error)
            }
        }
        let example = arguments.flag("example")
        let generator = ExampleWorkspace(rubrics: rubrics, enterprises: example ? count : 0, seed: seed,
                                         asOf: asOf, bulk: arguments.flag("bulk") || count > 200, dataRubricFiles: dataRubricFiles)
        var baseline: URL?
        do {
            try generator.write(to: root)
            if example && !arguments.flag("no-baseline") { baseline = try generator.writeBaseline(under: root) }
        } catch {
            throw .usage("cannot write the workspace at \(root.path): \(error)")
        }
        let name = arguments.positional("DIR") ?? "."
        if let baseline {
            let id = try assessBaseline(baseline, storeRoot: root, asOf: asOf.adding(years: -1), context: context)
            try QCapCommand.printResult("Stored the \(generator.baselineYear) baseline (\(generator.baselineFolder), as of \(asOf.adding(years: -1))) as run \(id) in \(RunRecorder.displayPath(root)).\n")
        }
        if example {
            try QCapCommand.printResult("Created an example workspace in \(name): \(count) fictional enterprises, \(rubrics.count) rubrics.\n"
                                        + "Next: qcap assess --workspace \(name)"
                                        + (baseline == nil ? "" : ", then qcap region --workspace \(name) --baseline \(generator.baselineYear)") + "\n")
        } else {
            try QCapCommand.printResult("Created an empty workspace in \(name). Fill enterprises.csv and evidence/, then: qcap assess --workspace \(name)\n")
        }
    }

    /// Assesses the baseline year's workspace and records it in the example's own store, as `qcap assess` would.
    static func assessBaseline(_ folder: URL, storeRoot: URL, asOf: Day, context: CommandContext) throws(CommandFailure) -> Int {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(folder, registered: context.rubrics, providers: context.providers)
        } catch {
            throw .input(error)
        }
        let recorder = try RunRecorder.begin(workspace, asOf: asOf, extraRubricFiles: [], storeRoot: storeRoot)
        do {
            try workspace.runner(asOf: asOf).run(workspace.roster.enterprises, review: workspace.roster.review) { runs in
                try recorder.record(runs)
            }
            return try recorder.commit()
        } catch let error as InputErrors {
            recorder.rollback()
            throw .input(error)
        } catch let error as CommandFailure {
            recorder.rollback()
            throw error
        } catch {
            recorder.rollback()
            throw .usage("\(error)")
        }
    }
}
