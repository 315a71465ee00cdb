import Foundation
import QCapCore

/// The result store of a workspace, `.qcap/results.sqlite`: every `qcap assess` is one run, kept forever, so
/// `compare` reads the latest results, `history` follows an enterprise from run to run, and `report` can be written
/// from what was assessed. See docs/store.md for the schema.
///
/// Writing: `beginRun` opens one transaction, `add` records enterprises as they are assessed, `commitRun` makes the
/// run visible, `rollbackRun` (or a crash) leaves nothing behind.
public final class ResultStore {
    /// Where the store lives inside a workspace.
    public static let relativePath = ".qcap/results.sqlite"

    public static func url(workspace: URL) -> URL {
        workspace.appending(path: relativePath)
    }

    public let url: URL
    public let database: SQLiteDatabase
    private var openRun: Int?
    private var openRunEnterprises = 0
    /// Citations are stored once per enterprise and run, and findings refer to them by number: the same
    /// questionnaire line backs dozens of findings.
    private var nextCitation = 0
    private var storedDescriptors: Set<String> = []
    private var modelCache: [String: ScoringModel] = [:]
    private var descriptorCache: [String: RubricDescriptor] = [:]
    /// The criteria of the rubrics being stored, by content hash, to leave out the texts they already hold.
    private var criteria: [String: [String: Criterion]] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private let decoder = JSONDecoder()

    /// Opens the store, creating the file and its folder when needed, and brings the schema up to date.
    public init(url: URL, migrations: [StoreMigration] = StoreSchema.migrations, busyTimeout: Int = 5_000) throws(StoreError) {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: url.path, problem: .cannotCreate(error.localizedDescription))
        }
        do {
            database = try SQLiteDatabase(path: url.path, busyTimeout: busyTimeout)
            try database.enableWriteAheadLog()
            try database.enableForeignKeys()
        } catch {
            throw StoreError(path: url.path, problem: .sqlite(error))
        }
        try StoreSchema.migrate(database, migrations: migrations, path: url.path)
    }

    /// Opens the store of a workspace only if it exists (readers never create one).
    public static func openExisting(workspace: URL) throws(StoreError) -> ResultStore? {
        let url = url(workspace: workspace)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ResultStore(url: url)
    }

    // MARK: - Writing a run

    /// Opens the transaction of a new run and records it; nothing is visible to readers until `commitRun`.
    @discardableResult
    public func beginRun(_ record: RunRecord) throws(StoreError) -> Int {
        guard openRun == nil else { throw StoreError(path: url.path, problem: .runAlreadyOpen) }
        do {
            try database.begin(.immediate)
            let id = try database.insert("""
                INSERT INTO runs (created, who, as_of, period, inputs_hash, qcap_version, workspace, region_code, region_name, rubrics)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """, [.text(record.created), .text(record.who), .text(record.asOf.description), .text(record.period),
                      .text(record.inputsHash), .text(record.qcapVersion), .text(record.workspace), .text(record.regionCode),
                      .text(record.regionName), .text(JSONWriter.write(.array(record.rubrics.map { .string($0) })))])
            openRun = Int(id)
            openRunEnterprises = 0
            nextCitation = 0
            return Int(id)
        } catch {
            database.rollback()
            throw StoreError(path: url.path, problem: .sqlite(error))
        }
    }

    /// Records one assessed enterprise (its snapshot, every result and every finding) in the open run.
    /// `descriptors` are the rubrics used, stored once per content hash so old runs render with their own rubric.
    public func add(_ run: AssessmentRun, descriptors: [RubricDescriptor] = []) throws(StoreError) {
        guard let runID = openRun else { throw StoreError(path: url.path, problem: .noRunOpen) }
        do {
            for descriptor in descriptors where !storedDescriptors.contains(descriptor.contentHash) {
                try storeDescriptor(descriptor)
            }
            for descriptor in descriptors where criteria[descriptor.contentHash] == nil {
                criteria[descriptor.contentHash] = Dictionary(descriptor.allCriteria().map { ($0.criterion.id, $0.criterion) },
                                                              uniquingKeysWith: { first, _ in first })
            }
            try insert(run, runID: runID)
            openRunEnterprises += 1
        } catch let error as SQLiteError {
            throw StoreError(path: url.path, problem: .sqlite(error))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: url.path, problem: .encoding("\(error)"))
        }
    }

    /// Makes the open run visible. Returns its id.
    @discardableResult
    public func commitRun() throws(StoreError) -> Int {
        guard let runID = openRun else { throw StoreError(path: url.path, problem: .noRunOpen) }
        do {
            try database.run("UPDATE runs SET enterprise_count = ?1 WHERE id = ?2", .integer(Int64(openRunEnterprises)), .integer(Int64(runID)))
            try database.commit()
        } catch {
            rollbackRun()
            throw StoreError(path: url.path, problem: .sqlite(error))
        }
        openRun = nil
        return runID
    }

    /// Drops the open run and everything recorded in it.
    public func rollbackRun() {
        database.rollback()
        openRun = nil
        openRunEnterprises = 0
        // Descriptors inserted in the rolled-back transaction are gone too.
        storedDescriptors.removeAll()
    }

    private func storeDescriptor(_ descriptor: RubricDescriptor) throws {
        let json = String(decoding: try encoder.encode(descriptor), as: UTF8.self)
        try database.run("INSERT OR IGNORE INTO rubrics (hash, id, version, descriptor) VALUES (?1, ?2, ?3, ?4)",
                         .text(descriptor.contentHash), .text(descriptor.id), .text(descriptor.version), .text(json))
        storedDescriptors.insert(descriptor.contentHash)
    }

    private func insert(_ run: AssessmentRun, runID: Int) throws {
        let enterprise = run.enterprise
        let run64 = Int64(runID)
        var citations: [Provenance: Int] = [:]
        func cite(_ provenance: Provenance) throws -> Int {
            if let id = citations[provenance] { return id }
            nextCitation += 1
            citations[provenance] = nextCitation
            try database.run("""
                INSERT INTO citations (run_id, id, provider, file, line, row, source, assessor, round, cell)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """, [.integer(run64), .integer(Int64(nextCitation)), .text(provenance.provider), .text(provenance.file),
                      SQLiteValue(provenance.line), SQLiteValue(provenance.row), .text(provenance.source.rawValue),
                      SQLiteValue(provenance.assessor), SQLiteValue(provenance.round), SQLiteValue(provenance.cell)])
            return nextCitation
        }
        try database.run("""
            INSERT INTO enterprises (run_id, enterprise_id, name, region, industry, size, products, review)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """, [.integer(run64), .text(enterprise.id), .text(enterprise.name), .text(enterprise.region), .text(enterprise.industry),
                  .text(enterprise.size), .text(JSONWriter.write(.array(enterprise.products.map { .string($0) }))),
                  .text(JSONWriter.write(.array(run.review.map(Self.json))))])
        for result in run.results {
            var detail = result
            detail.findings = []
            // Criterion titles are the rubric's own (stored once in `rubrics`): left out here, restored on reading.
            for index in detail.nodes.indices { detail.nodes[index].title = Self.fromRubric }
            if var gap = detail.gap {
                let known = criteria[result.rubric.hash] ?? [:]
                for index in gap.items.indices {
                    let item = gap.items[index]
                    gap.items[index].title = Self.fromRubric
                    guard let criterion = known[item.criterion], let requirement = item.requirement else { continue }
                    if let level = item.requiredLevel, criterion.requirement(atLevel: level) == requirement {
                        gap.items[index].requirement = Self.levelRequirement
                    } else if criterion.remediation == requirement {
                        gap.items[index].requirement = Self.remediation
                    }
                }
                detail.gap = gap
            }
            let resultID = try database.insert("""
                INSERT INTO results (run_id, enterprise_id, rubric_id, rubric_version, rubric_hash, title_zh, title_en, model, tailoring,
                                     score, raw_score, scale_score, scale_max, level_rank, level_id, level_zh, level_en, coverage, detail,
                                     nothing_applies, verdict_zh, verdict_en)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                """, [.integer(run64), .text(enterprise.id), .text(result.rubric.id), .text(result.rubric.version), .text(result.rubric.hash),
                      .text(result.rubric.title.zh), .text(result.rubric.title.en), .text(modelJSON(result.model)), .text(result.tailoring),
                      SQLiteValue(result.score), SQLiteValue(result.rawScore), SQLiteValue(result.scaleScore), SQLiteValue(result.scaleMax),
                      SQLiteValue(result.level?.rank), SQLiteValue(result.level?.id), SQLiteValue(result.level?.name.zh),
                      SQLiteValue(result.level?.name.en), .real(result.coverage ?? 0),
                      .text(String(decoding: try encoder.encode(detail), as: UTF8.self)),
                      .integer(result.coverage == nil ? 1 : 0), SQLiteValue(result.verdict?.zh), SQLiteValue(result.verdict?.en)])
            for (ordinal, finding) in result.findings.enumerated() {
                try database.run("""
                    INSERT INTO findings (result_id, ordinal, criterion, outcome, score, level, message_zh, message_en,
                                          raw_outcome, raw_score, evidence, details)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                    """, [.integer(resultID), .integer(Int64(ordinal)), .text(finding.criterion), .text(finding.outcome.rawValue),
                          SQLiteValue(finding.score), SQLiteValue(finding.level), .text(finding.message.zh), .text(finding.message.en),
                          SQLiteValue(finding.rawOutcome?.rawValue), SQLiteValue(finding.rawScore),
                          finding.evidence.isEmpty ? .null : .text(try finding.evidence.map { String(try cite($0)) }.joined(separator: " ")),
                          finding.details.map { .text(JSONWriter.write(.object(JSONObject($0.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))) } ?? .null])
            }
        }
    }

    private func modelJSON(_ model: ScoringModel) -> String {
        (try? encoder.encode(model)).map { String(decoding: $0, as: UTF8.self) } ?? "{\"kind\":\"\(model.kind.rawValue)\"}"
    }

    // MARK: - Reading

    /// Every committed run, oldest first; only those of `period` when given.
    public func runs(period: String? = nil) throws(StoreError) -> [RunRecord] {
        try read {
            try database.query("SELECT * FROM runs WHERE ?1 IS NULL OR period = ?1 ORDER BY id", SQLiteValue(period)).map(Self.run)
        }
    }

    public func run(id: Int) throws(StoreError) -> RunRecord? {
        try read { try database.query("SELECT * FROM runs WHERE id = ?1", .integer(Int64(id))).first.map(Self.run) }
    }

    /// The latest committed run of a period (of any period when nil).
    public func latestRun(period: String? = nil) throws(StoreError) -> RunRecord? {
        try read {
            try database.query("SELECT * FROM runs WHERE ?1 IS NULL OR period = ?1 ORDER BY id DESC LIMIT 1", SQLiteValue(period)).first.map(Self.run)
        }
    }

    /// The periods that have runs, in the order they were first assessed.
    public func periods() throws(StoreError) -> [String] {
        try read { try database.query("SELECT period FROM runs GROUP BY period ORDER BY MIN(id)").map { $0.text("period") } }
    }

    /// The results that count for a period: for every enterprise and rubric, the one from the latest run of the
    /// period that assessed it (a later run restricted to a few enterprises or rubrics replaces only those).
    /// Summaries only: no findings, nodes or gap (see `latestResults(enterprise:period:)` for those).
    public func latestResults(period: String) throws(StoreError) -> [StoredResult] {
        try read {
            try database.query("""
                SELECT r.*, e.name, e.region, e.industry, e.size, e.products
                FROM results r
                JOIN runs u ON u.id = r.run_id
                JOIN enterprises e ON e.run_id = r.run_id AND e.enterprise_id = r.enterprise_id
                WHERE u.period = ?1 AND r.run_id = (
                    SELECT MAX(r2.run_id) FROM results r2 JOIN runs u2 ON u2.id = r2.run_id
                    WHERE u2.period = ?1 AND r2.enterprise_id = r.enterprise_id AND r2.rubric_id = r.rubric_id)
                ORDER BY r.enterprise_id, r.rubric_id
                """, .text(period)).map { row throws in try summary(row) }
        }
    }

    /// An enterprise's current results in full (findings, nodes, gap): per rubric, the latest result of `period`, or
    /// of the period of its latest run when `period` is nil. Empty when the store never assessed the enterprise.
    public func latestResults(enterprise: String, period: String? = nil) throws(StoreError) -> [StoredResult] {
        try read {
            guard let chosen = try period ?? database.query("""
                SELECT u.period FROM results r JOIN runs u ON u.id = r.run_id WHERE r.enterprise_id = ?1 ORDER BY r.run_id DESC LIMIT 1
                """, .text(enterprise)).first?.string("period") else { return [] }
            let rows = try database.query("""
                SELECT r.*, e.name, e.region, e.industry, e.size, e.products
                FROM results r
                JOIN runs u ON u.id = r.run_id
                JOIN enterprises e ON e.run_id = r.run_id AND e.enterprise_id = r.enterprise_id
                WHERE r.enterprise_id = ?1 AND u.period = ?2 AND r.run_id = (
                    SELECT MAX(r2.run_id) FROM results r2 JOIN runs u2 ON u2.id = r2.run_id
                    WHERE u2.period = ?2 AND r2.enterprise_id = ?1 AND r2.rubric_id = r.rubric_id)
                ORDER BY r.id
                """, .text(enterprise), .text(chosen))
            return try rows.map { row throws in try full(row) }
        }
    }

    /// Every result of an enterprise in every run, oldest run first (summaries only).
    public func history(enterprise: String) throws(StoreError) -> [StoredResult] {
        try read {
            try database.query("""
                SELECT r.*, e.name, e.region, e.industry, e.size, e.products
                FROM results r
                JOIN enterprises e ON e.run_id = r.run_id AND e.enterprise_id = r.enterprise_id
                WHERE r.enterprise_id = ?1
                ORDER BY r.run_id, r.id
                """, .text(enterprise)).map { row throws in try summary(row) }
        }
    }

    /// The review notes recorded for an enterprise in a run (e.g. a USCC whose check character fails).
    public func review(enterprise: String, runID: Int) throws(StoreError) -> [LocalizedText] {
        try read {
            guard let text = try database.query("SELECT review FROM enterprises WHERE run_id = ?1 AND enterprise_id = ?2",
                                                .integer(Int64(runID)), .text(enterprise)).first?.string("review"),
                  let items = (try? JSONParser.parse(text))?.arrayValue else { return [] }
            return items.compactMap(Self.localized)
        }
    }

    /// The rubric exactly as it was when results with this content hash were stored.
    public func descriptor(hash: String) throws(StoreError) -> RubricDescriptor? {
        if let cached = descriptorCache[hash] { return cached }
        return try read {
            guard let json = try database.query("SELECT descriptor FROM rubrics WHERE hash = ?1", .text(hash)).first?.string("descriptor") else {
                return nil
            }
            var descriptor = try decoder.decode(RubricDescriptor.self, from: Data(json.utf8))
            descriptor.contentHash = hash
            descriptorCache[hash] = descriptor
            return descriptor
        }
    }

    /// Runs a read, mapping every failure to a `StoreError` that names the store file.
    private func read<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw StoreError(path: url.path, problem: .sqlite(error))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: url.path, problem: .encoding("\(error)"))
        }
    }

    // MARK: - Row mapping

    static func run(_ row: SQLiteRow) -> RunRecord {
        let rubrics = (try? JSONParser.parse(row.text("rubrics")))?.arrayValue?.compactMap(\.stringValue) ?? []
        return RunRecord(id: row.int("id") ?? 0, created: row.text("created"), who: row.text("who"),
                         asOf: Day(iso: row.text("as_of")) ?? .earliest, period: row.text("period"), inputsHash: row.text("inputs_hash"),
                         qcapVersion: row.text("qcap_version"), workspace: row.text("workspace"), regionCode: row.text("region_code"),
                         regionName: row.text("region_name"), rubrics: rubrics, enterpriseCount: row.int("enterprise_count") ?? 0)
    }

    private func summary(_ row: SQLiteRow) throws -> StoredResult {
        let products = (try? JSONParser.parse(row.text("products")))?.arrayValue?.compactMap(\.stringValue) ?? []
        let enterprise = Enterprise(id: row.text("enterprise_id"), name: row.text("name"), region: row.text("region"),
                                    industry: row.text("industry"), size: row.text("size"), products: products)
        var level: RubricResult.LevelRef?
        if let rank = row.int("level_rank") {
            level = .make(rank: rank, id: row.text("level_id"), name: LocalizedText(zh: row.text("level_zh"), en: row.text("level_en")))
        }
        let result = RubricResult.make(
            rubric: .make(id: row.text("rubric_id"), version: row.text("rubric_version"), hash: row.text("rubric_hash"),
                          title: LocalizedText(zh: row.text("title_zh"), en: row.text("title_en"))),
            model: try model(row.text("model")), tailoring: row.text("tailoring"), score: row.double("score"), rawScore: row.double("raw_score"),
            scaleScore: row.double("scale_score"), scaleMax: row.double("scale_max"), level: level, coverage: Self.coverage(row),
            levelScores: nil, nodes: [], findings: [], gap: nil, notes: [], verdict: Self.verdict(row))
        return StoredResult(runID: row.int("run_id") ?? 0, enterprise: enterprise, result: result)
    }

    /// The stored coverage: none when nothing applied.
    static func coverage(_ row: SQLiteRow) -> Double? {
        row.int("nothing_applies") == 1 ? nil : row.double("coverage") ?? 0
    }

    static func verdict(_ row: SQLiteRow) -> LocalizedText? {
        guard let zh = row.string("verdict_zh"), let en = row.string("verdict_en") else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    private func full(_ row: SQLiteRow) throws -> StoredResult {
        var stored = try summary(row)
        var result = try decoder.decode(RubricResult.self, from: Data(row.text("detail").utf8))
        let findingRows = try database.query("SELECT * FROM findings WHERE result_id = ?1 ORDER BY ordinal", .integer(Int64(row.int("id") ?? 0)))
        // An enterprise's citations are numbered consecutively within its run: one range query fetches them all.
        let numbers = findingRows.flatMap { Self.citationNumbers($0.string("evidence")) }
        var citations: [Int: Provenance] = [:]
        if let low = numbers.min(), let high = numbers.max() {
            for citation in try database.query("SELECT * FROM citations WHERE run_id = ?1 AND id BETWEEN ?2 AND ?3",
                                               .integer(Int64(stored.runID)), .integer(Int64(low)), .integer(Int64(high))) {
                if let id = citation.int("id"), let provenance = Self.provenance(citation) { citations[id] = provenance }
            }
        }
        result.findings = findingRows.map { findingRow in
            var finding = Self.finding(findingRow)
            finding.evidence = Self.citationNumbers(findingRow.string("evidence")).compactMap { citations[$0] }
            return finding
        }
        if let descriptor = try descriptor(hash: result.rubric.hash) {
            var titles: [String: LocalizedText] = [:]
            for (criterion, _, _) in descriptor.allCriteria() { titles[criterion.id] = criterion.title }
            for index in result.nodes.indices where result.nodes[index].title == Self.fromRubric {
                result.nodes[index].title = titles[result.nodes[index].criterion] ?? LocalizedText(result.nodes[index].criterion)
            }
            var byID: [String: Criterion] = [:]
            for (criterion, _, _) in descriptor.allCriteria() { byID[criterion.id] = criterion }
            if var gap = result.gap {
                for index in gap.items.indices {
                    let item = gap.items[index]
                    if item.title == Self.fromRubric { gap.items[index].title = titles[item.criterion] ?? LocalizedText(item.criterion) }
                    if item.requirement == Self.levelRequirement {
                        gap.items[index].requirement = item.requiredLevel.flatMap { byID[item.criterion]?.requirement(atLevel: $0) }
                    } else if item.requirement == Self.remediation {
                        gap.items[index].requirement = byID[item.criterion]?.remediation
                    }
                }
                result.gap = gap
            }
        }
        stored.result = result
        return stored
    }

    /// Stand-ins for texts the stored rubric holds: a criterion's title, its requirement at the level needed, its
    /// remediation. They are never real texts (a rubric's texts are never empty in both languages, nor start with "@").
    static let fromRubric = LocalizedText(zh: "", en: "")
    static let levelRequirement = LocalizedText(zh: "", en: "@level")
    static let remediation = LocalizedText(zh: "", en: "@remediation")

    static func citationNumbers(_ text: String?) -> [Int] {
        (text ?? "").split(separator: " ").compactMap { Int($0) }
    }

    private func model(_ json: String) throws -> ScoringModel {
        if let cached = modelCache[json] { return cached }
        let model = try decoder.decode(ScoringModel.self, from: Data(json.utf8))
        modelCache[json] = model
        return model
    }

    static func finding(_ row: SQLiteRow) -> Finding {
        var finding = Finding(criterion: row.text("criterion"), outcome: Outcome(rawValue: row.text("outcome")) ?? .error,
                              score: row.double("score"), level: row.int("level"),
                              message: LocalizedText(zh: row.text("message_zh"), en: row.text("message_en")))
        finding.rawOutcome = row.string("raw_outcome").flatMap(Outcome.init(rawValue:))
        finding.rawScore = row.double("raw_score")
        if let text = row.string("details"), let object = (try? JSONParser.parse(text))?.objectValue {
            var details: [String: String] = [:]
            for (key, value) in object { details[key] = value.stringValue ?? JSONWriter.write(value) }
            finding.details = details
        }
        return finding
    }

    static func json(_ text: LocalizedText) -> JSONValue {
        ["zh": .string(text.zh), "en": .string(text.en)]
    }

    static func localized(_ value: JSONValue) -> LocalizedText? {
        guard let zh = value["zh"]?.stringValue, let en = value["en"]?.stringValue else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    static func provenance(_ row: SQLiteRow) -> Provenance? {
        guard let source = Provenance.Source(rawValue: row.text("source")) else { return nil }
        return Provenance(provider: row.text("provider"), file: row.text("file"), line: row.int("line"), row: row.int("row"),
                          cell: row.string("cell"), source: source, assessor: row.string("assessor"), round: row.string("round"))
    }
}

/// A run: what `beginRun` records about it, and what `runs`, `run(id:)` and `latestRun` read back.
public struct RunRecord: Sendable, Codable, Equatable {
    /// The run's number in the store; assigned by `beginRun` (0 in a record not stored yet).
    public var id: Int
    /// When the run was stored: ISO 8601 UTC, e.g. `2026-06-30T08:15:00Z`.
    public var created: String
    /// Who ran it (the login name).
    public var who: String
    public var asOf: Day
    public var period: String
    /// SHA-256 over the workspace files the run read.
    public var inputsHash: String
    public var qcapVersion: String
    public var workspace: String
    public var regionCode: String
    public var regionName: String
    /// The rubric ids assessed.
    public var rubrics: [String]
    /// How many enterprises the run assessed; set by `commitRun` (0 in a record not committed yet).
    public var enterpriseCount: Int

    public init(id: Int = 0, created: String, who: String, asOf: Day, period: String, inputsHash: String, qcapVersion: String,
                workspace: String = "", regionCode: String = "", regionName: String = "", rubrics: [String] = [],
                enterpriseCount: Int = 0) {
        self.id = id
        self.created = created
        self.who = who
        self.asOf = asOf
        self.period = period
        self.inputsHash = inputsHash
        self.qcapVersion = qcapVersion
        self.workspace = workspace
        self.regionCode = regionCode
        self.regionName = regionName
        self.rubrics = rubrics
        self.enterpriseCount = enterpriseCount
    }

    /// Now, as the store records it.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// One stored result with the enterprise as the run saw it.
public typealias StoredResult = RecordedResult

/// A store failure, naming the store file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Problem: Sendable {
        case sqlite(SQLiteError)
        /// The file was written by a newer qcap whose schema this one does not know.
        case newerSchema(found: Int, known: Int)
        case migrationFailed(version: Int, SQLiteError)
        case cannotCreate(String)
        case encoding(String)
        case runAlreadyOpen
        case noRunOpen
    }

    public let path: String
    public let problem: Problem

    public var description: String {
        switch problem {
        case .sqlite(let error):
            switch error.kind {
            case .busy: return "\(path): the store is locked by another qcap process (\(error.message)); try again when it has finished"
            case .corrupt: return "\(path): not a QCap result store or damaged (\(error.message))"
            case .readOnly: return "\(path): the store is read-only (\(error.message))"
            default: return "\(path): \(error.description)"
            }
        case .newerSchema(let found, let known):
            return "\(path): the store has schema version \(found), this qcap knows up to \(known); use a newer qcap"
        case .migrationFailed(let version, let error):
            return "\(path): migration to schema version \(version) failed, the store was left unchanged: \(error.description)"
        case .cannotCreate(let why): return "\(path): cannot create the store folder: \(why)"
        case .encoding(let why): return "\(path): cannot read or write a stored value: \(why)"
        case .runAlreadyOpen: return "\(path): a run is already open on this connection"
        case .noRunOpen: return "\(path): no run is open"
        }
    }
}
