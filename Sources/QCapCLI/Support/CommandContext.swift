import Foundation
import QCapCore

/// What every command runs with: the registered rubrics and providers, and where output goes.
struct CommandContext: Sendable {
    var rubrics: [any Rubric]
    var providers: [any DataProvider]
    /// The folder relative paths are resolved against (the process's working directory).
    var currentDirectory: URL

    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appending(path: path)
    }
}

/// Why a command stopped: the exit code and message the driver prints.
enum CommandFailure: Error {
    case usage(String)
    case input(InputErrors)
    /// The command ran but a threshold was not met (exit 1), or a check failed (e.g. an invalid USCC).
    case unmet(String?)
}
