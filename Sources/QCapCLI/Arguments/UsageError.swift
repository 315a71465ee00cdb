/// A command line that does not match the spec.
///
/// `description` is the complete text for standard error, e.g.
/// ```
/// unknown option '--workspce' for 'qcap assess'. Did you mean '--workspace'?
/// Run 'qcap assess --help' for usage.
/// ```
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Process exit status for usage errors (the caller exits with it).
    static let exitCode: Int32 = 2

    enum Kind: Sendable, Equatable {
        case unknownOption
        case unknownSubcommand
        case missingSubcommand
        case missingValue
        case unexpectedValue
        case invalidValue
        case duplicateOption
        case missingArgument
        case unexpectedArgument
    }

    var kind: Kind
    /// The problem, without trailing period or suggestion.
    var message: String
    /// Command path reached when the error was found, root first (`["qcap", "assess"]`).
    var commandPath: [String]
    /// Close match for a misspelt name or value (`"--workspace"`, `"assess"`, `"json"`).
    var suggestion: String?

    init(kind: Kind, message: String, commandPath: [String], suggestion: String? = nil) {
        self.kind = kind
        self.message = message
        self.commandPath = commandPath
        self.suggestion = suggestion
    }

    /// `"qcap assess"`.
    var command: String { commandPath.joined(separator: " ") }

    var description: String {
        var text = message + "."
        if let suggestion { text += " Did you mean '\(suggestion)'?" }
        text += "\nRun '\(command) --help' for usage."
        return text
    }
}
