import Foundation
import QCapCore
import QCapReports
import QCapStore

/// `qcap compare`: the evaluator's view across the cohort, from the result store.
enum CompareCommand {
    static let formats = ["table", "csv", "json", "md", "html"]

    static var spec: CommandSpec {
        CommandSpec("compare", summary: "Compare the stored results of a cohort: enterprises × rubrics with score, level and rank, statistics, level distribution, national targets.",
                    discussion: """
                    Reads the result store (.qcap/results.sqlite): for every enterprise and rubric, the latest stored result of the period counts, so run `qcap assess` first.

                    Statistics: n, mean, median, p25 and p75 by linear interpolation (Excel PERCENTILE.INC). Ranks: highest score first, ties share a rank. The benchmark is the top decile (the 90th percentile score) unless --benchmark names an enterprise; the gap is the benchmark score minus the enterprise's score.

                    Comparability guard: results are compared only when rubric id, version, content hash, scoring model and tailoring all match; the others are listed apart with the reason, never mixed in.

                    --where conditions are ANDed: region=CODE (GB/T 2260, 350600 keeps 3506xx), industry=CODE (prefix, C3 keeps C30–C39), size=中型|medium…, level>=N or score>=X (operators = != > >= < <=; RUBRIC.level>=N for one rubric). Quote conditions with < or > for the shell: --where 'level>=3'.
                    """,
                    options: [
                        CommandTree.workspaceOption,
                        .value("rubric", short: "r", valueName: "ID", help: "Only this rubric (repeatable; sets the column order).", repeatable: true),
                        .value("period", short: "p", valueName: "P", help: "The period to compare (default: qcap.json's). Give it twice, baseline first, for the change per enterprise.", repeatable: true),
                        .value("where", valueName: "COND", help: "Keep enterprises matching COND (repeatable, ANDed): region=…, industry=…, size=…, level>=N, score>=X.", repeatable: true),
                        .value("benchmark", valueName: "USCC", help: "Measure the gap to this enterprise instead of the top decile."),
                        .value("chain", valueName: "ID", help: "Only the enterprises of this quality chain (chains.csv): its 链主 and 链员."),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "table"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                    ],
                    examples: ["qcap compare --workspace demo",
                               "qcap compare -w demo --rubric manufacturing-capability --where region=350602 --format html -o region.html",
                               "qcap compare -w demo --period 2025 --period 2026 --where 'level>=2' --format csv -o change.csv",
                               "qcap compare -w demo --benchmark 91350626GW8FWJTXK0 --format md   # gap to a 质量标杆 enterprise",
                               "qcap compare -w demo --chain ZZ-VALVE --format html -o valve-chain.html"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        let periods = arguments.values("period")
        guard periods.count <= 2 else { throw .usage("--period may be given at most twice (baseline, then the period compared)") }
        var filters: [ComparisonFilter] = []
        for text in arguments.values("where") {
            switch ComparisonFilter.parse(text) {
            case .success(let filter): filters.append(filter)
            case .failure(let error): throw .usage(error.message)
            }
        }
        let output = try OutputTarget(path: arguments.value("output"), context: context,
                                      protected: .workspace(root: AssessCommand.workspaceRoot(arguments, context: context)))
        do {
            try write(arguments, context: context, language: language, periods: periods, filters: filters, output: output)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, language: Language, periods: [String],
                      filters: [ComparisonFilter], output: OutputTarget) throws(CommandFailure) {
        let access = try StoreAccess.open(arguments, context: context)
        let store = try access.requireStore(workspaceArgument: arguments.value("workspace") ?? ".")
        let period = periods.last ?? access.config.period
        let baselinePeriod = periods.count == 2 ? periods.first : nil
        let stored = try access.read { () throws(StoreError) in try store.periods() }
        for wanted in [period] + (baselinePeriod.map { [$0] } ?? []) where !stored.contains(wanted) {
            throw .usage("no results stored for period \(wanted); stored periods: \(stored.isEmpty ? "none" : stored.joined(separator: ", "))")
        }
        let entries = try access.read { () throws(StoreError) in try store.latestResults(period: period) }
        let baseline = try baselinePeriod.map { baselinePeriod throws(CommandFailure) in
            try access.read { () throws(StoreError) in try store.latestResults(period: baselinePeriod) }
        } ?? []
        let rubrics = arguments.values("rubric")
        let present = Set(entries.map(\.result.rubric.id))
        if let missing = rubrics.first(where: { !present.contains($0) }) {
            throw .usage("no results stored for rubric '\(missing)' in period \(period); stored: \(present.sorted().joined(separator: ", "))")
        }
        let benchmark = arguments.value("benchmark")
        if let benchmark, !entries.contains(where: { $0.enterprise.id == benchmark }) {
            throw .usage("the benchmark enterprise \(benchmark) has no stored result in period \(period)")
        }
        let descriptors = try access.descriptors(for: (entries + baseline).map(\.result), store: store)
        var restriction: (enterprises: Set<String>, label: String)?
        if let id = arguments.value("chain") {
            let chains = try ChainCommand.loadChains(access, required: true)
            guard let chain = chains.first(where: { $0.id == id }) else {
                throw .usage("no chain '\(id)'; chains: \(chains.map(\.id).joined(separator: ", "))")
            }
            restriction = (Set(chain.enterprises.map(\.id)), "chain=\(id)")
        }
        var builder = ComparisonBuilder(
            period: period, entries: entries, baselinePeriod: baselinePeriod, baseline: baseline,
            region: Comparison.Region(code: access.config.regionCode, name: access.config.regionName), filters: filters,
            rubrics: rubrics, preferredOrder: access.config.rubrics, benchmarkEnterprise: benchmark, descriptors: descriptors)
        builder.restriction = restriction
        let comparison = builder.build()

        switch arguments.value("format") ?? "table" {
        case "csv": try output.write(ComparisonCSV(language: language).render(comparison))
        case "json": try output.write(ComparisonJSON.render(comparison))
        case "md": try output.write(ComparisonMarkdown(language: language).render(comparison))
        case "html": try output.write(ComparisonHTML(language: language).render(comparison))
        default: try output.write(ComparisonTable(language: language).render(comparison))
        }
    }
}
