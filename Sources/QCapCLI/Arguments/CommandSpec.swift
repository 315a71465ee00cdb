/// Declarative description of a command (or subcommand) of the CLI.
///
/// A command either has `subcommands` (and then no positionals) or is a leaf that takes
/// `positionals`. Options are scoped to the command declaring them: options of a parent
/// command are accepted only before its subcommand name (`qcap --verbose assess`).
struct CommandSpec: Sendable, Equatable {
    var name: String
    /// One-line summary; first line of the help text and the SUBCOMMANDS entry in the parent.
    var summary: String
    /// Longer free text shown after USAGE; paragraphs separated by blank lines.
    var discussion: String?
    /// Replaces the generated text after `USAGE: `; may contain several lines.
    var usage: String?
    var options: [OptionSpec]
    var positionals: [PositionalSpec]
    var subcommands: [CommandSpec]
    /// Example command lines, printed verbatim under EXAMPLES.
    var examples: [String]

    init(
        _ name: String,
        summary: String,
        discussion: String? = nil,
        usage: String? = nil,
        options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [],
        subcommands: [CommandSpec] = [],
        examples: [String] = []
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.usage = usage
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.examples = examples
    }

    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    func option(named long: String) -> OptionSpec? {
        options.first { $0.long == long }
    }

    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    /// The spec reached by following `path` (names below this command), or `nil`.
    func command(at path: [String]) -> CommandSpec? {
        var spec = self
        for name in path {
            guard let next = spec.subcommand(named: name) else { return nil }
            spec = next
        }
        return spec
    }

    /// Mistakes in the declaration itself (duplicate names, variadic not last, …), for a unit
    /// test of the real CLI spec. Empty when the spec is well formed. Checks subcommands too.
    func validationProblems() -> [String] {
        validationProblems(parentPath: [])
    }

    private func validationProblems(parentPath: [String]) -> [String] {
        let path = parentPath + [name]
        let where_ = path.joined(separator: " ")
        var problems: [String] = []
        func problem(_ text: String) { problems.append("\(where_): \(text)") }

        if name.isEmpty || name.hasPrefix("-") || name.contains(where: \.isWhitespace) {
            problem("invalid command name '\(name)'")
        }
        var longs: Set<String> = []
        var shorts: Set<Character> = []
        for option in options {
            let long = option.long
            if long.isEmpty || long.hasPrefix("-") || long.contains("=")
                || long.contains(where: \.isWhitespace)
            {
                problem("invalid option name '\(long)' (give it without dashes)")
            }
            if long == "help" { problem("'--help' is built in and must not be declared") }
            if !longs.insert(long).inserted { problem("duplicate option '--\(long)'") }
            if let short = option.short {
                if short == "h" { problem("'-h' is built in and must not be declared") }
                if short == "-" || short.isWhitespace { problem("invalid short name for '--\(long)'") }
                if !shorts.insert(short).inserted { problem("duplicate short option '-\(short)'") }
            }
            if let allowed = option.allowedValues {
                if option.isFlag { problem("flag '--\(long)' cannot have allowed values") }
                if allowed.isEmpty { problem("option '--\(long)' has an empty list of allowed values") }
                if let value = option.defaultValue, !allowed.contains(value) {
                    problem("default '\(value)' of '--\(long)' is not an allowed value")
                }
            }
        }

        var positionalNames: Set<String> = []
        var sawOptional = false
        for (index, positional) in positionals.enumerated() {
            if positional.name.isEmpty { problem("positional with empty name") }
            if !positionalNames.insert(positional.name).inserted {
                problem("duplicate positional '\(positional.name)'")
            }
            if positional.isVariadic && index != positionals.count - 1 {
                problem("variadic positional '\(positional.name)' must be the last one")
            }
            if positional.isRequired && sawOptional {
                problem("required positional '\(positional.name)' follows an optional one")
            }
            if !positional.isRequired { sawOptional = true }
        }

        if !subcommands.isEmpty && !positionals.isEmpty {
            problem("a command with subcommands cannot also take positionals")
        }
        var subcommandNames: Set<String> = []
        for subcommand in subcommands {
            if subcommand.name == "help" { problem("subcommand name 'help' is reserved") }
            if !subcommandNames.insert(subcommand.name).inserted {
                problem("duplicate subcommand '\(subcommand.name)'")
            }
            problems += subcommand.validationProblems(parentPath: path)
        }
        return problems
    }
}
