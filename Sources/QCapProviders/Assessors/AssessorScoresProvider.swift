import Foundation
import QCapCore

/// An assessor team's scoring sheet: one table (CSV or a workbook sheet), one row per assessor, item and round.
///
///     统一社会信用代码,评审员,轮次,条目,评分,优势,改进机会
///     91350600…,A1,独立评分,4.1.2,60,高层领导定期亲自审视绩效,
///     91350600…,评审组,共识评分,4.1.2,55,…,…
///
/// Each row becomes the fact `<prefix>.<item>` (the percentage) from source `assessor`, carrying the assessor id and
/// the round, plus `<prefix>.<item>.strengths` / `.opportunities` when those cells are filled. The fact prefix is the
/// source option `factPrefix` (default `pe`, the excellence rubric); an item may also be written as a full fact key.
/// Per-assessor JSON needs no provider of its own: a questionnaire document with `"source": "assessor"`,
/// `"assessor"` and `"round"` carries the same facts.
///
/// Bad rows are bad input (exit 3) naming file, line and column: an unknown item, a percentage that is not a number
/// 0–100, an unknown round, a missing assessor on an individual score, or the same assessor scoring an item twice in
/// one round. Whether a percentage lies on the rubric's step is the rubric's call (its probe reports it per item).
public struct AssessorScoresProvider: DataProvider {
    public init() {}

    public var id: String { "assessor-scores" }
    public var title: LocalizedText { LocalizedText(zh: "评审组评分表（CSV：评审员、轮次、条目、评分、优势、改进机会）",
                                                    en: "Assessor team scoring sheet (CSV: assessor, round, item, percentage, strengths, opportunities)") }
    public var supplies: [FactSpec] {
        [FactSpec(key: "<factPrefix>.<item>", type: "percentage",
                  description: LocalizedText(zh: "每名评审员在各轮次（独立评分、共识、现场评审）对条目的评分百分比",
                                             en: "each assessor's percentage for an item, per round (individual, consensus, site visit)")),
         FactSpec(key: "<factPrefix>.<item>.strengths", type: "text",
                  description: LocalizedText(zh: "评审员记录的优势", en: "strengths the assessor recorded")),
         FactSpec(key: "<factPrefix>.<item>.opportunities", type: "text",
                  description: LocalizedText(zh: "评审员记录的改进机会", en: "opportunities for improvement the assessor recorded"))]
    }

    static let defaultPrefix = "pe"

    static let columns = [
        ColumnSpec(key: "enterprise", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "USCC", "企业"]),
        ColumnSpec(key: "assessor", aliases: ["评审员", "评审员编号", "评审人", "评价员"], required: false),
        ColumnSpec(key: "round", aliases: ["轮次", "评审轮次", "评审阶段", "阶段"], required: false),
        ColumnSpec(key: "item", aliases: ["条目", "评分条目", "条款", "条目编号", "criterion"]),
        ColumnSpec(key: "percentage", aliases: ["评分", "评分(%)", "得分率", "得分率(%)", "百分比", "score"]),
        ColumnSpec(key: "strengths", aliases: ["优势", "主要优势"], required: false),
        ColumnSpec(key: "opportunities", aliases: ["改进机会", "改进空间", "OFI", "opportunities for improvement"], required: false),
    ]

    public func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource {
        var prefix = Self.defaultPrefix
        if let option = source.options["factPrefix"] {
            guard let text = option.stringValue, !text.isEmpty else {
                throw InputErrors([InputError(file: source.displayPath, message: "source option factPrefix must be a non-empty string",
                                              expected: "a rubric's fact prefix such as \"pe\"")])
            }
            prefix = text
        }
        var scanner = try TableReader.scan(source)
        let header: HeaderMap
        do {
            header = try HeaderMap(scanner: scanner, columns: Self.columns)
        } catch {
            throw InputErrors([error])
        }
        return try Self.read(&scanner, header: header, prefix: prefix, provider: id, catalog: context.catalog)
    }

    /// One valid row, interpreted.
    struct Score {
        let code: String
        let key: String
        let item: String
        let round: AssessmentRound
        let assessor: String?
        let percentage: Double

        /// What makes two rows the same score of one enterprise.
        var identity: String { "\(key)|\(round.rawValue)|\(assessor ?? "")" }
    }

    /// A row as a score, or the error it is (every check but the duplicate one, which needs the other rows).
    static func interpret(_ row: TableRow, header: HeaderMap, prefix: String, catalog: FactCatalog) -> Result<Score, InputError> {
        let code = (header.value("enterprise", in: row) ?? "").uppercased()
        if case .malformed(let why) = USCC.validate(code) {
            return .failure(header.error("enterprise", in: row, message: "malformed USCC \"\(code)\": \(why)", expected: USCC.expectedForm))
        }
        guard let itemText = header.value("item", in: row) else {
            return .failure(header.error("item", in: row, message: "empty item", expected: "an item id such as 4.1.2"))
        }
        // `4.1.2 高层领导的作用` as spreadsheets often write it: the id is the first word.
        let item = String(itemText.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).first ?? Substring(itemText))
        let key = catalog.entry(item) != nil ? item : "\(prefix).\(item)"
        guard catalog.entry(key) != nil else {
            return .failure(header.error("item", in: row, message: "unknown item '\(item)'",
                                         expected: "an item id of the rubric with fact prefix \(prefix) (see `qcap rubrics show`)"))
        }
        let roundText = header.value("round", in: row)
        guard let round = AssessmentRound(parsing: roundText) else {
            return .failure(header.error("round", in: row, message: "unknown round \"\(roundText ?? "")\"", expected: AssessmentRound.acceptedForms))
        }
        let assessor = header.value("assessor", in: row)
        if assessor == nil && round == .individual {
            return .failure(header.error(header.contains("assessor") ? "assessor" : "enterprise", in: row,
                                         message: "an individual score needs the assessor", expected: "the assessor's id or name"))
        }
        guard let percentageText = header.value("percentage", in: row), let percentage = Self.percentage(percentageText) else {
            return .failure(header.error("percentage", in: row, message: "\"\(header.value("percentage", in: row) ?? "")\" is not a percentage",
                                         expected: "a number 0–100, such as 60 or 60%"))
        }
        guard percentage >= 0 && percentage <= 100 else {
            return .failure(header.error("percentage", in: row, message: "percentage \(percentage.formatted) is out of range", expected: "a number 0–100"))
        }
        return .success(Score(code: code, key: key, item: item, round: round, assessor: assessor, percentage: percentage))
    }

    static func duplicateError(_ score: Score, row: TableRow, first: Int, header: HeaderMap) -> InputError {
        header.error("item", in: row, message: "\(score.assessor ?? "the team") already scored \(score.item) in the \(score.round.rawValue) round (row \(first))",
                     expected: "one row per assessor, item and round")
    }

    /// Validates every row, streaming, and keeps per enterprise only the byte ranges of its runs of rows.
    ///
    /// A duplicate score is found within a run of adjacent rows as they stream by; an enterprise whose rows lie in
    /// several runs is checked again across its runs once the file is read. Errors are reported in row order.
    static func read(_ scanner: inout TableScanner, header: HeaderMap, prefix: String, provider: String,
                     catalog: FactCatalog) throws(InputErrors) -> any EvidenceSource {
        var spans: [String: [TableSpan]] = [:]
        var order: [EnterpriseMention] = []
        /// Errors with their row, and the enterprise when the error is a duplicate score.
        var errors: [(row: Int, duplicateOf: String?, error: InputError)] = []
        var split: Set<String> = []
        var runCode: String?
        var run = TableSpan(offset: 0, length: 0, line: 0, number: 0)
        var seen: [String: Int] = [:]
        func closeRun() {
            guard let code = runCode else { return }
            if spans[code] == nil {
                order.append(EnterpriseMention(id: code, file: header.file,
                                               location: .column(header.headers["enterprise"] ?? "enterprise", row: run.number, line: run.line)))
            } else {
                split.insert(code)
            }
            spans[code, default: []].append(run)
        }
        while errors.count < 100 {
            let next: (row: TableRow, offset: Int, end: Int)?
            do { next = try scanner.next() } catch { throw InputErrors([error]) }
            guard let (row, offset, end) = next else { break }
            let score: Score
            switch interpret(row, header: header, prefix: prefix, catalog: catalog) {
            case .failure(let error):
                errors.append((row.number, nil, error))
                continue
            case .success(let value):
                score = value
            }
            if score.code == runCode {
                run.length = end - run.offset
            } else {
                closeRun()
                runCode = score.code
                run = TableSpan(offset: offset, length: end - offset, line: row.line, number: row.number)
                seen.removeAll(keepingCapacity: true)
            }
            let identity = score.identity
            if let first = seen[identity] {
                errors.append((row.number, score.code, duplicateError(score, row: row, first: first, header: header)))
                continue
            }
            seen[identity] = row.number
        }
        closeRun()
        let file = scanner.finish()
        if !split.isEmpty {
            errors.removeAll { $0.duplicateOf.map(split.contains) ?? false }
            for code in order.map(\.id) where split.contains(code) {
                var seen: [String: Int] = [:]
                for span in spans[code] ?? [] {
                    let rows: [TableRow]
                    do { rows = try file.rows(in: span) } catch { throw InputErrors([error]) }
                    for row in rows {
                        guard case .success(let score) = interpret(row, header: header, prefix: prefix, catalog: catalog),
                              score.code == code else { continue }
                        if let first = seen[score.identity] {
                            errors.append((row.number, code, duplicateError(score, row: row, first: first, header: header)))
                        } else {
                            seen[score.identity] = row.number
                        }
                    }
                }
            }
            errors.sort { $0.row < $1.row }
        }
        if !errors.isEmpty { throw InputErrors(errors.prefix(100).map(\.error)) }
        return Source(providerID: provider, enterprises: order, spans: spans, file: file, header: header, prefix: prefix,
                      catalog: catalog)
    }

    /// `60`, `60.0`, `60%` or `60％` (the one number grammar, `DecimalNumber`).
    static func percentage(_ text: String) -> Double? {
        DecimalNumber.parse(text, allowingPercent: true)?.value
    }

    struct Source: EvidenceSource {
        let providerID: String
        let enterprises: [EnterpriseMention]
        let spans: [String: [TableSpan]]
        let file: TableRecords
        let header: HeaderMap
        let prefix: String
        let catalog: FactCatalog

        /// Reads the enterprise's rows back; they were validated when the file was opened.
        func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
            guard let spans = spans[enterprise.id] else { return [] }
            var facts: [Fact] = []
            for span in spans {
                let rows: [TableRow]
                do { rows = try file.rows(in: span) } catch { throw InputErrors([error]) }
                for row in rows {
                    let score: Score
                    switch AssessorScoresProvider.interpret(row, header: header, prefix: prefix, catalog: catalog) {
                    case .success(let value) where value.code == enterprise.id: score = value
                    case .success: throw InputErrors([InputError(file: file.file, location: file.places.row(row),
                                                                 message: "the file changed while it was read")])
                    case .failure(let error): throw InputErrors([error])
                    }
                    let provenance = header.provenance(provider: providerID, row: row, citing: "percentage", source: .assessor,
                                                       assessor: score.assessor, round: score.round.rawValue)
                    facts.append(Fact(key: score.key, value: .number(score.percentage), provenance: provenance))
                    for column in ["strengths", "opportunities"] {
                        if let text = header.value(column, in: row) {
                            facts.append(Fact(key: "\(score.key).\(column)", value: .string(text), provenance: provenance))
                        }
                    }
                }
            }
            return facts
        }
    }
}
