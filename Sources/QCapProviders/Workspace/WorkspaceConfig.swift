import Foundation
import QCapCore

/// `qcap.json`: what a workspace assesses and where its evidence is. See docs/evidence-formats.md.
public struct WorkspaceConfig: Sendable {
    public struct Source: Sendable {
        public var provider: String
        public var path: String
        public var options: [String: JSONValue]
        /// JSON path of the entry in qcap.json, for messages.
        public var jsonPath: String
    }

    public static let fileName = "qcap.json"
    public static let schema = "qcap.workspace/v1"

    public var name: String
    public var regionCode: String
    public var regionName: String
    /// The quality chains table (`ChainFile`), relative to the workspace; nil: `chains.csv` when it exists.
    public var chains: String?
    /// District code → name (`"region": {"districts": {"350602": "芗城区"}}`), for the region's view.
    public var districts: [String: String] = [:]
    public var period: String
    public var roster: String
    /// The roster's sheet when the roster is a workbook (`"roster": {"path": "enterprises.xlsx", "sheet": "名单"}`).
    public var rosterSheet: String?
    /// Enabled rubric ids; empty means every registered rubric.
    public var rubrics: [String]
    public var sources: [Source]
    public var waivers: String?
    /// Raw tailoring per rubric id; parsed against the rubric once the rubric is known.
    public var tailoring: [String: JSONValue]
    /// Extra data rubric files (relative paths) loaded at run time besides the workspace's `rubrics/` folder.
    public var rubricFiles: [String]
    /// Ids of built-in rubrics that a workspace data rubric may replace.
    public var override: [String]
    /// Free-form settings a rubric reads (e.g. award-readiness thresholds), by rubric id.
    public var settings: [String: JSONValue]

    /// The file or folder a path in qcap.json names: a relative path lies in the workspace `root`, an absolute path
    /// is taken as written (the only way to use a file outside the workspace).
    public static func url(_ path: String, root: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
    }

    /// Whether a relative path climbs above the workspace with `..`.
    static func leavesWorkspace(_ path: String) -> Bool {
        guard !path.hasPrefix("/") else { return false }
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }

    public static func read(_ url: URL, displayPath: String) throws(InputErrors) -> WorkspaceConfig {
        let (value, lines) = try JSONDocumentFile.read(url, displayPath: displayPath,
                                                       missing: "no workspace here (qcap.json not found); expected a folder made by `qcap init`",
                                                       expected: "a workspace JSON object")
        var errors: [InputError] = []
        func fail(_ path: String, _ message: String, _ expected: String? = nil) {
            errors.append(InputError(file: displayPath, location: .jsonPath(path, line: lines.nearestLine(for: path)), message: message, expected: expected))
        }
        guard case .object(let object) = value else {
            throw InputErrors([InputError(file: displayPath, location: .jsonPath("$", line: 1), message: "expected an object", expected: "{\"schema\": \"\(schema)\", …}")])
        }
        var config = WorkspaceConfig(name: "", regionCode: "", regionName: "", period: "", roster: "enterprises.csv", rosterSheet: nil, rubrics: [],
                                     sources: [], waivers: nil, tailoring: [:], rubricFiles: [], override: [], settings: [:])
        func string(_ key: String, _ member: JSONValue) -> String? {
            guard let text = member.stringValue else { fail("$.\(key)", "expected a string, found \(member.typeName)"); return nil }
            return text
        }
        func strings(_ key: String, _ member: JSONValue) -> [String] {
            guard let items = member.arrayValue else { fail("$.\(key)", "expected a list of strings"); return [] }
            return items.enumerated().compactMap { index, item in
                if let text = item.stringValue { return text }
                fail("$.\(key)[\(index)]", "expected a string, found \(item.typeName)")
                return nil
            }
        }
        for (key, member) in object {
            switch key {
            case "schema":
                if member.stringValue != schema { fail("$.schema", "unsupported schema \(JSONWriter.write(member))", schema) }
            case "name": config.name = string(key, member) ?? ""
            case "period": config.period = string(key, member) ?? ""
            case "roster":
                if case .object(let entry) = member {
                    guard let path = entry["path"]?.stringValue, !path.isEmpty else {
                        fail("$.roster", "a roster object needs \"path\"", "{\"path\": \"enterprises.xlsx\", \"sheet\": \"名单\"}")
                        continue
                    }
                    config.roster = path
                    for (optionKey, option) in entry where optionKey != "path" {
                        guard optionKey == TableReader.sheetOption else { fail("$.roster.\(optionKey)", "unknown key '\(optionKey)'", "path or sheet"); continue }
                        guard let sheet = option.stringValue, !sheet.isEmpty else { fail("$.roster.sheet", "expected the sheet's name"); continue }
                        config.rosterSheet = sheet
                    }
                } else {
                    config.roster = string(key, member) ?? config.roster
                }
            case "waivers": config.waivers = string(key, member)
            case "chains": config.chains = string(key, member)
            case "region":
                guard case .object(let region) = member else { fail("$.region", "expected {\"code\": …, \"name\": …}"); continue }
                config.regionCode = region["code"]?.stringValue ?? ""
                config.regionName = region["name"]?.stringValue ?? ""
                if let districts = region["districts"] {
                    guard case .object(let names) = districts else { fail("$.region.districts", "expected an object of district code → name"); continue }
                    for (code, name) in names {
                        guard let text = name.stringValue else { fail("$.region.districts.\(code)", "expected a string, found \(name.typeName)"); continue }
                        config.districts[code] = text
                    }
                }
            case "rubrics": config.rubrics = strings(key, member)
            case "rubricFiles": config.rubricFiles = strings(key, member)
            case "override": config.override = strings(key, member)
            case "sources":
                guard let items = member.arrayValue else { fail("$.sources", "expected a list of sources"); continue }
                for (index, item) in items.enumerated() {
                    let path = "$.sources[\(index)]"
                    guard case .object(let entry) = item, let provider = entry["provider"]?.stringValue,
                          let sourcePath = entry["path"]?.stringValue else {
                        fail(path, "a source needs \"provider\" and \"path\"", "{\"provider\": \"questionnaire\", \"path\": \"evidence\"}")
                        continue
                    }
                    var options: [String: JSONValue] = [:]
                    for (optionKey, optionValue) in entry where optionKey != "provider" && optionKey != "path" { options[optionKey] = optionValue }
                    config.sources.append(Source(provider: provider, path: sourcePath, options: options, jsonPath: path))
                }
            case "tailoring", "settings":
                guard case .object(let perRubric) = member else { fail("$.\(key)", "expected an object keyed by rubric id"); continue }
                for (rubric, entry) in perRubric {
                    if key == "tailoring" { config.tailoring[rubric] = entry } else { config.settings[rubric] = entry }
                }
            default:
                fail("$.\(key)", "unknown key '\(key)'",
                     "schema, name, region, period, roster, rubrics, sources, waivers, chains, tailoring, settings, rubricFiles or override")
            }
        }
        if config.period.isEmpty && errors.isEmpty { fail("$.period", "missing \"period\"", "the assessment period, e.g. \"2026\"") }
        // A relative path stays inside the workspace: a copied or downloaded workspace must not reach outside it by
        // `../`. A file elsewhere is named by its absolute path, which says so explicitly.
        var paths: [(String, String)] = [("$.roster", config.roster)]
        if let waivers = config.waivers { paths.append(("$.waivers", waivers)) }
        for source in config.sources { paths.append(("\(source.jsonPath).path", source.path)) }
        for (index, file) in config.rubricFiles.enumerated() { paths.append(("$.rubricFiles[\(index)]", file)) }
        for (at, path) in paths where leavesWorkspace(path) {
            fail(at, "path \"\(path)\" leads out of the workspace", "a path inside the workspace, or an absolute path (/…) to use a file outside it")
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return config
    }
}
