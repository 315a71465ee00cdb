import Foundation
import QCapCore

/// An opened workspace: configuration, roster, rubrics (built-in and the workspace's own data rubrics), evidence
/// sources and waivers, all checked before any enterprise is assessed, so bad input stops the run before anything
/// is written.
public struct Workspace: Sendable {
    public let root: URL
    public let config: WorkspaceConfig
    public let roster: RosterReader.Roster
    /// Every rubric known in this workspace: registered modules plus data rubrics.
    public let allRubrics: [any Rubric]
    /// The rubrics this run assesses, in order, each with its tailoring.
    public let engines: [RubricEngine]
    public let sources: [any EvidenceSource]
    public let waivers: [Waiver]

    /// Opens the workspace at `root`. `select` restricts the rubrics (the CLI's `--rubric`), `extraRubricFiles`
    /// adds data rubrics (`--rubric-file`).
    public static func open(_ root: URL, registered: [any Rubric], providers: [any DataProvider],
                            select: [String] = [], extraRubricFiles: [URL] = []) throws(InputErrors) -> Workspace {
        let config = try WorkspaceConfig.read(root.appending(path: WorkspaceConfig.fileName), displayPath: display(root, WorkspaceConfig.fileName))
        var errors: [InputError] = []
        let outside = OutsideFiles(root: root, config: config)

        let dataRubrics: [any Rubric]
        do {
            dataRubrics = try loadDataRubrics(root: root, config: config, extra: extraRubricFiles, registered: registered)
        } catch {
            throw InputErrors(outside.redact(error.errors))
        }
        let replaced = Set(dataRubrics.map(\.descriptor.id))
        let allRubrics = registered.filter { !replaced.contains($0.descriptor.id) } + dataRubrics
        let byID = Dictionary(allRubrics.map { ($0.descriptor.id, $0) }, uniquingKeysWith: { first, _ in first })

        let wanted = !select.isEmpty ? select : (!config.rubrics.isEmpty ? config.rubrics : allRubrics.map(\.descriptor.id))
        var engines: [RubricEngine] = []
        for (index, id) in wanted.enumerated() {
            guard let rubric = byID[id] else {
                let origin = select.isEmpty ? "$.rubrics[\(index)]" : "--rubric"
                errors.append(InputError(file: display(root, WorkspaceConfig.fileName), location: .jsonPath(origin, line: nil),
                                         message: "unknown rubric '\(id)'", expected: byID.keys.sorted().joined(separator: ", ")))
                continue
            }
            var tailoring = Tailoring.none
            if let raw = config.tailoring[id] {
                do {
                    tailoring = try Tailoring.parse(raw, path: JSONPath.appending(key: id, to: "$.tailoring"),
                                                    file: display(root, WorkspaceConfig.fileName), descriptor: rubric.descriptor)
                } catch {
                    errors += error.errors
                }
            }
            engines.append(RubricEngine(rubric: rubric, tailoring: tailoring))
        }
        for id in config.tailoring.keys.sorted() where byID[id] == nil {
            errors.append(InputError(file: display(root, WorkspaceConfig.fileName), location: .jsonPath("$.tailoring.\(id)", line: nil),
                                     message: "tailoring for unknown rubric '\(id)'"))
        }

        var roster = RosterReader.Roster(enterprises: [], review: [:], format: .csv(.utf8, separator: ","))
        do {
            roster = try RosterReader.read(WorkspaceConfig.url(config.roster, root: root), displayPath: display(root, config.roster),
                                           sheet: config.rosterSheet)
        } catch {
            errors += error.errors
        }

        let context = ProviderContext(catalog: FactCatalog(rubrics: allRubrics))
        let providersByID = Dictionary(providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sources: [any EvidenceSource] = []
        for source in config.sources {
            guard let provider = providersByID[source.provider] else {
                errors.append(InputError(file: display(root, WorkspaceConfig.fileName), location: .jsonPath("\(source.jsonPath).provider", line: nil),
                                         message: "unknown provider '\(source.provider)'", expected: providersByID.keys.sorted().joined(separator: ", ")))
                continue
            }
            let reference = SourceReference(provider: source.provider, url: WorkspaceConfig.url(source.path, root: root),
                                            displayPath: display(root, source.path), options: source.options)
            do {
                let opened = try provider.open(reference, context: context)
                sources.append(outside.contains(reference.displayPath) ? RedactingEvidenceSource(base: opened, outside: outside) : opened)
            } catch {
                errors += error.errors
            }
        }

        if !roster.enterprises.isEmpty {
            errors += UnknownEnterprises.problems(in: sources, roster: roster.enterprises.map(\.id), rosterPath: display(root, config.roster))
        }

        var waivers: [Waiver] = []
        if let waiverPath = config.waivers, FileManager.default.fileExists(atPath: WorkspaceConfig.url(waiverPath, root: root).path) {
            do {
                waivers = try WaiverFile.read(WorkspaceConfig.url(waiverPath, root: root), displayPath: display(root, waiverPath), rubrics: allRubrics,
                                              roster: roster.enterprises.isEmpty ? nil : Set(roster.enterprises.map(\.id)),
                                              rosterPath: display(root, config.roster))
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw InputErrors(outside.redact(errors)) }
        return Workspace(root: root, config: config, roster: roster, allRubrics: allRubrics, engines: engines, sources: sources, waivers: waivers)
    }

    /// Data rubrics: the workspace's `rubrics/*.json`, `rubricFiles` and `--rubric-file`, fully validated. One with
    /// the id of a registered rubric is an error unless `override` names that id; an override keeps the registered
    /// rubric's probes and finishing touches, so a workspace can re-weight or re-word a module rubric.
    static func loadDataRubrics(root: URL, config: WorkspaceConfig, extra: [URL], registered: [any Rubric]) throws(InputErrors) -> [any Rubric] {
        var files: [(URL, String)] = []
        let folder = root.appending(path: "rubrics")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
            files.append((folder.appending(path: name), display(root, "rubrics/" + name)))
        }
        for path in config.rubricFiles { files.append((WorkspaceConfig.url(path, root: root), display(root, path))) }
        for url in extra { files.append((url, url.path)) }
        let registeredByID = Dictionary(registered.map { ($0.descriptor.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rubrics: [any Rubric] = []
        var seen: [String: String] = [:]
        var errors: [InputError] = []
        for (url, shown) in files {
            guard let data = try? Data(contentsOf: url) else {
                errors.append(InputError(file: shown, message: "rubric file not found"))
                continue
            }
            do {
                let (decoded, lines) = try RubricLoader.decode(data: data, file: shown)
                let idLocation = InputError.Location.jsonPath("$.id", line: lines.nearestLine(for: "$.id"))
                let base = registeredByID[decoded.id]
                if base != nil && !config.override.contains(decoded.id) {
                    errors.append(InputError(file: shown, location: idLocation,
                                             message: "rubric id '\(decoded.id)' is already a built-in rubric",
                                             expected: "another id, or \"override\": [\"\(decoded.id)\"] in qcap.json to replace the built-in one"))
                    continue
                }
                if let first = seen[decoded.id] {
                    errors.append(InputError(file: shown, location: idLocation, message: "rubric id '\(decoded.id)' is also defined in \(first)"))
                    continue
                }
                let descriptor = try RubricLoader.load(data: data, file: shown, probes: base?.probes ?? [])
                if let conflict = FactPrefixes.conflict(of: descriptor, with: registered.map(\.descriptor) + rubrics.map(\.descriptor),
                                                        file: shown, lines: lines) {
                    errors.append(conflict)
                    continue
                }
                seen[descriptor.id] = shown
                if let base {
                    rubrics.append(OverridingRubric(base: base, descriptor: descriptor))
                } else {
                    rubrics.append(DeclarativeRubric(descriptor: descriptor))
                }
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return rubrics
    }

    /// Paths in messages are relative to the workspace, prefixed with its folder name as the user typed it; an
    /// absolute path is shown as written.
    public static func display(_ root: URL, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = root.lastPathComponent
        return base.isEmpty || base == "." ? path : "\(base)/\(path)"
    }

    /// A runner for this workspace's enterprises.
    public func runner(asOf: Day) -> AssessmentRunner {
        AssessmentRunner(engines: engines, sources: sources, period: config.period, asOf: asOf, waivers: waivers)
    }
}

/// A registered rubric whose descriptor a workspace replaces (`"override"` in qcap.json): the new criteria, weights
/// and wording, with the module's probes, preparations, auxiliary facts, example evidence and finishing touches.
struct OverridingRubric: Rubric {
    let base: any Rubric
    let descriptor: RubricDescriptor

    var probes: [Probe] { base.probes }
    var auxiliaryFacts: [String] { base.auxiliaryFacts }

    func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        base.exampleEvidence(for: request, random: &random)
    }

    func prepare(parameters: [String: JSONValue]) -> (any Sendable)? {
        base.prepare(parameters: parameters)
    }

    func prepare(evidence: Evidence, context: AssessmentContext, run: (any Sendable)?) -> (any Sendable)? {
        base.prepare(evidence: evidence, context: context, run: run)
    }

    func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue]) {
        base.finish(&result, evidence: evidence, context: context, parameters: parameters)
    }

    func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue],
                prepared: (any Sendable)?, enterprisePrepared: (any Sendable)?) {
        base.finish(&result, evidence: evidence, context: context, parameters: parameters, prepared: prepared,
                    enterprisePrepared: enterprisePrepared)
    }
}
