import Testing
import QCapReports

@testable import QCapCLI

/// Display column at which `needle` starts in `line`, or nil.
private func column(of needle: String, in line: String) -> Int? {
    guard let range = line.firstRange(of: needle) else { return nil }
    return DisplayWidth.of(String(line[..<range.lowerBound]))
}

@Suite struct HelpFormatterTests {
    private func help(_ path: [String]) -> String {
        ArgumentParser.helpText(for: path, spec: QCapSpecFixture.root) ?? ""
    }

    @Test func assessHelpGolden() {
        #expect(help(["assess"]) == """
            Assess enterprises against rubrics.

            USAGE: qcap assess [--workspace DIR] [--rubric ID]... [--enterprise ID]... [--where FIELD=VALUE]...
                               [--as-of YYYY-MM-DD] [--format table|json|jsonl|csv] [--output PATH] [--no-store]

            按评价细则对企业进行评分。

            OPTIONS:
              -w, --workspace DIR      Workspace directory. (default: .)
                  --rubric ID          Rubric to apply. (repeatable)
                  --enterprise ID      Enterprise to assess. (repeatable)
                  --where FIELD=VALUE  Filter enterprises. (repeatable)
                  --as-of YYYY-MM-DD   Assessment date.
              -f, --format FORMAT      Output format. (one of: table, json, jsonl, csv; default: table)
              -o, --output PATH        Write to PATH instead of standard output.
                  --no-store           Do not store the assessment in the workspace.
              -h, --help               Show help for this command.

            EXAMPLES:
              qcap assess --rubric fj-2026 --format json
            """)
    }

    @Test func initHelpGoldenWithOptionalPositional() {
        #expect(help(["init"]) == """
            Create a workspace.

            USAGE: qcap init [DIR] [--example] [--enterprises N] [--seed S]

            ARGUMENTS:
              [DIR]                Workspace directory.

            OPTIONS:
                  --example        Fill the workspace with example data.
                  --enterprises N  Number of example enterprises. (default: 20)
                  --seed S         Random seed for example data.
              -h, --help           Show help for this command.
            """)
    }

    @Test func parentHelpListsSubcommands() {
        #expect(help(["rubrics"]) == """
            Manage rubrics.

            USAGE: qcap rubrics SUBCOMMAND

            OPTIONS:
              -h, --help  Show help for this command.

            SUBCOMMANDS:
              list        List rubrics.
              show        Show one rubric.
              validate    Validate rubric files.

            Run 'qcap rubrics SUBCOMMAND --help' for help on a subcommand.
            """)
    }

    @Test func usageShowsVariadicAndAllowedValues() {
        #expect(HelpFormatter.usage(QCapSpecFixture.root.command(at: ["uscc"]) ?? QCapSpecFixture.root,
                                    commandPath: ["qcap", "uscc"])
                == "qcap uscc CODE... [--format table|json]")
        #expect(help(["rubrics", "validate"]).contains("USAGE: qcap rubrics validate FILE...\n"))
        #expect(help(["rubrics", "validate"]).contains("\n  FILE...     Rubric files.\n"))
        #expect(help([]).contains("USAGE: qcap [--verbose] SUBCOMMAND\n"))
    }

    @Test func usageOverride() {
        let spec = CommandSpec(
            "rubrics", summary: "Manage rubrics.",
            usage: "qcap rubrics list\nqcap rubrics show ID\nqcap rubrics validate FILE...",
            subcommands: [CommandSpec("list", summary: "List.")])
        let text = HelpFormatter.render(spec, commandPath: ["qcap", "rubrics"])
        #expect(text.contains("""
            USAGE: qcap rubrics list
                   qcap rubrics show ID
                   qcap rubrics validate FILE...
            """))
    }

    @Test func everyLineFitsTheWidth() {
        for path in [[], ["assess"], ["init"], ["rubrics"], ["rubrics", "show"], ["uscc"]] {
            let text = help(path)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 100, "\(path): \(line)")
            }
        }
        let narrow = HelpFormatter.render(
            QCapSpecFixture.root.command(at: ["assess"]) ?? QCapSpecFixture.root,
            commandPath: ["qcap", "assess"], width: 60)
        for line in narrow.split(separator: "\n") where !line.hasPrefix("  qcap ") {  // examples stay verbatim
            #expect(DisplayWidth.of(String(line)) <= 60, "\(line)")
        }
        #expect(narrow.contains("Output format. (one of: table,\n" + String(repeating: " ", count: 27) + "json, jsonl, csv; default: table)\n"))
    }

    @Test func chineseHelpAlignsByDisplayWidth() {
        let long = String(repeating: "按评价细则对企业的研发投入、质量管理和绿色制造水平进行评分，", count: 3)
        let spec = CommandSpec(
            "导出",
            summary: "导出评价结果。",
            discussion: String(repeating: "评价结果按地区汇总，", count: 12),
            options: [
                .value("地区", valueName: "代码", help: "行政区划代码，例如 350602（漳州市芗城区）。"),
                .value("format", short: "f", valueName: "FORMAT", help: long),
                .flag("all", help: "全部企业"),
            ],
            subcommands: [CommandSpec("汇总", summary: "按地区汇总。"), CommandSpec("list", summary: "列出。")])
        let text = HelpFormatter.render(spec, commandPath: ["qcap", "导出"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 100, "\(line)")
        }
        // Every help text starts in the same display column.
        let helpColumns = [
            column(of: "行政区划代码", in: text.line(startingWith: "      --地区 代码")),
            column(of: "按评价细则", in: text.line(startingWith: "  -f, --format")),
            column(of: "全部企业", in: text.line(startingWith: "      --all")),
            column(of: "按地区汇总", in: text.line(startingWith: "  汇总")),
            column(of: "列出", in: text.line(startingWith: "  list")),
            column(of: "Show help", in: text.line(startingWith: "  -h, --help")),
        ]
        #expect(Set(helpColumns).count == 1, "\(helpColumns)")
        let helpColumn = helpColumns.first ?? nil
        #expect(helpColumn == 2 + DisplayWidth.of("-f, --format FORMAT") + 2)
        // Wrapped continuation lines of the long help start in that column too.
        let formatIndex = lines.firstIndex { $0.hasPrefix("  -f, --format") } ?? 0
        let continuation = lines[formatIndex + 1]
        #expect(continuation.hasPrefix(String(repeating: " ", count: helpColumn ?? 0)))
        #expect(column(of: "\u{FF0C}", in: continuation) != helpColumn)  // "，" never starts a line
        #expect(DisplayWidth.of(continuation) > 60)
        // The discussion wraps too.
        #expect(lines.filter { $0.hasPrefix("评价结果按地区汇总") }.count >= 2)
    }

    @Test func longLabelPutsHelpOnNextLine() {
        let spec = CommandSpec(
            "x", summary: "X.",
            options: [
                .value("a-very-long-option-name-for-testing", valueName: "SOMETHING", help: "Long one."),
                .flag("b", help: "Short one."),
            ])
        let text = HelpFormatter.render(spec, commandPath: ["x"])
        let column = 2 + HelpFormatter.maxLabelWidth + 2
        #expect(text.contains(
            "\n      --a-very-long-option-name-for-testing SOMETHING\n"
                + String(repeating: " ", count: column) + "Long one.\n"))
        #expect(text.contains("\n      --b" + String(repeating: " ", count: column - 9) + "Short one.\n"))
    }

    @Test func noTrailingWhitespace() {
        for path in [[], ["assess"], ["init"], ["rubrics", "validate"]] {
            for line in help(path).split(separator: "\n") {
                #expect(line.last != " ", "\(path): '\(line)'")
            }
        }
    }
}

private extension String {
    /// The first line starting with `prefix` (for locating one row of a help text).
    func line(startingWith prefix: String) -> String {
        split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) } ?? ""
    }
}
