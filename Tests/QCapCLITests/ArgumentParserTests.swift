import Testing

@testable import QCapCLI

/// Mirrors the real `qcap` command tree.
enum QCapSpecFixture {
    static let formats = ["table", "json", "jsonl", "csv"]

    static let root = CommandSpec(
        "qcap",
        summary: "Grade manufacturers against regional capability rubrics.",
        options: [.flag("verbose", short: "v", help: "Print progress to standard error.")],
        subcommands: [
            CommandSpec(
                "init",
                summary: "Create a workspace.",
                options: [
                    .flag("example", help: "Fill the workspace with example data."),
                    .value("enterprises", valueName: "N", help: "Number of example enterprises.", defaultValue: "20"),
                    .value("seed", valueName: "S", help: "Random seed for example data."),
                ],
                positionals: [.optional("DIR", help: "Workspace directory.")]),
            CommandSpec(
                "assess",
                summary: "Assess enterprises against rubrics.",
                discussion: "按评价细则对企业进行评分。",
                options: [
                    .value("workspace", short: "w", valueName: "DIR", help: "Workspace directory.", defaultValue: "."),
                    .value("rubric", valueName: "ID", help: "Rubric to apply.", repeatable: true),
                    .value("enterprise", valueName: "ID", help: "Enterprise to assess.", repeatable: true),
                    .value("where", valueName: "FIELD=VALUE", help: "Filter enterprises.", repeatable: true),
                    .value("as-of", valueName: "YYYY-MM-DD", help: "Assessment date."),
                    .value("format", short: "f", valueName: "FORMAT", help: "Output format.",
                           allowedValues: formats, defaultValue: "table"),
                    .value("output", short: "o", valueName: "PATH", help: "Write to PATH instead of standard output."),
                    .flag("no-store", help: "Do not store the assessment in the workspace."),
                ],
                examples: ["qcap assess --rubric fj-2026 --format json"]),
            CommandSpec(
                "rubrics",
                summary: "Manage rubrics.",
                subcommands: [
                    CommandSpec("list", summary: "List rubrics."),
                    CommandSpec("show", summary: "Show one rubric.", positionals: [.required("ID", help: "Rubric ID.")]),
                    CommandSpec(
                        "validate", summary: "Validate rubric files.",
                        positionals: [.variadic("FILE", help: "Rubric files.")]),
                ]),
            CommandSpec(
                "uscc",
                summary: "Check unified social credit codes.",
                options: [.value("format", valueName: "FORMAT", help: "Output format.",
                                 allowedValues: ["table", "json"], defaultValue: "table")],
                positionals: [.variadic("CODE", help: "Codes to check.")]),
            CommandSpec("version", summary: "Print the version."),
        ])

    static func parse(_ line: String) -> ParseResult {
        ArgumentParser.parse(line.split(separator: " ").map(String.init), spec: root)
    }
}

private func parsed(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedArguments? {
    let result = QCapSpecFixture.parse(line)
    guard case .parsed(let arguments) = result else {
        Issue.record("expected parsed for '\(line)', got \(result)", sourceLocation: sourceLocation)
        return nil
    }
    return arguments
}

private func usageError(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) -> UsageError? {
    let result = ArgumentParser.parse(args, spec: QCapSpecFixture.root)
    guard case .usageError(let error) = result else {
        Issue.record("expected usage error for \(args), got \(result)", sourceLocation: sourceLocation)
        return nil
    }
    return error
}

private func usageError(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> UsageError? {
    usageError(line.split(separator: " ").map(String.init), sourceLocation: sourceLocation)
}

private func helpText(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let result = QCapSpecFixture.parse(line)
    guard case .help(let text) = result else {
        Issue.record("expected help for '\(line)', got \(result)", sourceLocation: sourceLocation)
        return nil
    }
    return text
}

@Suite struct ArgumentParserTests {
    @Test func fixtureSpecIsWellFormed() {
        #expect(QCapSpecFixture.root.validationProblems() == [])
    }

    @Test func valueOptionsInAllSpellings() throws {
        let args = try #require(parsed("assess --workspace ws -f json --as-of=2026-06-30 --output=-"))
        #expect(args.commandPath == ["qcap", "assess"])
        #expect(args.subcommandPath == ["assess"])
        #expect(args.value("workspace") == "ws")
        #expect(args.value("format") == "json")
        #expect(args.value("as-of") == "2026-06-30")
        #expect(args.value("output") == "-")
        #expect(args.flag("no-store") == false)
    }

    @Test func absentOptionsAreNilEvenWithDefault() throws {
        let args = try #require(parsed("assess"))
        #expect(args.value("format") == nil)
        #expect(args.value("workspace") == nil)
        #expect(args.values("rubric") == [])
    }

    @Test func valueMayContainEqualsAndStartWithSingleDash() throws {
        let args = try #require(parsed("assess --where region=350602 --where=size=large"))
        #expect(args.values("where") == ["region=350602", "size=large"])
        let seeded = try #require(parsed("init --seed -5"))
        #expect(seeded.value("seed") == "-5")
        let inline = try #require(parsed("init --seed=--odd"))
        #expect(inline.value("seed") == "--odd")
    }

    @Test func flags() throws {
        let args = try #require(parsed("init --example --enterprises 5 myws"))
        #expect(args.flag("example"))
        #expect(args.value("enterprises") == "5")
        #expect(args.positional("DIR") == "myws")
        let plain = try #require(parsed("assess --no-store --no-store"))
        #expect(plain.flag("no-store"))
    }

    @Test func repeatedOptionsKeepOrder() throws {
        let args = try #require(parsed("assess --rubric b --enterprise E1 --rubric a --rubric=c --enterprise E2"))
        #expect(args.values("rubric") == ["b", "a", "c"])
        #expect(args.value("rubric") == "c")
        #expect(args.values("enterprise") == ["E1", "E2"])
    }

    @Test func nonRepeatableOptionGivenTwice() throws {
        let error = try #require(usageError("assess --output a --output b"))
        #expect(error.kind == .duplicateOption)
        #expect(error.message.contains("'--output'"))
    }

    @Test func optionsBeforeAndAfterPositionals() throws {
        let args = try #require(parsed("uscc --format json 91350602MA2XXXXX1X 91350602MA2YYYYY2Y"))
        #expect(args.positionals("CODE") == ["91350602MA2XXXXX1X", "91350602MA2YYYYY2Y"])
        #expect(args.value("format") == "json")
        let after = try #require(parsed("uscc A B --format=json C"))
        #expect(after.positionals("CODE") == ["A", "B", "C"])
        #expect(after.value("format") == "json")
    }

    @Test func rootOptionBeforeSubcommand() throws {
        let args = try #require(parsed("-v assess"))
        #expect(args.flag("verbose"))
        #expect(args.commandPath == ["qcap", "assess"])
        // Root options are not accepted after the subcommand.
        let error = try #require(usageError("assess --verbose"))
        #expect(error.kind == .unknownOption)
    }

    @Test func doubleDashEndsOptions() throws {
        let args = try #require(parsed("uscc --format json -- -ABC --help --format"))
        #expect(args.positionals("CODE") == ["-ABC", "--help", "--format"])
        #expect(args.value("format") == "json")
        let dash = try #require(parsed("rubrics validate - --"))
        #expect(dash.positionals("FILE") == ["-"])
    }

    @Test func nestedSubcommands() throws {
        let show = try #require(parsed("rubrics show fj-2026"))
        #expect(show.commandPath == ["qcap", "rubrics", "show"])
        #expect(show.subcommandPath == ["rubrics", "show"])
        #expect(show.positional("ID") == "fj-2026")
        let list = try #require(parsed("rubrics list"))
        #expect(list.subcommandPath == ["rubrics", "list"])
        let version = try #require(parsed("version"))
        #expect(version.subcommandPath == ["version"])
    }

    @Test func variadicPositionals() throws {
        let args = try #require(parsed("rubrics validate a.json b.json c.json"))
        #expect(args.positionals("FILE") == ["a.json", "b.json", "c.json"])
        #expect(args.positional("FILE") == "a.json")
        let error = try #require(usageError("rubrics validate"))
        #expect(error.kind == .missingArgument)
        #expect(error.message == "missing required argument FILE for 'qcap rubrics validate'")
    }

    @Test func optionalPositional() throws {
        let args = try #require(parsed("init"))
        #expect(args.positional("DIR") == nil)
        #expect(args.positionals("DIR") == [])
        #expect(args.flag("example") == false)
    }

    @Test func missingRequiredPositional() throws {
        let error = try #require(usageError("rubrics show"))
        #expect(error.kind == .missingArgument)
        #expect(error.commandPath == ["qcap", "rubrics", "show"])
        #expect(error.description == """
            missing required argument ID for 'qcap rubrics show'.
            Run 'qcap rubrics show --help' for usage.
            """)
    }

    @Test func unexpectedExtraPositional() throws {
        let error = try #require(usageError("rubrics show a b"))
        #expect(error.kind == .unexpectedArgument)
        #expect(error.message == "unexpected argument 'b' for 'qcap rubrics show'")
        let version = try #require(usageError("version now"))
        #expect(version.kind == .unexpectedArgument)
    }

    @Test func unknownOptionSuggestsClosest() throws {
        let error = try #require(usageError("assess --workspce ws"))
        #expect(error.kind == .unknownOption)
        #expect(error.suggestion == "--workspace")
        #expect(error.commandPath == ["qcap", "assess"])
        #expect(error.description == """
            unknown option '--workspce' for 'qcap assess'. Did you mean '--workspace'?
            Run 'qcap assess --help' for usage.
            """)
        #expect(UsageError.exitCode == 2)
    }

    @Test func unknownOptionSuggestionVariants() throws {
        // Transposition, prefix, `=value` form, single dash with a long name.
        #expect(usageError("assess --fromat json")?.suggestion == "--format")
        #expect(usageError("assess --work ws")?.suggestion == "--workspace")
        #expect(usageError("assess --rubrik=x")?.suggestion == "--rubric")
        #expect(usageError("assess --rubrik=x")?.message == "unknown option '--rubrik' for 'qcap assess'")
        #expect(usageError("assess -workspace ws")?.suggestion == "--workspace")
        let far = try #require(usageError("assess --zzzzzz"))
        #expect(far.suggestion == nil)
        #expect(far.description.hasPrefix("unknown option '--zzzzzz' for 'qcap assess'.\n"))
        let short = try #require(usageError("assess -x"))
        #expect(short.kind == .unknownOption)
        #expect(short.message == "unknown option '-x' for 'qcap assess'")
    }

    @Test func unknownSubcommandSuggestsClosest() throws {
        let error = try #require(usageError("asess"))
        #expect(error.kind == .unknownSubcommand)
        #expect(error.suggestion == "assess")
        #expect(error.description == """
            unknown subcommand 'asess' for 'qcap'. Did you mean 'assess'?
            Run 'qcap --help' for usage.
            """)
        let nested = try #require(usageError("rubrics shwo x"))
        #expect(nested.suggestion == "show")
        #expect(nested.commandPath == ["qcap", "rubrics"])
        let far = try #require(usageError("frobnicate"))
        #expect(far.suggestion == nil)
        #expect(far.message.contains("available: init, assess, rubrics, uscc, version"))
        // Even with --help, a misspelt subcommand is reported.
        #expect(usageError("asess --help")?.suggestion == "assess")
        #expect(usageError("help asess")?.suggestion == "assess")
    }

    @Test func missingSubcommand() throws {
        let error = try #require(usageError([]))
        #expect(error.kind == .missingSubcommand)
        let rubrics = try #require(usageError("rubrics"))
        #expect(rubrics.kind == .missingSubcommand)
        #expect(rubrics.message == "missing subcommand for 'qcap rubrics' (available: list, show, validate)")
    }

    @Test func missingValue() throws {
        let atEnd = try #require(usageError("assess --workspace"))
        #expect(atEnd.kind == .missingValue)
        #expect(atEnd.message == "missing value for option '--workspace' of 'qcap assess' (expected DIR)")
        let beforeOption = try #require(usageError("assess --as-of --format json"))
        #expect(beforeOption.kind == .missingValue)
        #expect(beforeOption.message.contains("'--as-of'"))
        let short = try #require(usageError("assess -o"))
        #expect(short.message.contains("'-o'"))
        let empty = try #require(usageError("assess --output="))
        #expect(empty.kind == .missingValue)
        let doubleDash = try #require(usageError("assess --output -- x"))
        #expect(doubleDash.kind == .missingValue)
    }

    @Test func flagWithValueIsRejected() throws {
        let error = try #require(usageError("init --example=yes"))
        #expect(error.kind == .unexpectedValue)
        #expect(error.message == "option '--example' of 'qcap init' does not take a value")
    }

    @Test func disallowedValueListsAllowedOnes() throws {
        let error = try #require(usageError("assess --format xml"))
        #expect(error.kind == .invalidValue)
        #expect(error.suggestion == nil)
        #expect(error.description == """
            invalid value 'xml' for option '--format' of 'qcap assess' (allowed: table, json, jsonl, csv).
            Run 'qcap assess --help' for usage.
            """)
        let close = try #require(usageError("uscc X --format=jsno"))
        #expect(close.suggestion == "json")
        #expect(close.message.contains("(allowed: table, json)"))
        #expect(usageError("assess -f JSON")?.suggestion == "json")
    }

    @Test func helpFlagGivesHelpOfDeepestCommand() throws {
        let show = try #require(helpText("rubrics show --help"))
        #expect(show.hasPrefix("Show one rubric.\n\nUSAGE: qcap rubrics show ID"))
        // -h before the subcommand still shows the deepest command reached.
        let early = try #require(helpText("rubrics -h show"))
        #expect(early == show)
        let root = try #require(helpText("--help"))
        #expect(root.contains("SUBCOMMANDS:"))
        #expect(root.contains("USAGE: qcap [--verbose] SUBCOMMAND"))
        // Help wins over errors, including missing required arguments.
        #expect(helpText("rubrics validate -h") != nil)
        #expect(helpText("assess --workspce -h")?.hasPrefix("Assess enterprises") == true)
        #expect(helpText("assess --format xml --help")?.hasPrefix("Assess enterprises") == true)
        #expect(helpText("assess --output --help")?.hasPrefix("Assess enterprises") == true)
        #expect(helpText("assess --help=1")?.hasPrefix("Assess enterprises") == true)
    }

    @Test func helpWordSelectsCommand() throws {
        let viaWord = try #require(helpText("help assess"))
        let viaFlag = try #require(helpText("assess --help"))
        #expect(viaWord == viaFlag)
        #expect(helpText("help") == helpText("--help"))
        #expect(helpText("help rubrics show") == helpText("rubrics show --help"))
        #expect(helpText("rubrics help validate") == helpText("rubrics validate -h"))
        // At a leaf, "help" is an ordinary positional.
        #expect(parsed("uscc help")?.positionals("CODE") == ["help"])
    }

    @Test func helpTextMatchesArgumentParserHelpText() {
        #expect(
            ArgumentParser.helpText(for: ["rubrics", "show"], spec: QCapSpecFixture.root)
                == helpText("rubrics show --help"))
        #expect(ArgumentParser.helpText(for: ["nope"], spec: QCapSpecFixture.root) == nil)
    }

    @Test func declaresReportsOptionsAlongPath() throws {
        let args = try #require(parsed("rubrics list"))
        #expect(args.declares("verbose"))
        #expect(!args.declares("format"))
        let assess = try #require(parsed("assess"))
        #expect(assess.declares("format"))
    }

    @Test func specValidationFindsMistakes() {
        let bad = CommandSpec(
            "bad", summary: "",
            options: [
                .flag("help", help: ""),
                .value("x", short: "h", valueName: "V", help: ""),
                .value("x", valueName: "V", help: "", allowedValues: ["a"], defaultValue: "b"),
                .flag("--dashed", help: ""),
            ],
            positionals: [.variadic("A", help: ""), .optional("B", help: ""), .required("C", help: "")],
            subcommands: [CommandSpec("help", summary: "")])
        let problems = bad.validationProblems()
        #expect(problems.contains("bad: '--help' is built in and must not be declared"))
        #expect(problems.contains("bad: '-h' is built in and must not be declared"))
        #expect(problems.contains("bad: duplicate option '--x'"))
        #expect(problems.contains("bad: default 'b' of '--x' is not an allowed value"))
        #expect(problems.contains("bad: invalid option name '--dashed' (give it without dashes)"))
        #expect(problems.contains("bad: variadic positional 'A' must be the last one"))
        #expect(problems.contains("bad: required positional 'C' follows an optional one"))
        #expect(problems.contains("bad: a command with subcommands cannot also take positionals"))
        #expect(problems.contains("bad: subcommand name 'help' is reserved"))
    }

    @Test func levenshteinDistance() {
        #expect(Levenshtein.distance("workspce", "workspace") == 1)
        #expect(Levenshtein.distance("fromat", "format") == 1)
        #expect(Levenshtein.distance("kitten", "sitting") == 3)
        #expect(Levenshtein.distance("", "abc") == 3)
        #expect(Levenshtein.distance("评价", "评分") == 1)
        #expect(Levenshtein.closest(to: "ls", among: ["id", "list"]) == nil)
        #expect(Levenshtein.closest(to: "lst", among: ["id", "list"]) == "list")
    }
}
