import Foundation
import QCapCore
import QCapProviders

/// The `qcap` command line as a library, so a third party builds its own driver with extra rubric modules:
///
///     import QCapCLI
///     QCapCommand.main(rubrics: BuiltInRubrics.all + [MyRubric()])
public enum QCapCommand {
    /// Runs the command line and exits with its code: 0 success, 1 threshold not met, 2 usage error, 3 bad input.
    public static func main(rubrics: [any Rubric], providers: [any DataProvider] = BuiltInProviders.all) -> Never {
        let code = run(Array(CommandLine.arguments.dropFirst()), rubrics: rubrics, providers: providers)
        exit(code)
    }

    /// Runs one command line and returns its exit code (used by `main` and by tests).
    public static func run(_ arguments: [String], rubrics: [any Rubric], providers: [any DataProvider] = BuiltInProviders.all) -> Int32 {
        let context = CommandContext(rubrics: rubrics, providers: providers,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch ArgumentParser.parse(arguments, spec: CommandTree.spec) {
        case .help(let text):
            print(text)
            return 0
        case .usageError(let error):
            printError(error.description)
            return UsageError.exitCode
        case .parsed(let parsed):
            do throws(CommandFailure) {
                try CommandTree.dispatch(parsed, context: context)
                return 0
            } catch {
                switch error {
                case .usage(let message):
                    printError("error: \(message)\nRun 'qcap \(parsed.subcommandPath.joined(separator: " ")) --help' for usage.")
                    return UsageError.exitCode
                case .input(let errors):
                    printError(errors.errors.map { "error: \($0.description)" }.joined(separator: "\n"))
                    printError("qcap: bad input (\(errors.errors.count) problem\(errors.errors.count == 1 ? "" : "s")); nothing was stored.")
                    return 3
                case .unmet(let message):
                    if let message { printError(message) }
                    return 1
                }
            }
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
