import Foundation
import QCapCore
import Synchronization
import QCapProviders
import QCapReports
import QCapStore

/// What `qcap region`, `qcap chain` and `qcap site` read: the store's aggregate results of a period (and of a
/// baseline period), the workspace's rubrics for level names and national targets, and its certificate registry
/// through the providers, classified by the certification rubric's census. Nothing is assessed.
struct RegionInputs {
    let access: StoreAccess
    let store: ResultStore
    let period: String
    let baselinePeriod: String?
    let asOf: Day
    let baselineAsOf: Day?
    let rubrics: [RegionCohort.Rubric]
    var members: [RegionCohort.Member]
    let census: CertificateCensus?
    let omitted: [RegionReport.Omitted]
    let notes: [LocalizedText]

    var region: Comparison.Region { Comparison.Region(code: access.config.regionCode, name: access.config.regionName) }

    func builder(grouping: RegionGrouping? = nil) -> RegionBuilder {
        RegionBuilder(period: period, asOf: asOf, baselinePeriod: baselinePeriod, baselineAsOf: baselineAsOf, region: region,
                      districts: access.config.districts, grouping: grouping, rubrics: rubrics, members: members, census: census,
                      omitted: omitted, notes: notes)
    }

    /// Reads everything; `--period`, `--baseline` and `--as-of` come from the arguments when the command declares them.
    static func load(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) -> RegionInputs {
        let access = try StoreAccess.open(arguments, context: context)
        let store = try access.requireStore(workspaceArgument: arguments.value("workspace") ?? ".")
        let stored = try access.read { () throws(StoreError) in try store.periods() }
        let period = (arguments.declares("period") ? arguments.value("period") : nil) ?? access.config.period
        let baselinePeriod = arguments.declares("baseline") ? arguments.value("baseline") : nil
        for wanted in [period] + (baselinePeriod.map { [$0] } ?? []) where !stored.contains(wanted) {
            throw .usage("no results stored for period \(wanted); stored periods: \(stored.isEmpty ? "none" : stored.joined(separator: ", "))")
        }
        if let baselinePeriod, baselinePeriod == period {
            throw .usage("--baseline \(baselinePeriod) is the period itself; name an earlier period (stored: \(stored.joined(separator: ", ")))")
        }
        let latest = try access.read { () throws(StoreError) in try store.latestRun(period: period) }
        var asOf = latest?.asOf ?? Day.today()
        if arguments.declares("as-of"), let text = arguments.value("as-of") {
            guard let day = Day(iso: text) else { throw .usage("--as-of expects a date YYYY-MM-DD, got '\(text)'") }
            asOf = day
        }
        let baselineAsOf = try baselinePeriod.map { baseline throws(CommandFailure) in
            try access.read { () throws(StoreError) in try store.latestRun(period: baseline) }?.asOf
        } ?? nil
        if let baselineAsOf, baselineAsOf >= asOf {
            throw .usage("the baseline period \(baselinePeriod ?? "")'s as-of date \(baselineAsOf) is not before \(asOf); a baseline must be earlier")
        }
        let lines = try access.read { () throws(StoreError) in try store.regionResults(period: period) }
        let baselineLines = try baselinePeriod.map { baseline throws(CommandFailure) in
            try access.read { () throws(StoreError) in try store.regionResults(period: baseline) }
        } ?? []
        var members = RegionCohort.members(current: lines, baseline: baselineLines)

        var notes: [LocalizedText] = []
        let descriptors = try workspaceDescriptors(access: access, context: context)
        let present = Set(lines.map(\.rubric))
        let preferred = access.config.rubrics.filter { present.contains($0) }
        var seen = Set(preferred)
        let order = preferred + present.sorted().filter { seen.insert($0).inserted }
        var rubrics: [RegionCohort.Rubric] = []
        for id in order {
            let descriptor = descriptors[id]
            let levels = (descriptor?.levels ?? []).sorted { $0.rank < $1.rank }.map { Comparison.Level(rank: $0.rank, id: $0.id, name: $0.name) }
            var targets: NewEntrantTargets?
            if let value = NewEntrantTargets.parameter(descriptor: descriptor, tailoring: access.config.tailoring[id]) {
                let parsed = NewEntrantTargets.parse(value, rubric: id, levels: levels)
                targets = parsed.targets
                notes += parsed.notes
            }
            if descriptor == nil {
                notes.append(LocalizedText(zh: "评价规则 \(id) 在本工作区已不存在，只统计其证据覆盖。",
                                           en: "Rubric \(id) is no longer in this workspace; only its coverage is counted."))
            }
            rubrics.append(RegionCohort.Rubric(id: id, title: descriptor?.title ?? LocalizedText(id), levels: levels, targets: targets,
                                               targetSource: descriptor?.parameters?["nationalTargets"]?.source))
        }

        var omitted: [RegionReport.Omitted] = []
        let census = try certificateCensus(access: access, context: context, descriptors: descriptors, omitted: &omitted)
        if let (census, sources) = census {
            members = try classify(members, census: census, sources: sources)
        }
        omitted += programmeSections(context: context)
        return RegionInputs(access: access, store: store, period: period, baselinePeriod: baselinePeriod, asOf: asOf, baselineAsOf: baselineAsOf,
                            rubrics: rubrics, members: members, census: census?.0, omitted: omitted, notes: notes)
    }

    /// The rubrics as the workspace defines them now: registered modules, replaced or joined by its data rubrics.
    static func workspaceDescriptors(access: StoreAccess, context: CommandContext) throws(CommandFailure) -> [String: RubricDescriptor] {
        var descriptors = Dictionary(context.rubrics.map { ($0.descriptor.id, $0.descriptor) }, uniquingKeysWith: { first, _ in first })
        let folder = access.root.appending(path: "rubrics")
        var files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().filter { $0.hasSuffix(".json") }
            .map { (folder.appending(path: $0), "rubrics/" + $0) }
        files += access.config.rubricFiles.map { (access.root.appending(path: $0), $0) }
        for (url, shown) in files {
            guard let data = try? Data(contentsOf: url) else { continue }
            do {
                let (descriptor, _) = try RubricLoader.decode(data: data, file: StoreAccess.display(access.root, shown))
                descriptors[descriptor.id] = descriptor
            } catch {
                throw .input(error)
            }
        }
        return descriptors
    }

    /// The census of the first registered rubric that offers one, with the workspace's tailored parameters, and the
    /// sources that supply what it reads; nil (and a section left out, with the reason) when there is none.
    static func certificateCensus(access: StoreAccess, context: CommandContext, descriptors: [String: RubricDescriptor],
                                  omitted: inout [RegionReport.Omitted]) throws(CommandFailure) -> (CertificateCensus, [any EvidenceSource])? {
        guard let rubric = context.rubrics.first(where: { $0 is CertificateCensusProviding }),
              let provider = rubric as? CertificateCensusProviding else {
            omitted.append(RegionReport.Omitted(section: "certificates", reason: LocalizedText(
                zh: "没有能读取证书登记数据的评价规则（certification）。", en: "no registered rubric reads certificate records (certification).")))
            return nil
        }
        let id = rubric.descriptor.id
        var parameters: [String: JSONValue] = [:]
        for (name, parameter) in (descriptors[id] ?? rubric.descriptor).parameters ?? [:] { parameters[name] = parameter.value }
        if let tailored = access.config.tailoring[id]?["parameters"]?.objectValue {
            for (name, value) in tailored { parameters[name] = value }
        }
        guard let census = provider.certificateCensus(parameters: parameters) else {
            omitted.append(RegionReport.Omitted(section: "certificates", reason: LocalizedText(
                zh: "评价规则 \(id) 的参数无法读取（运行 qcap assess 查看原因）。", en: "the parameters of \(id) cannot be read (qcap assess says why).")))
            return nil
        }
        let wanted = Set(census.factKeys)
        let providers = Dictionary(context.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let catalog = ProviderContext(catalog: FactCatalog(rubrics: context.rubrics.map { EffectiveRubric($0) }))
        var sources: [any EvidenceSource] = []
        var errors: [InputError] = []
        for source in access.config.sources {
            guard let provider = providers[source.provider], provider.supplies.contains(where: { wanted.contains($0.key) }) else { continue }
            let reference = SourceReference(provider: source.provider, url: WorkspaceConfig.url(source.path, root: access.root),
                                            displayPath: Workspace.display(access.root, source.path), options: source.options)
            do {
                sources.append(try provider.open(reference, context: catalog))
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw .input(InputErrors(OutsideFiles(root: access.root, config: access.config).redact(errors))) }
        guard !sources.isEmpty else {
            omitted.append(RegionReport.Omitted(section: "certificates", reason: LocalizedText(
                zh: "qcap.json 没有证书登记数据来源（cnca-registry 或 iaf-certsearch）。",
                en: "qcap.json names no certificate registry source (cnca-registry or iaf-certsearch).")))
            return nil
        }
        return (census, sources)
    }

    /// Each member's registry certificates, read through the sources and classified by the census, on every core
    /// (sources hand out facts safely from several threads; a province's registry export is read in a few seconds).
    static func classify(_ members: [RegionCohort.Member], census: CertificateCensus,
                         sources: [any EvidenceSource]) throws(CommandFailure) -> [RegionCohort.Member] {
        struct Shared: Sendable {
            var certificates: [Int: [CensusCertificate]] = [:]
            var errors: InputErrors?
        }
        let shared = Mutex(Shared())
        let enterprises = members.map(\.enterprise)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, enterprises.count / 256 + 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var found: [Int: [CensusCertificate]] = [:]
            for index in stride(from: worker, to: enterprises.count, by: workers) {
                var evidence = Evidence(enterprise: enterprises[index])
                do throws(InputErrors) {
                    for source in sources { evidence.add(contentsOf: try source.facts(for: enterprises[index])) }
                } catch {
                    shared.withLock { $0.errors = $0.errors ?? error }
                    return
                }
                found[index] = census.classify(evidence)
            }
            shared.withLock { $0.certificates.merge(found) { first, _ in first } }
        }
        let result = shared.withLock { $0 }
        if let errors = result.errors { throw .input(errors) }
        var classified = members
        for index in classified.indices { classified[index].certificates = result.certificates[index] ?? [] }
        return classified
    }

    /// The programme sections whose data comes from issue 12's rubrics and providers, left out until they exist.
    static func programmeSections(context: CommandContext) -> [RegionReport.Omitted] {
        var omitted: [RegionReport.Omitted] = []
        if !context.rubrics.contains(where: { $0.descriptor.id == "chief-quality-officer" }) {
            omitted.append(RegionReport.Omitted(section: "cqo", reason: LocalizedText(
                zh: "需要首席质量官评价规则（chief-quality-officer），本版本尚未提供。",
                en: "it needs the chief-quality-officer rubric, which this version does not have yet.")))
        }
        if !context.providers.contains(where: { $0.id == "honours" }) {
            omitted.append(RegionReport.Omitted(section: "honours", reason: LocalizedText(
                zh: "需要质量荣誉登记数据（honours 数据来源），本版本尚未提供。",
                en: "it needs the honours register (the honours provider), which this version does not have yet.")))
        }
        return omitted
    }
}
