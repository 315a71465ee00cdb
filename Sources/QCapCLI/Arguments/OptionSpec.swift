/// Declares one `--long` option (a flag or an option taking a value) of a command.
///
/// `--help` / `-h` are built in for every command and must not be declared.
struct OptionSpec: Sendable, Equatable {
    /// Long name without dashes, e.g. `"workspace"` for `--workspace`.
    var long: String
    /// Optional one-letter alias, e.g. `"w"` for `-w`.
    var short: Character?
    /// Placeholder shown in help for the value (`DIR`, `ID`…). `nil` means the option is a flag.
    var valueName: String?
    /// One-line help text (may be Chinese; wrapped by display width).
    var help: String
    /// May be given several times (`--rubric a --rubric b`); values keep command-line order.
    /// A non-repeatable value option given twice is a usage error. Repeating a flag is harmless.
    var repeatable: Bool
    /// If set, the value must be one of these (exact, case-sensitive match).
    var allowedValues: [String]?
    /// Documentation only: shown in help as `(default: …)`. The parser never injects it,
    /// so `ParsedArguments.value(_:)` returns `nil` when the option was not given.
    var defaultValue: String?

    init(
        _ long: String,
        short: Character? = nil,
        valueName: String? = nil,
        help: String,
        repeatable: Bool = false,
        allowedValues: [String]? = nil,
        defaultValue: String? = nil
    ) {
        self.long = long
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
    }

    /// A boolean flag such as `--example`.
    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long, short: short, valueName: nil, help: help)
    }

    /// An option taking a value such as `--workspace DIR` / `--workspace=DIR`.
    static func value(
        _ long: String,
        short: Character? = nil,
        valueName: String,
        help: String,
        repeatable: Bool = false,
        allowedValues: [String]? = nil,
        defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, valueName: valueName, help: help, repeatable: repeatable,
            allowedValues: allowedValues, defaultValue: defaultValue)
    }

    /// `true` when the option takes no value.
    var isFlag: Bool { valueName == nil }
}
