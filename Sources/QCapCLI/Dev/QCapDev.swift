import Foundation
import QCapCore
import QCapProviders

/// `qcap-dev`: the developer tool (benchmarks, registry generation, rubric scaffolding).
public enum QCapDev {
    static var spec: CommandSpec {
        CommandSpec("qcap-dev", summary: "QCap developer tool.", subcommands: [BenchCommand.spec, RegistryCommand.spec, NewRubricCommand.spec])
    }

    /// Runs `qcap-dev` with the process's arguments and exits: 0 success, 1 a check failed, 2 usage error, 3 bad input.
    public static func main() -> Never {
        let context = CommandContext(rubrics: BuiltInRubrics.all, providers: BuiltInProviders.all,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch ArgumentParser.parse(Array(CommandLine.arguments.dropFirst()), spec: spec) {
        case .help(let text):
            print(text)
            exit(0)
        case .usageError(let error):
            QCapCommand.printError(error.description)
            exit(UsageError.exitCode)
        case .parsed(let parsed):
            do throws(CommandFailure) {
                switch parsed.subcommandPath.first {
                case "bench": try BenchCommand.run(parsed, context: context)
                case "registry": try RegistryCommand.run(parsed, context: context)
                case "new-rubric": try NewRubricCommand.run(parsed, context: context)
                default: throw .usage("unknown command")
                }
                exit(0)
            } catch {
                switch error {
                case .usage(let message): QCapCommand.printError("error: \(message)"); exit(2)
                case .input(let errors): QCapCommand.printError(errors.description); exit(3)
                case .unmet(let message): if let message { QCapCommand.printError(message) }; exit(1)
                }
            }
        }
    }
}
