import Foundation
import QCapCore
import QCapProviders
import QCapReports
import QCapStore

/// `qcap report ENTERPRISE`: the report handed to one enterprise.
///
/// It is written from the result store: per rubric, the enterprise's latest stored result of the period, with the
/// rubric exactly as it was then. When the store holds nothing for the enterprise (no `qcap assess` yet), the
/// enterprise is assessed on the fly from the workspace, the report says so, and nothing is stored.
enum ReportCommand {
    static let formats = ["html", "md", "json"]

    static var spec: CommandSpec {
        CommandSpec("report", summary: "Write an enterprise's report: level per rubric, radar chart, findings with remediation, improvement plan, missing evidence, grading rule, provenance.",
                    discussion: """
                    Reads the enterprise's latest stored results (run `qcap assess` first). If the store holds none, the enterprise is assessed on the fly as of --as-of (default today), the report says so, and nothing is stored.

                    The HTML is one self-contained A4 document: inline CSS and SVG charts, no scripts, nothing fetched from the network. Print it or save it as PDF from a browser.
                    """,
                    options: [
                        CommandTree.workspaceOption,
                        .value("period", short: "p", valueName: "P", help: "The period to report (default: that of the enterprise's latest run)."),
                        .value("rubric", short: "r", valueName: "ID", help: "Only this rubric (repeatable).", repeatable: true),
                        .value("format", short: "f", valueName: "FORMAT", help: "Output format.", allowedValues: formats, defaultValue: "html"),
                        CommandTree.outputOption,
                        CommandTree.languageOption,
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Assessment date when the enterprise is assessed on the fly.", defaultValue: "today (Asia/Shanghai)"),
                    ],
                    positionals: [.required("ENTERPRISE", help: "The enterprise's Unified Social Credit Code.")],
                    examples: ["qcap report 91350626GW8FWJTXK0 --workspace demo --output report.html",
                               "qcap report 91350626GW8FWJTXK0 -w demo --lang en --format md",
                               "qcap report 91350626GW8FWJTXK0 -w demo --rubric manufacturing-capability --format json"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let id = arguments.positional("ENTERPRISE") ?? ""
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        let rubrics = arguments.values("rubric")
        let output = try OutputTarget(path: arguments.value("output"), context: context,
                                      protected: .workspace(root: AssessCommand.workspaceRoot(arguments, context: context)))
        do {
            try write(arguments, context: context, enterprise: id, language: language, rubrics: rubrics, output: output)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, enterprise id: String, language: Language,
                      rubrics: [String], output: OutputTarget) throws(CommandFailure) {
        let access = try StoreAccess.open(arguments, context: context)
        let period = arguments.value("period")
        var report: EnterpriseReport?
        if let store = access.store {
            report = try fromStore(store, access: access, enterprise: id, period: period, rubrics: rubrics)
        }
        if report == nil {
            if let period, period != access.config.period {
                throw .usage("no results stored for \(id) in period \(period); run `qcap assess` for that period first")
            }
            report = try onTheFly(arguments, context: context, enterprise: id, rubrics: rubrics)
        }
        guard let report else { return }
        switch arguments.value("format") ?? "html" {
        case "md":
            try output.write(ReportMarkdown(language: language).render(report))
            // Rubrics with a document of their own (the excellence self-assessment outline) add it after the report.
            for section in report.sections {
                guard let rubric = context.rubrics.first(where: { $0.descriptor.id == section.result.rubric.id }),
                      let outline = rubric.reportOutline(for: section.result, enterprise: report.enterprise, language: language) else { continue }
                try output.write("\n---\n\n" + outline)
            }
        case "json": try output.write(ReportJSON.render(report))
        default: try output.write(ReportHTML(language: language).render(report))
        }
    }

    static func fromStore(_ store: ResultStore, access: StoreAccess, enterprise id: String, period: String?,
                          rubrics: [String]) throws(CommandFailure) -> EnterpriseReport? {
        var stored = try access.read { () throws(StoreError) in try store.latestResults(enterprise: id, period: period) }
        guard !stored.isEmpty else { return nil }
        if !rubrics.isEmpty {
            let present = Set(stored.map(\.result.rubric.id))
            if let missing = rubrics.first(where: { !present.contains($0) }) {
                throw .usage("no stored result of rubric '\(missing)' for \(id); stored: \(present.sorted().joined(separator: ", "))")
            }
            stored = rubrics.compactMap { rubric in stored.first { $0.result.rubric.id == rubric } }
        }
        var runs: [EnterpriseReport.Run] = []
        var periodOfRuns = period ?? ""
        for runID in Set(stored.map(\.runID)).sorted() {
            guard let run = try access.read({ () throws(StoreError) in try store.run(id: runID) }) else { continue }
            runs.append(EnterpriseReport.Run(id: run.id, created: run.created, who: run.who, inputsHash: run.inputsHash,
                                             qcapVersion: run.qcapVersion, asOf: run.asOf))
            periodOfRuns = run.period
        }
        let latest = stored.max { $0.runID < $1.runID }
        let descriptors = try access.descriptors(for: stored.map(\.result), store: store)
        let review = try latest.map { latest throws(CommandFailure) in
            try access.read { () throws(StoreError) in try store.review(enterprise: id, runID: latest.runID) }
        } ?? []
        return EnterpriseReport(enterprise: latest?.enterprise ?? Enterprise(id: id, name: id), period: periodOfRuns,
                                asOf: runs.last?.asOf ?? Day.today(), runs: runs,
                                sections: stored.map { EnterpriseReport.Section(result: $0.result, descriptor: descriptors[$0.result.rubric.hash], runID: $0.runID) },
                                review: review, qcapVersion: CommandTree.version)
    }

    static func onTheFly(_ arguments: ParsedArguments, context: CommandContext, enterprise id: String,
                         rubrics: [String]) throws(CommandFailure) -> EnterpriseReport {
        let asOf = try AssessCommand.asOfDay(arguments)
        let workspace = try AssessCommand.openWorkspace(arguments, context: context)
        guard let enterprise = workspace.roster.enterprises.first(where: { $0.id == id }) else {
            throw .usage("enterprise \(id) is not on the roster \(workspace.config.roster) and has no stored results")
        }
        let run: AssessmentRun
        do {
            run = try workspace.runner(asOf: asOf).assess(enterprise, review: workspace.roster.review[id] ?? [])
        } catch {
            throw .input(error)
        }
        try FiniteResults.check([run])
        QCapCommand.printError("qcap: no stored results for \(id); assessed on the fly as of \(asOf) (not stored)")
        let descriptors = Dictionary(workspace.engines.map { ($0.descriptor.contentHash, $0.descriptor) }, uniquingKeysWith: { first, _ in first })
        return EnterpriseReport(enterprise: enterprise, period: workspace.config.period, asOf: asOf, runs: [],
                                sections: run.results.map { EnterpriseReport.Section(result: $0, descriptor: descriptors[$0.rubric.hash]) },
                                review: run.review, qcapVersion: CommandTree.version)
    }
}
