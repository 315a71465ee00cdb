/// The outcome of a successful parse: which command was selected and what it was given.
///
/// Options are looked up by long name (without dashes), positionals by `PositionalSpec.name`.
/// Asking for a name that the selected command path does not declare (or asking `flag` for a
/// value option and vice versa) is a programming error: it trips an `assert` in debug builds
/// and returns `nil` / `false` / `[]` in release builds. Use `declares(_:)` in code shared by
/// several commands.
struct ParsedArguments: Sendable, Equatable {
    /// Full command path, root first: `["qcap", "rubrics", "show"]`.
    let commandPath: [String]

    private let optionValues: [String: [String]]
    private let flags: Set<String>
    private let positionalValues: [String: [String]]
    /// Declared option long names along the path → `true` for flags.
    private let declaredOptions: [String: Bool]
    private let declaredPositionals: Set<String>

    init(
        commandPath: [String],
        optionValues: [String: [String]],
        flags: Set<String>,
        positionalValues: [String: [String]],
        declaredOptions: [String: Bool],
        declaredPositionals: Set<String>
    ) {
        self.commandPath = commandPath
        self.optionValues = optionValues
        self.flags = flags
        self.positionalValues = positionalValues
        self.declaredOptions = declaredOptions
        self.declaredPositionals = declaredPositionals
    }

    /// Command path below the root, for dispatch: `["rubrics", "show"]`; `[]` for the root.
    var subcommandPath: [String] { Array(commandPath.dropFirst()) }

    /// Whether an option with this long name is declared by a command on the selected path.
    func declares(_ long: String) -> Bool { declaredOptions[long] != nil }

    /// Whether the flag `--long` was given.
    func flag(_ long: String) -> Bool {
        guard check(long, isFlag: true) else { return false }
        return flags.contains(long)
    }

    /// The value of `--long` (the last one if the option is repeatable), `nil` if not given.
    /// `OptionSpec.defaultValue` is not substituted.
    func value(_ long: String) -> String? {
        guard check(long, isFlag: false) else { return nil }
        return optionValues[long]?.last
    }

    /// All values of `--long` in command-line order; `[]` if not given.
    func values(_ long: String) -> [String] {
        guard check(long, isFlag: false) else { return [] }
        return optionValues[long] ?? []
    }

    /// The (first) value of the positional `name`, `nil` if absent.
    func positional(_ name: String) -> String? {
        positionals(name).first
    }

    /// All values of the positional `name` (several only for a variadic one).
    func positionals(_ name: String) -> [String] {
        guard declaredPositionals.contains(name) else {
            assertionFailure("positional '\(name)' is not declared by '\(commandText)'")
            return []
        }
        return positionalValues[name] ?? []
    }

    private var commandText: String { commandPath.joined(separator: " ") }

    private func check(_ long: String, isFlag: Bool) -> Bool {
        guard let declaredAsFlag = declaredOptions[long] else {
            assertionFailure("option '--\(long)' is not declared by '\(commandText)'")
            return false
        }
        guard declaredAsFlag == isFlag else {
            assertionFailure(
                "option '--\(long)' of '\(commandText)' is \(declaredAsFlag ? "a flag" : "a value option")")
            return false
        }
        return true
    }
}
