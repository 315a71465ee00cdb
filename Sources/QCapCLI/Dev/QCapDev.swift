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
        StandardStreams.prepare()
        let context = CommandContext(rubrics: BuiltInRubrics.all, providers: BuiltInProviders.all,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch ArgumentParser.parse(Array(CommandLine.arguments.dropFirst()), spec: spec) {
        case .help(let text):
            do throws(CommandFailure) {
                try QCapCommand.printResult(text + "\n")
                exit(0)
            } catch {
                exit(error.report(command: nil))
            }
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
                exit(error.report(command: "qcap-dev " + parsed.subcommandPath.joined(separator: " ")))
            }
        }
    }
}
