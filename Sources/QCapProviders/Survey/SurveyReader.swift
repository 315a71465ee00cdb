import Foundation
import QCapCore

/// Reads survey files into facts per enterprise, collecting every problem before it gives up, so an evaluator fixes
/// a spreadsheet in one pass.
struct SurveyReader {
    let provider: String
    let resolver: SurveyColumnResolver
    let catalog: FactCatalog
    let options: DigitalSurveyProvider.Options

    struct Collected {
        var order: [EnterpriseMention] = []
        var facts: [String: [Fact]] = [:]

        mutating func add(_ enterprise: String, _ newFacts: [Fact], file: String, location: InputError.Location) {
            if facts[enterprise] == nil { order.append(EnterpriseMention(id: enterprise, file: file, location: location)) }
            facts[enterprise, default: []] += newFacts
        }
    }

    /// At most this many problems are listed; a wholly wrong file would otherwise print thousands of lines.
    static let errorLimit = 100

    static let usccColumn = ColumnSpec(key: "uscc", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "USCC", "credit code"])
    /// Columns that describe the enterprise rather than answer a requirement; always skipped.
    static let descriptive: Set<String> = Set(["企业名称", "单位名称", "名称", "company", "enterprise", "name", "序号", "no.", "#"]
        .map(HeaderMap.normalize))

    // MARK: wide table

    func readTable(_ source: SourceReference) throws(InputErrors) -> Collected {
        let table = try TableReader.read(source)
        let header: HeaderMap
        do {
            header = try HeaderMap(table: table, columns: [Self.usccColumn])
        } catch {
            throw InputErrors([error])
        }
        let display = table.file
        var errors: [InputError] = []
        let usccIndex = header.indexes["uscc"] ?? -1
        var columns: [(index: Int, header: String, key: String)] = []
        var claimed: [String: String] = [:]
        for (index, text) in table.header.enumerated() where index != usccIndex {
            let normalized = HeaderMap.normalize(text)
            if Self.descriptive.contains(normalized) || options.ignored.contains(normalized) { continue }
            let location = table.places.header(column: index, named: text.isEmpty ? "#\(index + 1)" : text)
            if text.isEmpty {
                if table.rows.contains(where: { !($0[index] ?? "").trimmedWhitespace.isEmpty }) {
                    errors.append(InputError(file: display, location: location, message: "column \(index + 1) has values but no header",
                                             expected: "a requirement id such as dm.PD.L2 in the header"))
                }
                continue
            }
            switch resolver.resolve(text) {
            case .fact(let key):
                if let first = claimed[key] {
                    errors.append(InputError(file: display, location: location, message: "names \(key), like column \"\(first)\"",
                                             expected: "one column per requirement"))
                } else {
                    claimed[key] = text
                    columns.append((index, text, key))
                }
            case .ambiguous(let keys):
                errors.append(InputError(file: display, location: location,
                                         message: "requirement id \"\(text)\" is ambiguous: \(keys.joined(separator: " or "))",
                                         expected: "the full fact key, e.g. \(keys[0])"))
            case .unknown:
                errors.append(InputError(file: display, location: location, message: "unknown requirement \"\(text)\" (column \(index + 1))",
                                         expected: Self.expectedHeader))
            }
        }
        var collected = Collected()
        var seen: [String: Int] = [:]
        for row in table.rows {
            guard errors.count < Self.errorLimit else {
                errors.append(InputError(file: display, location: table.places.row(row),
                                         message: "stopped reading after \(errors.count) problems; fix these and load the file again"))
                throw InputErrors(errors)
            }
            let code = (header.value("uscc", in: row) ?? "").uppercased()
            if code.isEmpty {
                errors.append(header.error("uscc", in: row, message: "empty USCC", expected: USCC.expectedForm))
                continue
            }
            if case .malformed(let why) = USCC.validate(code) {
                errors.append(header.error("uscc", in: row, message: "malformed USCC \"\(code)\": \(why)", expected: USCC.expectedForm))
                continue
            }
            if let first = seen[code] {
                errors.append(header.error("uscc", in: row, message: "duplicate USCC \(code) (first on row \(first))", expected: "one row per enterprise"))
                continue
            }
            seen[code] = row.number
            let provenance = header.provenance(provider: provider, row: row, citing: "uscc", source: options.source)
            var facts: [Fact] = []
            for column in columns {
                guard let cell = row[column.index]?.trimmedWhitespace, !cell.isEmpty else { continue }
                switch SurveyValueReader.value(.string(cell), key: column.key, catalog: catalog) {
                case .success(let value):
                    facts.append(Fact(key: column.key, value: value, provenance: provenance))
                case .failure(let problem):
                    errors.append(InputError(file: display, location: table.places.cell(column: column.index, named: column.header, in: row),
                                             message: "\(column.key): \(problem.message)", expected: problem.expected))
                }
            }
            collected.add(code, facts, file: display, location: header.location("uscc", in: row))
        }
        if !errors.isEmpty { throw InputErrors(Self.limited(errors, file: display)) }
        return collected
    }

    static let expectedHeader = "a fact key (dm.PD.L2), a criterion id (PD.L2), or a name with a level (产品设计-二级); "
        + "list other columns in the source option \"ignoreColumns\""

    // MARK: per-enterprise JSON

    func readJSON(_ files: [(URL, String)]) throws(InputErrors) -> Collected {
        var collected = Collected()
        var errors: [InputError] = []
        for (url, display) in files {
            let value: JSONValue
            let lines: JSONLineIndex
            do {
                (value, lines) = try JSONDocumentFile.read(url, displayPath: display, missing: "cannot read file", expected: "a survey JSON object")
            } catch {
                errors += error.errors
                continue
            }
            let documents: [(JSONValue, String)]
            if case .array(let items) = value {
                documents = items.enumerated().map { ($0.element, "$[\($0.offset)]") }
            } else {
                documents = [(value, "$")]
            }
            for (document, path) in documents {
                switch readDocument(document, path: path, file: display, lines: lines) {
                case .success(let (enterprise, facts)):
                    let member = JSONPath.appending(key: "enterprise", to: path)
                    collected.add(enterprise, facts, file: display, location: .jsonPath(member, line: lines.nearestLine(for: member)))
                case .failure(let failure): errors += failure.errors
                }
            }
        }
        if !errors.isEmpty { throw InputErrors(Self.limited(errors, file: files.first?.1 ?? "")) }
        return collected
    }

    /// `{"enterprise": USCC, "source": "survey", "answers": {"PD.L2": "全部满足", "关键工序SPC覆盖率": "45%"}}`
    func readDocument(_ value: JSONValue, path: String, file: String, lines: JSONLineIndex) -> Result<(String, [Fact]), InputErrors> {
        var errors: [InputError] = []
        func fail(_ at: String, _ message: String, _ expected: String? = nil) {
            errors.append(InputError(file: file, location: .jsonPath(at, line: lines.nearestLine(for: at)), message: message, expected: expected))
        }
        guard case .object(let object) = value else {
            fail(path, "expected a survey object, found \(value.typeName)", "{\"enterprise\": USCC, \"answers\": {…}}")
            return .failure(InputErrors(errors))
        }
        var enterprise = ""
        var source = options.source
        var answers: [(String, JSONObject)] = []
        for (key, member) in object {
            let memberPath = JSONPath.appending(key: key, to: path)
            switch key {
            case "enterprise":
                guard let text = member.stringValue?.uppercased() else { fail(memberPath, "expected the enterprise's USCC string", USCC.expectedForm); continue }
                if case .malformed(let why) = USCC.validate(text) { fail(memberPath, "malformed USCC \"\(text)\": \(why)", USCC.expectedForm) }
                enterprise = text
            case "source":
                guard let text = member.stringValue, let parsed = Provenance.Source(rawValue: text), parsed != .roster else {
                    fail(memberPath, "unknown source \(JSONWriter.write(member))", "survey, self or onsite")
                    continue
                }
                source = parsed
            case "name", "period", "note":
                continue
            case "answers", "facts":
                guard case .object(let items) = member else { fail(memberPath, "expected an object of answers, found \(member.typeName)", "{\"PD.L2\": \"全部满足\"}"); continue }
                answers.append((memberPath, items))
            default:
                fail(memberPath, "unknown key '\(key)'", "enterprise, source, name, period, note or answers")
            }
        }
        if enterprise.isEmpty && !errors.contains(where: { $0.message.contains("USCC") }) { fail(path, "missing \"enterprise\"", "the enterprise's USCC") }
        if answers.isEmpty { fail(path, "missing \"answers\"", "an object of answers") }
        var facts: [Fact] = []
        var claimed: [String: String] = [:]
        for (answersPath, items) in answers {
            for (name, item) in items {
                let itemPath = JSONPath.appending(key: name, to: answersPath)
                let line = lines.nearestLine(for: itemPath)
                let key: String
                switch resolver.resolve(name) {
                case .fact(let resolved): key = resolved
                case .ambiguous(let keys):
                    fail(itemPath, "requirement id \"\(name)\" is ambiguous: \(keys.joined(separator: " or "))", "the full fact key, e.g. \(keys[0])")
                    continue
                case .unknown:
                    fail(itemPath, "unknown requirement \"\(name)\"", Self.expectedHeader.replacingOccurrences(of: "; list other columns in the source option \"ignoreColumns\"", with: ""))
                    continue
                }
                if let first = claimed[key] {
                    fail(itemPath, "names \(key), like \"\(first)\"", "one answer per requirement")
                    continue
                }
                claimed[key] = name
                if item.isNull { continue }
                if case .string(let text) = item, text.trimmedWhitespace.isEmpty { continue }
                switch SurveyValueReader.value(item, key: key, catalog: catalog) {
                case .success(let converted):
                    facts.append(Fact(key: key, value: converted, provenance: Provenance(provider: provider, file: file, line: line, source: source)))
                case .failure(let problem):
                    fail(itemPath, "\(key): \(problem.message)", problem.expected)
                }
            }
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        return .success((enterprise, facts))
    }

    static func limited(_ errors: [InputError], file: String) -> [InputError] {
        guard errors.count > errorLimit else { return errors }
        return Array(errors.prefix(errorLimit)) + [InputError(file: file, message: "… and \(errors.count - errorLimit) more problems")]
    }
}
