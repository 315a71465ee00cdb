/// Parses command-line arguments against a `CommandSpec` tree.
///
/// Supported syntax: `--name value`, `--name=value`, `-n value`, `--flag`, `-f`, repeated
/// options, options before or after positionals, `--` ending option parsing, nested
/// subcommands, `--help`/`-h` anywhere (help of the deepest command reached) and `help` in a
/// subcommand position (`qcap help assess`, `qcap rubrics help show`).
///
/// A value for `--name value` may start with a single `-` (`--seed -5`, `--output -`); a
/// following token that starts with `--` (or is `-h`) is not taken as a value: that is a
/// missing-value error. Use `--name=--odd` for such values.
enum ArgumentParser {
    /// - Parameters:
    ///   - arguments: the command line without the program name
    ///     (`Array(CommandLine.arguments.dropFirst())`).
    ///   - spec: the root command; its `name` is the program name used in messages.
    static func parse(_ arguments: [String], spec: CommandSpec) -> ParseResult {
        var parser = Parser(arguments: arguments, root: spec)
        return parser.run()
    }

    /// Help text of the command at `path` (names below the root), or `nil` if there is none.
    static func helpText(for path: [String], spec: CommandSpec) -> String? {
        var commandPath = [spec.name]
        var current = spec
        for name in path {
            guard let next = current.subcommand(named: name) else { return nil }
            commandPath.append(name)
            current = next
        }
        return HelpFormatter.render(current, commandPath: commandPath)
    }
}

private struct Parser {
    let arguments: [String]
    var current: CommandSpec
    var path: [String]
    var declaredOptions: [String: Bool] = [:]
    var index = 0
    var optionsEnded = false
    var helpRequested = false
    var optionValues: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionalTokens: [String] = []

    init(arguments: [String], root: CommandSpec) {
        self.arguments = arguments
        self.current = root
        self.path = [root.name]
        declare(root)
    }

    private var commandText: String { path.joined(separator: " ") }

    mutating func run() -> ParseResult {
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if !optionsEnded {
                if token == "--" {
                    optionsEnded = true
                    continue
                }
                if token == "--help" || token == "-h" {
                    helpRequested = true
                    continue
                }
                if token.count > 1 && token.hasPrefix("-") {
                    if let error = parseOption(token) { return fail(error) }
                    continue
                }
            }
            if !current.subcommands.isEmpty {
                if let subcommand = current.subcommand(named: token) {
                    enter(subcommand)
                } else if token == "help" {
                    helpRequested = true
                } else {
                    // Reported even when help was asked for: help of a misspelt command is
                    // impossible, and the suggestion is what the user needs.
                    return .usageError(unknownSubcommand(token))
                }
                continue
            }
            positionalTokens.append(token)
        }

        if helpRequested { return .help(HelpFormatter.render(current, commandPath: path)) }
        if !current.subcommands.isEmpty {
            return .usageError(
                UsageError(
                    kind: .missingSubcommand,
                    message: "missing subcommand for '\(commandText)' (available: \(subcommandList))",
                    commandPath: path))
        }
        return assignPositionals()
    }

    private mutating func enter(_ subcommand: CommandSpec) {
        current = subcommand
        path.append(subcommand.name)
        declare(subcommand)
    }

    private mutating func declare(_ command: CommandSpec) {
        for option in command.options { declaredOptions[option.long] = option.isFlag }
    }

    private var subcommandList: String {
        current.subcommands.map(\.name).joined(separator: ", ")
    }

    /// Turns an error into help output when help was (or will be) requested.
    private func fail(_ error: UsageError) -> ParseResult {
        if helpRequested || helpAhead {
            return .help(HelpFormatter.render(current, commandPath: path))
        }
        return .usageError(error)
    }

    private var helpAhead: Bool {
        for token in arguments[index...] {
            if token == "--" { return false }
            if token == "--help" || token == "-h" { return true }
        }
        return false
    }

    // MARK: Options

    private mutating func parseOption(_ token: String) -> UsageError? {
        if token.hasPrefix("--") {
            let body = token.dropFirst(2)
            let name: String
            let inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
                inlineValue = nil
            }
            if name == "help" {
                helpRequested = true
                return nil
            }
            guard let option = current.option(named: name) else {
                let suggestion = Levenshtein.closest(
                    to: name, among: current.options.map(\.long) + ["help"])
                return unknownOption("--\(name)", suggestion: suggestion.map { "--\($0)" })
            }
            return apply(option, spelled: "--\(name)", inlineValue: inlineValue)
        }

        let body = token.dropFirst()
        if body.count == 1, let short = body.first, let option = current.option(short: short) {
            return apply(option, spelled: "-\(short)", inlineValue: nil)
        }
        // `-workspace` → suggest `--workspace`.
        let suggestion = body.count > 1
            ? Levenshtein.closest(to: String(body), among: current.options.map(\.long)).map { "--\($0)" }
            : nil
        return unknownOption(token, suggestion: suggestion)
    }

    private mutating func apply(_ option: OptionSpec, spelled: String, inlineValue: String?) -> UsageError? {
        guard let valueName = option.valueName else {
            if inlineValue != nil {
                return UsageError(
                    kind: .unexpectedValue,
                    message: "option '\(spelled)' of '\(commandText)' does not take a value",
                    commandPath: path)
            }
            flags.insert(option.long)
            return nil
        }

        let value: String
        if let inlineValue {
            value = inlineValue
        } else if index < arguments.count, !arguments[index].hasPrefix("--"), arguments[index] != "-h" {
            value = arguments[index]
            index += 1
        } else {
            value = ""
        }
        guard !value.isEmpty else {
            return UsageError(
                kind: .missingValue,
                message: "missing value for option '\(spelled)' of '\(commandText)' (expected \(valueName))",
                commandPath: path)
        }

        if let allowed = option.allowedValues, !allowed.contains(value) {
            return UsageError(
                kind: .invalidValue,
                message: "invalid value '\(value)' for option '\(spelled)' of '\(commandText)'"
                    + " (allowed: \(allowed.joined(separator: ", ")))",
                commandPath: path,
                suggestion: Levenshtein.closest(to: value, among: allowed))
        }

        if !option.repeatable, optionValues[option.long] != nil {
            return UsageError(
                kind: .duplicateOption,
                message: "option '--\(option.long)' of '\(commandText)' may be given only once",
                commandPath: path)
        }
        optionValues[option.long, default: []].append(value)
        return nil
    }

    private func unknownOption(_ spelled: String, suggestion: String?) -> UsageError {
        UsageError(
            kind: .unknownOption,
            message: "unknown option '\(spelled)' for '\(commandText)'",
            commandPath: path,
            suggestion: suggestion)
    }

    private func unknownSubcommand(_ token: String) -> UsageError {
        let suggestion = Levenshtein.closest(to: token, among: current.subcommands.map(\.name))
        var message = "unknown subcommand '\(token)' for '\(commandText)'"
        if suggestion == nil { message += " (available: \(subcommandList))" }
        return UsageError(
            kind: .unknownSubcommand, message: message, commandPath: path, suggestion: suggestion)
    }

    // MARK: Positionals

    private func assignPositionals() -> ParseResult {
        var remaining = positionalTokens[...]
        var assigned: [String: [String]] = [:]
        for positional in current.positionals {
            if positional.isVariadic {
                if positional.isRequired && remaining.isEmpty {
                    return .usageError(missingArgument(positional))
                }
                assigned[positional.name] = Array(remaining)
                remaining = []
            } else if let first = remaining.first {
                assigned[positional.name] = [first]
                remaining = remaining.dropFirst()
            } else if positional.isRequired {
                return .usageError(missingArgument(positional))
            }
        }
        if let extra = remaining.first {
            return .usageError(
                UsageError(
                    kind: .unexpectedArgument,
                    message: "unexpected argument '\(extra)' for '\(commandText)'",
                    commandPath: path))
        }
        return .parsed(
            ParsedArguments(
                commandPath: path,
                optionValues: optionValues,
                flags: flags,
                positionalValues: assigned,
                declaredOptions: declaredOptions,
                declaredPositionals: Set(current.positionals.map(\.name))))
    }

    private func missingArgument(_ positional: PositionalSpec) -> UsageError {
        UsageError(
            kind: .missingArgument,
            message: "missing required argument \(positional.name.uppercased()) for '\(commandText)'",
            commandPath: path)
    }
}
