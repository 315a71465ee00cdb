import Foundation
import QCapCore
import QCapProviders

/// The `qcap` command line as a library, so a third party builds its own driver with extra rubric modules:
///
///     import QCapCLI
///     QCapCommand.main(rubrics: BuiltInRubrics.all + [MyRubric()])
public enum QCapCommand {
    /// Runs the command line and exits with its code: 0 success, 1 threshold not met, 2 usage error, 3 bad input
    /// (or output that could not be written), 4 internal error; 141 when the reader of standard output went away.
    public static func main(rubrics: [any Rubric], providers: [any DataProvider] = BuiltInProviders.all) -> Never {
        StandardStreams.prepare()
        let code = run(Array(CommandLine.arguments.dropFirst()), rubrics: rubrics, providers: providers)
        exit(code)
    }

    /// Runs one command line and returns its exit code (used by `main` and by tests).
    public static func run(_ arguments: [String], rubrics: [any Rubric], providers: [any DataProvider] = BuiltInProviders.all) -> Int32 {
        let context = CommandContext(rubrics: rubrics, providers: providers,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch ArgumentParser.parse(arguments, spec: CommandTree.spec) {
        case .help(let text):
            do throws(CommandFailure) {
                try printResult(text + "\n")
                return 0
            } catch {
                return error.report(command: nil)
            }
        case .usageError(let error):
            printError(error.description)
            return UsageError.exitCode
        case .parsed(let parsed):
            do throws(CommandFailure) {
                try CommandTree.dispatch(parsed, context: context)
                return 0
            } catch {
                return error.report(command: "qcap " + parsed.subcommandPath.joined(separator: " "))
            }
        }
    }

    /// A diagnostic or progress line on standard error (never fails: see `StandardStreams.writeError`).
    static func printError(_ text: String) {
        StandardStreams.writeError(text + "\n")
    }

    /// A short result (a list, a version, a confirmation) on standard output, through the one output path.
    static func printResult(_ text: String) throws(CommandFailure) {
        let output = try OutputTarget.standardOutput()
        try output.write(text)
        try output.commit()
    }
}
