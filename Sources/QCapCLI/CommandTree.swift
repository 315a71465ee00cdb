/// The command tree of `qcap` and the dispatch from a parsed command line to its command.
enum CommandTree {
    static let version = "0.1.0"

    static var spec: CommandSpec {
        CommandSpec("qcap", summary: "QCap：制造业企业质量管理能力评价工具 / grades manufacturers on quality-management capability.",
                    discussion: "Exit codes: 0 success, 1 a --fail-under threshold or check not met, 2 usage error, 3 bad input (nothing stored).",
                    subcommands: [InitCommand.spec, AssessCommand.spec, CompareCommand.spec, RegionCommand.spec, ChainCommand.spec, SiteCommand.spec, ReportCommand.spec, HistoryCommand.spec,
                                  RubricsCommand.spec, ProvidersCommand.spec, USCCCommand.spec, VersionCommand.spec])
    }

    static func dispatch(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        switch arguments.subcommandPath.first {
        case "init": try InitCommand.run(arguments, context: context)
        case "assess": try AssessCommand.run(arguments, context: context)
        case "compare": try CompareCommand.run(arguments, context: context)
        case "region": try RegionCommand.run(arguments, context: context)
        case "chain": try ChainCommand.run(arguments, context: context)
        case "site": try SiteCommand.run(arguments, context: context)
        case "report": try ReportCommand.run(arguments, context: context)
        case "history": try HistoryCommand.run(arguments, context: context)
        case "rubrics": try RubricsCommand.run(arguments, context: context)
        case "providers": try ProvidersCommand.run(arguments, context: context)
        case "uscc": try USCCCommand.run(arguments, context: context)
        case "version": try VersionCommand.run()
        default: throw .usage("unknown command")
        }
    }

    /// Options several commands share, declared once so their help reads the same everywhere.
    static let workspaceOption = OptionSpec.value("workspace", short: "w", valueName: "DIR", help: "工作区目录 / the workspace folder.", defaultValue: ".")
    static let outputOption = OptionSpec.value("output", short: "o", valueName: "PATH", help: "写入文件而非标准输出 / write to a file instead of standard output.")
    /// Long runs show progress on standard error when it is a terminal; `--quiet` turns it off.
    static let quietOption = OptionSpec.flag("quiet", short: "q", help: "不显示进度 / no progress meter on standard error.")
    static let languageOption = OptionSpec.value("lang", valueName: "LANG", help: "报告语言 / report language.", allowedValues: ["zh", "en"], defaultValue: "zh")
}
