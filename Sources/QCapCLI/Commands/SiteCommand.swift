import Foundation
import QCapCore
import Synchronization
import QCapProviders
import QCapReports
import QCapStore

/// `qcap site -o DIR`: the region's static, offline site — region → district or chain → enterprise — rebuilt from the
/// store in one command.
enum SiteCommand {
    /// The list of the pages a site build wrote, kept in the site's folder: a rebuild deletes only pages it lists, and
    /// refuses a non-empty folder without it (never someone else's files).
    static let manifest = ".qcap-site"

    static var spec: CommandSpec {
        CommandSpec("site", summary: "Write the region's static site: the region page, one page per district and per chain, one report per enterprise, linked, offline.",
                    discussion: """
                    Reads the result store and the workspace's certificate registry and chains (nothing is re-assessed) and writes self-contained HTML pages: no scripts, no external URLs, everything escaped, Chinese by default (--lang en). The region page has the programme statistics by district, the level distributions, the national context, the chains and the district links; a district page its cohort sorted by level and score, --page-size enterprises a page; a chain page the chain's view; an enterprise page its report. Every page has breadcrumbs and every table row links to its enterprise.

                    DIR must be new, empty, or a site this command wrote (it keeps a list of its pages in DIR/.qcap-site, and a rebuild removes only pages of that list that are gone).
                    """,
                    options: [
                        CommandTree.workspaceOption,
                        .value("output", short: "o", valueName: "DIR", help: "The folder to write the site to."),
                        .value("period", short: "p", valueName: "P", help: "The period (default: qcap.json's)."),
                        .value("baseline", valueName: "P0", help: "Count new entrants since this earlier period."),
                        .value("as-of", valueName: "YYYY-MM-DD", help: "Count certificates in force on this date.", defaultValue: "the as-of date of the period's latest run"),
                        .value("page-size", valueName: "N", help: "Enterprises per page of a district's cohort.", defaultValue: "100"),
                        CommandTree.languageOption,
                        CommandTree.quietOption,
                    ],
                    examples: ["qcap site -w demo -o site/", "qcap site -w demo -o site-en/ --lang en --baseline 2025"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let started = Date()
        let language = Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh
        guard let path = arguments.value("output") else { throw .usage("--output DIR is required: the folder to write the site to") }
        guard let pageSize = Int(arguments.value("page-size") ?? "100"), (1...10_000).contains(pageSize) else {
            throw .usage("--page-size expects a number 1–10000")
        }
        let inputs = try RegionInputs.load(arguments, context: context)
        let chains = try ChainCommand.loadChains(inputs.access, required: false)
        let graded = inputs.rubrics.filter { !$0.levels.isEmpty }
        let chainReport = chains.isEmpty || graded.isEmpty ? nil
            : try ChainCommand.build(inputs, chains: chains, rubric: nil, atLeast: nil, weakest: 5)
        let primary = (graded.first { $0.id == "manufacturing-capability" } ?? graded.first)?.id
        let site = SiteBuilder(language: language, region: inputs.builder(grouping: .district), chains: chainReport,
                               primaryRubric: primary, pageSize: pageSize)

        let folder = context.url(path)
        let previous = try prepare(folder, shown: path)
        var written: [String] = []
        var bytes = 0
        func write(_ page: String, _ html: String) throws(CommandFailure) {
            try writePage(folder.appending(path: page), html, context: context)
            written.append(page)
            bytes += html.utf8.count
        }
        do {
            try site.pages { page, html in try write(page, html) }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .usage("cannot write the site to \(path): \(error)")
        }
        let pages = try enterprisePages(site, enterprises: site.enterprises.map(\.id), inputs: inputs, folder: folder, context: context,
                                        quiet: arguments.flag("quiet"))
        written += pages.written
        bytes += pages.bytes
        let kept = Set(written)
        for page in previous where !kept.contains(page) {
            try? FileManager.default.removeItem(at: folder.appending(path: page))
        }
        do {
            try Data((written.sorted().joined(separator: "\n") + "\n").utf8).write(to: folder.appending(path: manifest), options: .atomic)
        } catch {
            throw .usage("cannot write \(path)/\(manifest): \(error.localizedDescription)")
        }
        let seconds = Date().timeIntervalSince(started)
        QCapCommand.printError("qcap: wrote \(written.count) pages (\(AssessmentTable.fixed(Double(bytes) / 1_048_576, 1)) MB) to \(path) in \(AssessmentTable.fixed(seconds, 1)) s; open \(path.hasSuffix("/") ? path : path + "/")\(SitePaths.index)")
    }

    /// Writes the enterprises' reports: each batch is read and rendered on every core — each worker reads through its own
    /// connection to the store (SQLite readers do not block each other) — then written on this thread through the
    /// shared output path, one page at a time.
    static func enterprisePages(_ site: SiteBuilder, enterprises: [String], inputs: RegionInputs, folder: URL, context: CommandContext,
                                quiet: Bool) throws(CommandFailure) -> (written: [String], bytes: Int) {
        struct Shared: Sendable {
            var pages: [Int: String] = [:]
            var failure: CommandFailure?
        }
        let root = inputs.access.root, config = inputs.access.config, displayPath = inputs.access.displayPath, period = inputs.period
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, enterprises.count / 64 + 1))
        // One connection per worker for the whole run.
        var stores: [ResultStore] = []
        for _ in 0..<workers {
            do { stores.append(try ResultStore(url: ResultStore.url(workspace: root))) } catch {
                throw RunRecorder.failure(error, displayPath: displayPath)
            }
        }
        let connections = UncheckedConnections(stores)
        let progress = ProgressMeter(total: enterprises.count, enabled: ProgressMeter.shouldShow(quiet: quiet, resultOnStandardOutput: false))
        defer { progress.finish() }
        var written: [String] = []
        var bytes = 0
        var start = 0
        while start < enterprises.count {
            let batch = Array(enterprises[start..<min(enterprises.count, start + Self.batchSize)])
            let shared = Mutex(Shared())
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let store = connections.stores[worker]
                let access = StoreAccess(root: root, config: config, store: store, displayPath: displayPath)
                var pages: [Int: String] = [:]
                for index in stride(from: worker, to: batch.count, by: workers) {
                    do throws(CommandFailure) {
                        guard let report = try ReportCommand.fromStore(store, access: access, enterprise: batch[index], period: period,
                                                                       rubrics: []) else { continue }
                        pages[index] = site.enterprisePage(report)
                    } catch {
                        shared.withLock { $0.failure = $0.failure ?? error }
                        return
                    }
                }
                shared.withLock { $0.pages.merge(pages) { first, _ in first } }
            }
            let result = shared.withLock { $0 }
            if let failure = result.failure { throw failure }
            for index in batch.indices {
                guard let html = result.pages[index] else { continue }
                let page = SitePaths.enterprise(batch[index])
                try writePage(folder.appending(path: page), html, context: context)
                written.append(page)
                bytes += html.utf8.count
            }
            progress.advance(by: batch.count)
            start += batch.count
        }
        return (written, bytes)
    }

    /// Enterprises read and rendered between two rounds of writing (about 35 MB of pages in memory).
    static let batchSize = 256

    /// The workers' store connections: each worker uses only its own, so sharing the array across threads is safe.
    final class UncheckedConnections: @unchecked Sendable {
        let stores: [ResultStore]
        init(_ stores: [ResultStore]) { self.stores = stores }
    }

    /// One page, through the shared output path (written whole, then renamed into place).
    static func writePage(_ url: URL, _ html: String, context: CommandContext) throws(CommandFailure) {
        let output = try OutputTarget(path: url.path, context: context)
        do {
            try output.write(html)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    /// Makes sure DIR may be written: new, empty, or a site written before. Returns the pages of that earlier build.
    static func prepare(_ folder: URL, shown: String) throws(CommandFailure) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .usage("\(shown) exists and is not a folder; name a folder for the site") }
            let listing = manager.fileExists(atPath: folder.appending(path: manifest).path)
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard listing || entries.isEmpty else {
                throw .usage("\(shown) is not empty and holds no site written by qcap (\(manifest)); name a new or empty folder")
            }
        }
        do {
            for sub in ["districts", "chains", "enterprises"] {
                try manager.createDirectory(at: folder.appending(path: sub), withIntermediateDirectories: true)
            }
        } catch {
            throw .usage("cannot create \(shown): \(error.localizedDescription)")
        }
        guard let text = try? String(contentsOf: folder.appending(path: manifest), encoding: .utf8) else { return [] }
        // Only plain relative paths of the kind this command writes; anything else in the list is ignored.
        return text.split(separator: "\n").map(String.init).filter { line in
            !line.hasPrefix("/") && !line.contains("..") && line.hasSuffix(".html")
        }
    }
}
