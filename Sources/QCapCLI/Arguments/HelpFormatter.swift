import QCapReports

/// Renders the help text of a command:
///
/// ```
/// <summary>
///
/// USAGE: qcap assess [--workspace DIR] [--rubric ID]... [--format table|json|jsonl|csv]
///
/// <discussion>
///
/// ARGUMENTS / OPTIONS / SUBCOMMANDS (two aligned columns)
///
/// EXAMPLES:
/// ```
/// Text is wrapped to `width` columns by display width, so Chinese help aligns.
enum HelpFormatter {
    static let defaultWidth = 100
    /// Widest left column; longer labels put their help on the next line.
    static let maxLabelWidth = 30

    /// - Parameters:
    ///   - spec: the command whose help is rendered.
    ///   - commandPath: full path, root first, ending with `spec.name` (`["qcap", "assess"]`).
    static func render(_ spec: CommandSpec, commandPath: [String], width: Int = defaultWidth) -> String {
        let path = commandPath.isEmpty ? [spec.name] : commandPath
        let command = path.joined(separator: " ")
        var blocks: [[String]] = []

        if !spec.summary.isEmpty { blocks.append(DisplayWidth.wrap(spec.summary, width: width)) }
        blocks.append(usageLines(spec, commandPath: path, width: width))
        if let discussion = spec.discussion, !discussion.isEmpty {
            blocks.append(DisplayWidth.wrap(discussion, width: width))
        }

        let arguments = spec.positionals.map { ($0.usageLabel, $0.help) }
        // Long names line up under the built-in `-h, --help`.
        let options = spec.options.map { (optionLabel($0), optionHelp($0)) }
            + [("-h, --help", "Show help for this command.")]
        let subcommands = spec.subcommands.map { ($0.name, $0.summary) }

        let labelWidth = min(
            maxLabelWidth,
            (arguments + options + subcommands).map { DisplayWidth.of($0.0) }.max() ?? 0)
        func section(_ title: String, _ rows: [(String, String)]) {
            guard !rows.isEmpty else { return }
            blocks.append([title + ":"] + rows.flatMap { row(label: $0.0, help: $0.1, labelWidth: labelWidth, width: width) })
        }
        section("ARGUMENTS", arguments)
        section("OPTIONS", options)
        section("SUBCOMMANDS", subcommands)
        if !spec.examples.isEmpty {
            blocks.append(["EXAMPLES:"] + spec.examples.map { "  " + $0 })
        }
        if !spec.subcommands.isEmpty {
            blocks.append(
                DisplayWidth.wrap(
                    "Run '\(command) SUBCOMMAND --help' for help on a subcommand.", width: width))
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The usage synopsis without the `USAGE: ` prefix, on one line:
    /// `qcap assess [--workspace DIR] [--rubric ID]... [--format table|json|jsonl|csv]`.
    static func usage(_ spec: CommandSpec, commandPath: [String]) -> String {
        if let usage = spec.usage { return usage }
        let path = commandPath.isEmpty ? [spec.name] : commandPath
        return (path + usageTokens(spec)).joined(separator: " ")
    }

    // MARK: - Internals

    static func usageTokens(_ spec: CommandSpec) -> [String] {
        let options = spec.options.map { option -> String in
            var token = "--" + option.long
            if let allowed = option.allowedValues, !option.isFlag {
                token += " " + allowed.joined(separator: "|")
            } else if let valueName = option.valueName {
                token += " " + valueName
            }
            return "[\(token)]" + (option.repeatable ? "..." : "")
        }
        if !spec.subcommands.isEmpty {
            return options + ["SUBCOMMAND"]
        }
        return spec.positionals.map(\.usageLabel) + options
    }

    static func usageLines(_ spec: CommandSpec, commandPath: [String], width: Int) -> [String] {
        let prefix = "USAGE: "
        if let usage = spec.usage {
            let lines = usage.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            return lines.enumerated().map { index, line in
                (index == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line
            }
        }
        // Wrap whole tokens, continuing under the first argument.
        let head = prefix + commandPath.joined(separator: " ")
        var indentWidth = DisplayWidth.of(head) + 1
        if indentWidth > width / 2 { indentWidth = prefix.count + 4 }
        let indent = String(repeating: " ", count: indentWidth)
        var lines: [String] = []
        var line = head
        var lineWidth = DisplayWidth.of(head)
        for token in usageTokens(spec) {
            let tokenWidth = DisplayWidth.of(token)
            if lineWidth + 1 + tokenWidth > width && lineWidth > indentWidth {
                lines.append(line)
                line = indent + token
                lineWidth = indentWidth + tokenWidth
            } else {
                line += " " + token
                lineWidth += 1 + tokenWidth
            }
        }
        lines.append(line)
        return lines
    }

    static func optionLabel(_ option: OptionSpec) -> String {
        var label = option.short.map { "-\($0), " } ?? "    "
        label += "--" + option.long
        if let valueName = option.valueName { label += " " + valueName }
        return label
    }

    static func optionHelp(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if option.repeatable { notes.append("repeatable") }
        if let allowed = option.allowedValues, !option.isFlag {
            notes.append("one of: " + allowed.joined(separator: ", "))
        }
        if let value = option.defaultValue { notes.append("default: " + value) }
        guard !notes.isEmpty else { return option.help }
        let suffix = "(" + notes.joined(separator: "; ") + ")"
        return option.help.isEmpty ? suffix : option.help + " " + suffix
    }

    /// One two-column entry: `  label    help…` with help wrapped under its own column.
    static func row(label: String, help: String, labelWidth: Int, width: Int) -> [String] {
        let column = 2 + labelWidth + 2
        let helpLines = help.isEmpty ? [] : DisplayWidth.wrap(help, width: max(20, width - column))
        let hanging = String(repeating: " ", count: column)
        let labelFits = DisplayWidth.of(label) <= labelWidth
        guard let first = helpLines.first else { return ["  " + label] }
        if labelFits {
            let head = "  " + DisplayWidth.pad(label, to: labelWidth) + "  " + first
            return [head] + helpLines.dropFirst().map { $0.isEmpty ? "" : hanging + $0 }
        }
        return ["  " + label] + helpLines.map { $0.isEmpty ? "" : hanging + $0 }
    }
}
