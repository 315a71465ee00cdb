import Foundation
import QCapCore

/// An assessor team's scoring sheet: one CSV, one row per assessor, item and round.
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
        let table: CSVTable
        let header: HeaderMap
        do {
            table = try CSVReader.read(contentsOf: source.url, displayName: source.displayPath)
            header = try HeaderMap(table: table, columns: Self.columns)
        } catch {
            throw InputErrors([error])
        }
        return try Self.read(table, header: header, prefix: prefix, provider: id, catalog: context.catalog)
    }

    static func read(_ table: CSVTable, header: HeaderMap, prefix: String, provider: String,
                     catalog: FactCatalog) throws(InputErrors) -> any EvidenceSource {
        var byEnterprise: [String: [Fact]] = [:]
        var order: [String] = []
        var errors: [InputError] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            if errors.count >= 100 { break }
            let code = (header.value("enterprise", in: row) ?? "").uppercased()
            if case .malformed(let why) = USCC.validate(code) {
                errors.append(header.error("enterprise", in: row, message: "malformed USCC \"\(code)\": \(why)", expected: USCC.expectedForm))
                continue
            }
            guard let itemText = header.value("item", in: row) else {
                errors.append(header.error("item", in: row, message: "empty item", expected: "an item id such as 4.1.2"))
                continue
            }
            // `4.1.2 高层领导的作用` as spreadsheets often write it: the id is the first word.
            let item = String(itemText.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).first ?? Substring(itemText))
            let key = catalog.entry(item) != nil ? item : "\(prefix).\(item)"
            guard catalog.entry(key) != nil else {
                errors.append(header.error("item", in: row, message: "unknown item '\(item)'",
                                           expected: "an item id of the rubric with fact prefix \(prefix) (see `qcap rubrics show`)"))
                continue
            }
            let roundText = header.value("round", in: row)
            guard let round = AssessmentRound(parsing: roundText) else {
                errors.append(header.error("round", in: row, message: "unknown round \"\(roundText ?? "")\"", expected: AssessmentRound.acceptedForms))
                continue
            }
            let assessor = header.value("assessor", in: row)
            if assessor == nil && round == .individual {
                errors.append(header.error(header.contains("assessor") ? "assessor" : "enterprise", in: row,
                                           message: "an individual score needs the assessor", expected: "the assessor's id or name"))
                continue
            }
            guard let percentageText = header.value("percentage", in: row), let percentage = Self.percentage(percentageText) else {
                errors.append(header.error("percentage", in: row, message: "\"\(header.value("percentage", in: row) ?? "")\" is not a percentage",
                                           expected: "a number 0–100, such as 60 or 60%"))
                continue
            }
            guard percentage >= 0 && percentage <= 100 else {
                errors.append(header.error("percentage", in: row, message: "percentage \(percentage.formatted) is out of range", expected: "a number 0–100"))
                continue
            }
            let identity = "\(code)|\(key)|\(round.rawValue)|\(assessor ?? "")"
            if let first = seen[identity] {
                errors.append(header.error("item", in: row, message: "\(assessor ?? "the team") already scored \(item) in the \(round.rawValue) round (row \(first))",
                                           expected: "one row per assessor, item and round"))
                continue
            }
            seen[identity] = row.number
            let provenance = Provenance(provider: provider, file: table.file, line: row.line, row: row.number, source: .assessor,
                                        assessor: assessor, round: round.rawValue)
            if byEnterprise[code] == nil { order.append(code) }
            byEnterprise[code, default: []].append(Fact(key: key, value: .number(percentage), provenance: provenance))
            for column in ["strengths", "opportunities"] {
                if let text = header.value(column, in: row) {
                    byEnterprise[code, default: []].append(Fact(key: "\(key).\(column)", value: .string(text), provenance: provenance))
                }
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return Source(providerID: provider, enterpriseIDs: order, facts: byEnterprise)
    }

    /// `60`, `60.0`, `60%` or `60％`.
    static func percentage(_ text: String) -> Double? {
        var text = text.trimmedWhitespace
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        guard let number = Double(text.trimmedWhitespace), number.isFinite else { return nil }
        return number
    }

    struct Source: EvidenceSource {
        let providerID: String
        let enterpriseIDs: [String]
        let facts: [String: [Fact]]

        func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
            facts[enterprise.id] ?? []
        }
    }
}
