/// Declares a positional argument of a command.
///
/// Positionals are filled in declaration order. A variadic positional takes all remaining
/// arguments and must be the last one; required positionals must precede optional ones
/// (`CommandSpec.validationProblems()` checks both).
struct PositionalSpec: Sendable, Equatable {
    /// Lookup key for `ParsedArguments.positional(_:)`; shown upper-cased in help (`FILE`).
    var name: String
    var help: String
    var isRequired: Bool
    /// Takes every remaining positional argument (`FILE...`).
    var isVariadic: Bool

    init(_ name: String, help: String, isRequired: Bool = true, isVariadic: Bool = false) {
        self.name = name
        self.help = help
        self.isRequired = isRequired
        self.isVariadic = isVariadic
    }

    /// Exactly one value: `ID`.
    static func required(_ name: String, help: String) -> PositionalSpec {
        PositionalSpec(name, help: help, isRequired: true, isVariadic: false)
    }

    /// Zero or one value: `[DIR]`.
    static func optional(_ name: String, help: String) -> PositionalSpec {
        PositionalSpec(name, help: help, isRequired: false, isVariadic: false)
    }

    /// One or more values (`FILE...`), or zero or more (`[FILE...]`) when `isRequired` is false.
    static func variadic(_ name: String, help: String, isRequired: Bool = true) -> PositionalSpec {
        PositionalSpec(name, help: help, isRequired: isRequired, isVariadic: true)
    }

    /// How the argument appears in usage and help: `ID`, `[DIR]`, `FILE...`, `[CODE...]`.
    var usageLabel: String {
        let base = name.uppercased() + (isVariadic ? "..." : "")
        return isRequired ? base : "[\(base)]"
    }
}
