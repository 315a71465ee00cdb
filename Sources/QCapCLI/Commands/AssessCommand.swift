import Foundation
import QCapCore
import QCapProviders
import QCapReports

/// `qcap assess`: assesses a workspace's enterprises with its rubrics and writes the results.
enum AssessCommand {
    static let formats = ["table", "json", "jsonl", "csv"]

    static var spec: CommandSpec {
        CommandSpec("assess", summary: "Assess the workspace's enterprises: score, level, coverage, findings and the gap to the next level.",
                    discussion: "Reads qcap.json, the roster and every evidence source once, then evaluates the enterprises concurrently. With the same inputs and --as-of the output is byte-identical. The table fits the terminal (COLUMNS, else the terminal's width, else 100 columns): score and level per rubric, * for low coverage; --wide adds coverage and the USCC.",
                    options: [
                        CommandTree.workspaceOption,
                        .value("rubric", short: "r", valueName: "ID", help: "Only this rubric (repeatable); default: the workspace's rubrics.", repeatable: true),
                        .value("rubric-file", valueName: "FILE", help: "Also load this data rubric (repeatable).", repeatable: true),
                        .value("enterprise", short: "e", valueName: "USCC", help: "Only this enterprise (repeatable).", repeatable: true),
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Assessment date for expiry checks.", defaultValue: "today (Asia/Shanghai)"),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "table"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                        .flag("wide", help: "Table: also the coverage of every result and the USCC, whatever the terminal's width."),
                        .value("fail-under", valueName: "SCORE", help: "Exit 1 when any score is below SCORE (0–100)."),
                        .flag("no-store", help: "Do not record the run in the result store."),
                        CommandTree.quietOption,
                    ],
                    examples: ["qcap assess --workspace demo", "qcap assess --workspace demo --format json --as-of 2026-06-30 > out.json",
                               "qcap assess -w demo --rubric manufacturing-capability --enterprise 91350600… --format csv -o out.csv"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let asOf = try asOfDay(arguments)
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        var failUnder: Double?
        if let text = arguments.value("fail-under") {
            guard let value = DecimalNumber.parse(text), value >= 0, value <= 100 else {
                throw .usage("--fail-under expects a score 0–100 (a decimal number such as 60), got '\(text)'")
            }
            failUnder = value
        }
        try checkRubricNames(arguments, context: context)
        // The destination is checked (and its temporary file made) before anything is read or computed.
        let output = try OutputTarget(path: arguments.value("output"), context: context,
                                      protected: .workspace(root: workspaceRoot(arguments, context: context),
                                                            extraRubricFiles: rubricFiles(arguments, context: context)))
        do {
            try assess(arguments, context: context, asOf: asOf, language: language, failUnder: failUnder, output: output)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Assesses and writes; the output is committed (the whole result written) before the store's transaction, so a
    /// run is stored only when its output is complete, and a failed write leaves the store as it was.
    static func assess(_ arguments: ParsedArguments, context: CommandContext, asOf: Day, language: Language, failUnder: Double?,
                       output: OutputTarget) throws(CommandFailure) {
        let workspace = try openWorkspace(arguments, context: context)
        var enterprises = workspace.roster.enterprises
        let wanted = arguments.values("enterprise")
        if !wanted.isEmpty {
            let known = Set(enterprises.map(\.id))
            if let missing = wanted.first(where: { !known.contains($0) }) {
                throw .usage("enterprise \(missing) is not on the roster \(workspace.config.roster)")
            }
            let selected = Set(wanted)
            enterprises = enterprises.filter { selected.contains($0.id) }
        }
        // A table written to a file is not fitted to this terminal.
        let width = output.isFile ? AssessmentTable.defaultWidth : TerminalWidth.current(environment: ProcessInfo.processInfo.environment)
        var writer = AssessmentWriter(format: arguments.value("format") ?? "table", language: language,
                                      rubrics: workspace.engines.map(\.descriptor), output: output, width: width,
                                      wide: arguments.flag("wide"))
        var below: [String] = []
        let recorder = arguments.flag("no-store") ? nil
            : try RunRecorder.begin(workspace, asOf: asOf, extraRubricFiles: rubricFiles(arguments, context: context))
        let progress = ProgressMeter(total: enterprises.count,
                                     enabled: ProgressMeter.shouldShow(quiet: arguments.flag("quiet"), resultOnStandardOutput: !output.isFile))
        defer { progress.finish() }
        do {
            try writer.begin(asOf: asOf)
            try workspace.runner(asOf: asOf).run(enterprises, review: workspace.roster.review) { runs in
                try FiniteResults.check(runs)
                progress.advance(by: runs.count)
                try recorder?.record(runs)
                for run in runs {
                    try writer.write(run)
                    if let failUnder {
                        for result in run.results where (result.score ?? 0) < failUnder {
                            below.append("\(run.enterprise.id) \(result.rubric.id) \(result.score.map { AssessmentTable.fixed($0, 1) } ?? "—")")
                        }
                    }
                }
            }
            progress.finish()
            try writer.end(count: enterprises.count, asOf: asOf)
            try output.commit()
            if let recorder {
                let id = try recorder.commit()
                QCapCommand.printError("qcap: stored as run \(id) of period \(recorder.period) in \(recorder.displayPath)")
            }
        } catch let error as InputErrors {
            recorder?.rollback()
            throw .input(error)
        } catch let error as CommandFailure {
            recorder?.rollback()
            throw error
        } catch {
            recorder?.rollback()
            throw .internalError("\(error)")
        }
        if let failUnder, !below.isEmpty {
            throw .unmet("\(below.count) result(s) below --fail-under \(failUnder.formatted):\n" + below.prefix(20).joined(separator: "\n"))
        }
    }

    static func asOfDay(_ arguments: ParsedArguments) throws(CommandFailure) -> Day {
        guard let text = arguments.value("as-of") else { return Day.today() }
        guard let day = Day(iso: text) else { throw .usage("--as-of expects a date YYYY-MM-DD, got '\(text)'") }
        return day
    }

    static func rubricFiles(_ arguments: ParsedArguments, context: CommandContext) -> [URL] {
        arguments.declares("rubric-file") ? arguments.values("rubric-file").map(context.url) : []
    }

    static func workspaceRoot(_ arguments: ParsedArguments, context: CommandContext) -> URL {
        context.url(arguments.value("workspace") ?? ".")
    }

    /// An unknown `--rubric` is a usage error with a suggestion, checked against the registered rubrics and the
    /// workspace's data rubric files before the workspace is opened. (When qcap.json cannot be read, opening the
    /// workspace reports that instead.)
    static func checkRubricNames(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let selected = arguments.values("rubric")
        guard !selected.isEmpty else { return }
        let root = workspaceRoot(arguments, context: context)
        let configURL = root.appending(path: WorkspaceConfig.fileName)
        guard let config = try? WorkspaceConfig.read(configURL, displayPath: WorkspaceConfig.fileName) else { return }
        let known = Workspace.rubricIDs(root: root, config: config, extraRubricFiles: rubricFiles(arguments, context: context),
                                        registered: context.rubrics)
        for id in selected where !known.contains(id) {
            let suggestion = Levenshtein.closest(to: id, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown rubric '\(id)' (--rubric)\(suggestion)\nknown rubrics: \(known.sorted().joined(separator: ", "))")
        }
    }

    static func openWorkspace(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) -> Workspace {
        try checkRubricNames(arguments, context: context)
        do {
            return try Workspace.open(workspaceRoot(arguments, context: context), registered: context.rubrics, providers: context.providers,
                                      select: arguments.values("rubric"), extraRubricFiles: rubricFiles(arguments, context: context))
        } catch {
            throw .input(error)
        }
    }
}
