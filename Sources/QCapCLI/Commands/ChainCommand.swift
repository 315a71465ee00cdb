import Foundation
import QCapCore
import QCapProviders
import QCapReports
import QCapStore

/// `qcap chain [ID]`: the quality chains (质量强链) of the workspace's `chains.csv`, graded from the result store.
enum ChainCommand {
    static let formats = ["table", "csv", "json", "md", "html"]

    static var spec: CommandSpec {
        CommandSpec("chain", summary: "Quality chains (质量强链): the chain master's levels, the share of members at or above a level, certificate coverage along the chain, the weakest links with their gap to the next level.",
                    discussion: """
                    Reads the workspace's chains table (qcap.json "chains", default chains.csv: chain id, chain name, USCC, role 链长单位/链主/链员, tier optional; Chinese or English headers), the result store (run `qcap assess` first) and the certificate registry. Nothing is re-assessed.

                    A member with no stored result this period (not on the roster, or not assessed) has no evidence: it counts among the members below the level and is listed first among the weakest links. The gap of a weakest link is the fewest criteria whose improvement lifts it one level, as in its report.
                    """,
                    options: [
                        CommandTree.workspaceOption,
                        .value("period", short: "p", valueName: "P", help: "The period (default: qcap.json's)."),
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Count certificates in force on this date.", defaultValue: "the as-of date of the period's latest run"),
                        .value("rubric", short: "r", valueName: "ID", help: "Grade the chain by this rubric.", defaultValue: "manufacturing-capability, else the first graded rubric"),
                        .value("at-least", valueName: "LEVEL", help: "Count members at or above this level (id, rank or name).", defaultValue: "assurance (保证级)"),
                        .value("weakest", valueName: "N", help: "How many weakest links to list per chain.", defaultValue: "5"),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "table"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                    ],
                    positionals: [.optional("ID", help: "Only this chain (default: every chain).")],
                    examples: ["qcap chain -w demo", "qcap chain ZZ-VALVE -w demo --at-least 检验级 --format html -o valve.html",
                               "qcap compare -w demo --chain ZZ-VALVE   # the chain's enterprises side by side"])
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
        guard let weakest = Int(arguments.value("weakest") ?? "5"), (0...1000).contains(weakest) else {
            throw .usage("--weakest expects a number 0–1000")
        }
        let inputs = try RegionInputs.load(arguments, context: context)
        var chains = try loadChains(inputs.access, required: true)
        if let id = arguments.positional("ID") {
            chains = chains.filter { $0.id == id }
            if chains.isEmpty {
                let known = try loadChains(inputs.access, required: true).map(\.id)
                throw .usage("no chain '\(id)' in \(chainPath(inputs.access) ?? ChainFile.defaultPath); chains: \(known.joined(separator: ", "))")
            }
        }
        let report = try build(inputs, chains: chains, rubric: arguments.value("rubric"), atLeast: arguments.value("at-least"), weakest: weakest)
        let renderer = ChainRenderer(language: language)
        switch arguments.value("format") ?? "table" {
        case "csv": try output.write(renderer.csv(report))
        case "json": try output.write(ChainRenderer.json(report))
        case "md": try output.write(renderer.markdown(report))
        case "html": try output.write(renderer.html(report))
        default: try output.write(renderer.terminal(report))
        }
    }

    /// The chain report, with the gaps of each chain's weakest links read from their stored results.
    static func build(_ inputs: RegionInputs, chains: [QualityChain], rubric wanted: String?, atLeast: String?,
                      weakest: Int) throws(CommandFailure) -> ChainReport {
        let graded = inputs.rubrics.filter { !$0.levels.isEmpty }
        let rubric: RegionCohort.Rubric
        if let wanted {
            guard let found = graded.first(where: { $0.id == wanted }) else {
                throw .usage("--rubric \(wanted): no graded rubric of that id has results in period \(inputs.period); graded: \(graded.map(\.id).joined(separator: ", "))")
            }
            rubric = found
        } else if let found = graded.first(where: { $0.id == "manufacturing-capability" }) ?? graded.first {
            rubric = found
        } else {
            throw .usage("no rubric with levels has results in period \(inputs.period); run `qcap assess` first")
        }
        let level: Comparison.Level
        if let atLeast {
            guard let found = rubric.levels.first(where: { $0.id == atLeast || String($0.rank) == atLeast || $0.name.zh == atLeast || $0.name.en == atLeast }) else {
                throw .usage("--at-least \(atLeast): \(rubric.id) has the levels \(rubric.levels.map { "\($0.rank) \($0.id) \($0.name.zh)" }.joined(separator: ", "))")
            }
            level = found
        } else if let found = ChainBuilder.defaultLevel(rubric.levels) {
            level = found
        } else {
            throw .usage("\(rubric.id) has no levels")
        }
        let members = Dictionary(inputs.members.map { ($0.enterprise.id, $0) }, uniquingKeysWith: { first, _ in first })
        let families = inputs.census.map { census in
            census.families.filter { family in RegionBuilder.integratedFamilies.contains(family.id)
                || inputs.members.contains { $0.certificates.contains { $0.family == family.id } } }
        } ?? []
        var builder = ChainBuilder(period: inputs.period, asOf: inputs.asOf, region: inputs.region, rubrics: inputs.rubrics, rubric: rubric,
                                   atLeast: level, chains: chains, members: members, families: families, weakestCount: weakest)
        let draft = builder.build()
        var gaps: [String: ChainReport.Gap] = [:]
        for id in Set(draft.chains.flatMap { $0.weakest.map(\.id) }) where members[id] != nil {
            let stored = try inputs.access.read { () throws(StoreError) in try inputs.store.latestResults(enterprise: id, period: inputs.period) }
            guard let result = stored.first(where: { $0.result.rubric.id == rubric.id })?.result, let gap = result.gap else { continue }
            let lifting = gap.items.prefix(max(gap.liftCount, 0))
            gaps[id] = ChainReport.Gap(nextLevel: gap.nextLevel.map { Comparison.Level(rank: $0.rank, id: $0.id, name: $0.name) },
                                       reason: gap.reason, items: lifting.map { ChainReport.Gap.Item(criterion: $0.criterion, title: $0.title) })
        }
        builder.gaps = gaps
        return builder.build()
    }

    /// The chains table qcap.json names, or chains.csv when it exists; nil when there is none (an error if `required`).
    static func loadChains(_ access: StoreAccess, required: Bool) throws(CommandFailure) -> [QualityChain] {
        guard let path = chainPath(access) else {
            if required {
                throw .usage("no quality chains in \(access.displayPath.isEmpty ? "the workspace" : StoreAccess.display(access.root, "")): write \(ChainFile.defaultPath) (chain id, chain name, USCC, role 链长单位/链主/链员, tier) or name a table in qcap.json \"chains\"")
            }
            return []
        }
        do {
            return try ChainFile.read(access.root.appending(path: path), displayPath: StoreAccess.display(access.root, path))
        } catch {
            throw .input(error)
        }
    }

    static func chainPath(_ access: StoreAccess) -> String? {
        if let path = access.config.chains { return path }
        return FileManager.default.fileExists(atPath: access.root.appending(path: ChainFile.defaultPath).path) ? ChainFile.defaultPath : nil
    }
}
