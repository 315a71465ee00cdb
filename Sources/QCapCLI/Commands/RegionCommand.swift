import Foundation
import QCapCore
import QCapReports
import QCapStore

/// `qcap region`: the region's programme statistics as of a date, for the region and each district, industry or
/// size class — from the result store and the workspace's certificate registry; nothing is re-assessed.
enum RegionCommand {
    static let formats = ["table", "csv", "json", "md", "html"]

    static var spec: CommandSpec {
        CommandSpec("region", summary: "Programme statistics of the region as of a date: certificates in force, levels, new entrants since a baseline beside MIIT's national targets, coverage of evidence.",
                    discussion: """
                    Reads the result store (run `qcap assess` first) and the workspace's certificate registry; nothing is re-assessed. The cohort is every enterprise with a stored result in the period; each enterprise × rubric counts with its latest result of the period.

                    Certificates in force on the as-of date (default: the as-of date of the period's latest run): status valid (or not given), issued on or before the date, expiring on or after it. New entrants since --baseline P0: enterprises whose level now is at or past a level they did not hold in P0; a rise by two steps counts at both levels, a fall nowhere, an enterprise first assessed this period counts and is shown apart. MIIT's national targets are shown beside them as context: counts and shares, not progress.

                    Every figure has an id; --list FIGURE prints the enterprises behind it (GROUP:FIGURE for a group with --by, e.g. 350602:cert.QMS.holders). The ids are in the JSON (figures[].id), the CSV (column 指标编号) and docs/reports.md.
                    """,
                    options: [
                        CommandTree.workspaceOption,
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Count certificates in force on this date.", defaultValue: "the as-of date of the period's latest run"),
                        .value("period", short: "p", valueName: "P", help: "The period (default: qcap.json's)."),
                        .value("baseline", valueName: "P0", help: "Count new entrants per level since this earlier period."),
                        .value("by", valueName: "GROUP", help: "Also per group.", allowedValues: RegionGrouping.allCases.map(\.rawValue)),
                        .value("list", valueName: "FIGURE", help: "Print the enterprises behind one figure instead (GROUP:FIGURE for a group)."),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "table"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                    ],
                    examples: ["qcap region -w demo --baseline 2025",
                               "qcap region -w demo --baseline 2025 --by district --format html -o region.html",
                               "qcap region -w demo --baseline 2025 --list new.manufacturing-capability.assurance",
                               "qcap region -w demo --by district --list 350602:cert.QMS.holders --format csv -o qms-350602.csv"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let output = try OutputTarget(path: arguments.value("output"), context: context,
                                      protected: .workspace(root: AssessCommand.workspaceRoot(arguments, context: context)))
        do {
            try write(arguments, context: context, output: output)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, output: OutputTarget) throws(CommandFailure) {
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        var grouping = arguments.value("by").flatMap(RegionGrouping.init(rawValue:))
        let inputs = try RegionInputs.load(arguments, context: context)
        let format = arguments.value("format") ?? "table"
        if let wanted = arguments.value("list") {
            let (group, figure) = split(wanted)
            if let group, grouping == nil { grouping = infer(group: group, members: inputs.members) }
            let list: RegionMemberList
            do {
                list = try inputs.builder(grouping: grouping).list(figure: figure, group: group)
            } catch {
                let known = error.known.prefix(12).joined(separator: ", ")
                throw .usage("--list \(wanted): \(error.message)\(known.isEmpty ? "" : "; known: \(known)\(error.known.count > 12 ? ", …" : "")")")
            }
            switch format {
            case "csv": try output.write(RegionCSV(language: language).render(list))
            case "json": try output.write(RegionJSON.render(list))
            case "md": try output.write(RegionMarkdown(language: language).render(list))
            case "html": try output.write(RegionHTML(language: language).render(list))
            default: try output.write(RegionTerminal(language: language).render(list))
            }
        } else {
            let report = inputs.builder(grouping: grouping).build()
            switch format {
            case "csv": try output.write(RegionCSV(language: language).render(report))
            case "json": try output.write(RegionJSON.render(report))
            case "md": try output.write(RegionMarkdown(language: language).render(report))
            case "html": try output.write(RegionHTML(language: language).render(report))
            default: try output.write(RegionTerminal(language: language).render(report))
            }
        }
    }

    /// `350602:cert.QMS.holders` → ("350602", "cert.QMS.holders"); a figure id never holds a colon.
    static func split(_ text: String) -> (group: String?, figure: String) {
        guard let colon = text.firstIndex(of: ":") else { return (nil, text) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// The grouping a group key belongs to when --by is not given: a district code, a size class or an industry class.
    static func infer(group: String, members: [RegionCohort.Member]) -> RegionGrouping? {
        for grouping in [RegionGrouping.district, .size, .industry] where members.contains(where: { grouping.key(of: $0.enterprise) == group }) {
            return grouping
        }
        return group.allSatisfy(\.isNumber) ? .district : nil
    }
}
