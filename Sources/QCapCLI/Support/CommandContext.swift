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
    /// Exit 2: the command line is wrong (or asks for something that does not exist); nothing was read or written.
    case usage(String)
    /// Exit 3: bad input, each problem with its file and place; nothing was stored.
    case input(InputErrors)
    /// The command ran but a threshold was not met (exit 1), or a check failed (e.g. an invalid USCC).
    case unmet(String?)
    /// Exit 3: the result could not be written (a full disk, a closed standard output); `path` as the user typed it
    /// or "standard output", `reason` the system's. Temporary files are removed and nothing was stored.
    case output(path: String, reason: String)
    /// The reader of standard output went away (EPIPE): stop quietly with the status a shell reports for a process
    /// ended by SIGPIPE (141), as `grep` or `jq` end in `… | head`. Nothing was stored.
    case closedPipe
    /// Exit 4: QCap (or a rubric module) produced something impossible, such as a score that is not a finite number.
    /// Nothing was stored or written; the message names the rubric.
    case internalError(String)

    static let closedPipeStatus: Int32 = 128 + 13

    /// Prints the failure to standard error and returns the exit status; `command` is the subcommand path for the
    /// usage hint ("qcap assess"), nil for none.
    func report(command: String?) -> Int32 {
        switch self {
        case .usage(let message):
            StandardStreams.writeError("error: \(message)\n" + (command.map { "Run '\($0) --help' for usage.\n" } ?? ""))
            return UsageError.exitCode
        case .input(let errors):
            StandardStreams.writeError(errors.errors.map { "error: \($0.description)\n" }.joined()
                + "qcap: bad input (\(errors.errors.count) problem\(errors.errors.count == 1 ? "" : "s")); nothing was stored.\n")
            return 3
        case .unmet(let message):
            if let message { StandardStreams.writeError(message + "\n") }
            return 1
        case .output(let path, let reason):
            StandardStreams.writeError("error: cannot write \(path): \(reason)\n"
                + "qcap: the output was not completed; nothing was stored\(path == "standard output" ? "" : " and \(path) is as it was").\n")
            return 3
        case .closedPipe:
            return Self.closedPipeStatus
        case .internalError(let message):
            StandardStreams.writeError("internal error: \(message)\n"
                + "qcap: this is a bug in QCap or in the rubric named above, not in your input; nothing was stored or written. Please report it.\n")
            return 4
        }
    }
}
