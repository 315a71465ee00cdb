/// What `ArgumentParser.parse` produced.
enum ParseResult: Sendable, Equatable {
    /// Arguments are valid for the selected command.
    case parsed(ParsedArguments)
    /// `--help`, `-h` or the word `help` was given: the help text of the deepest command
    /// reached. Print it to standard output and exit 0.
    case help(String)
    /// Invalid command line. Print `error.description` to standard error and exit with
    /// `UsageError.exitCode` (2).
    case usageError(UsageError)
}
