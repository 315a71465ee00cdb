import Foundation
import QCapCore

/// Turns an evaluator's indicator spreadsheet into a rubric file (`qcap rubrics import`).
///
/// An evaluator who holds an official indicator table (for example the 30 indicators of the quality-management
/// capability standard) replaces the drafted one without Swift: the table has a row per indicator with columns
/// 维度, 指标编号, 指标名称, 权重, 否决项 and one column per level of the chosen scale holding that level's requirement.
/// Dimensions left blank continue the one above (how Excel exports merged cells). The result is a maturity-gated
/// data rubric whose indicators are rated on the whole scale, with generated examples so it validates.
public enum RubricTableImporter {
    public struct Options: Sendable {
        /// The new rubric's id (kebab-case).
        public var id: String
        public var title: LocalizedText?
        /// Evidence keys start with it; defaults to the id without dashes.
        public var factPrefix: String?
        /// The levels, low to high, with the scale's name and where it comes from (for provenance).
        public var levels: [ScaleLevel]
        public var scaleName: String
        public var scaleOrigin: String
        public var threshold: Double

        public init(id: String, title: LocalizedText? = nil, factPrefix: String? = nil, levels: [ScaleLevel],
                    scaleName: String, scaleOrigin: String, threshold: Double = ScoringModel.defaultThreshold) {
            self.id = id
            self.title = title
            self.factPrefix = factPrefix
            self.levels = levels
            self.scaleName = scaleName
            self.scaleOrigin = scaleOrigin
            self.threshold = threshold
        }
    }

    static let fixedColumns: [ColumnSpec] = [
        ColumnSpec(key: "dimension", aliases: ["维度", "一级指标", "评价维度", "Dimension"]),
        ColumnSpec(key: "dimensionWeight", aliases: ["维度权重", "Dimension weight"], required: false),
        ColumnSpec(key: "id", aliases: ["指标编号", "编号", "序号", "Indicator id", "ID"], required: false),
        ColumnSpec(key: "name", aliases: ["指标名称", "二级指标", "评价指标", "Indicator", "Indicator name"]),
        ColumnSpec(key: "nameEn", aliases: ["指标名称(英文)", "英文名称", "Indicator name (en)", "Name (en)"], required: false),
        ColumnSpec(key: "weight", aliases: ["权重", "分值", "Weight"], required: false),
        ColumnSpec(key: "mustPass", aliases: ["否决项", "否决", "必达项", "Must pass", "Must-pass"], required: false),
        ColumnSpec(key: "remediation", aliases: ["改进建议", "整改建议", "Remediation"], required: false),
    ]

    /// The column of level `rank`: its Chinese or English name, its id, or `N级`, `等级N`, `LN`, `level N`.
    static func levelColumn(_ level: ScaleLevel) -> ColumnSpec {
        let rank = level.rank
        return ColumnSpec(key: "level\(rank)", aliases: [level.name.zh, level.name.en, level.id, "\(rank)级", "等级\(rank)",
                                                         "L\(rank)", "Level \(rank)"])
    }

    /// The optional English column of level `rank`: the level column's names followed by `(英文)` or `(en)`.
    static func levelEnglishColumn(_ level: ScaleLevel) -> ColumnSpec {
        let rank = level.rank
        return ColumnSpec(key: "level\(rank)En", aliases: ["\(level.name.zh)(英文)", "\(level.name.en) (en)", "L\(rank) (en)",
                                                           "Level \(rank) (en)"], required: false)
    }

    static let yes: Set<String> = ["是", "y", "yes", "true", "1", "√", "✓", "✔", "★", "●", "否决", "必达"]
    static let no: Set<String> = ["否", "n", "no", "false", "0", "-", "—", "×", "✗"]

    /// The rubric as JSON, keys in the order of docs/rubric-format.md; every problem is reported with its row.
    public static func rubric(from table: Table, options: Options) throws(InputErrors) -> JSONValue {
        let levels = options.levels.sorted { $0.rank < $1.rank }
        guard !levels.isEmpty else {
            throw InputErrors([InputError(file: table.file, message: "the scale \(options.scaleName) has no levels")])
        }
        let columns = fixedColumns + levels.map(levelColumn) + levels.map(levelEnglishColumn)
        let map: HeaderMap
        do { map = try HeaderMap(table: table, columns: columns) } catch { throw InputErrors([error]) }

        var errors: [InputError] = []
        var dimensions: [Dimension] = []
        var seenIDs: [String: Int] = [:]
        var hasEnglish = map.contains("nameEn")
        for row in table.rows {
            // Dimension: a new one, or the one above when the cell is blank (merged cells).
            if let cell = map.value("dimension", in: row) {
                let (id, title) = splitDimension(cell, ordinal: dimensions.count + 1)
                if let index = dimensions.firstIndex(where: { $0.title == title }) {
                    if index != dimensions.count - 1 {
                        errors.append(map.error("dimension", in: row, message: "dimension \"\(title)\" appears again after other dimensions",
                                                expected: "the rows of one dimension together"))
                    }
                } else {
                    dimensions.append(Dimension(id: id, title: title, row: row))
                }
            } else if dimensions.isEmpty {
                errors.append(map.error("dimension", in: row, message: "the first indicator has no dimension"))
                continue
            }
            guard let dimension = dimensions.indices.last else { continue }

            if let text = map.value("dimensionWeight", in: row) {
                if let weight = number(text), weight >= 0 {
                    if let existing = dimensions[dimension].weight, existing != weight {
                        errors.append(map.error("dimensionWeight", in: row, message: "dimension weight \(text) differs from \(existing.formatted) given above"))
                    }
                    dimensions[dimension].weight = weight
                } else {
                    errors.append(map.error("dimensionWeight", in: row, message: "dimension weight \"\(text)\" is not a number ≥ 0"))
                }
            }

            guard let name = map.value("name", in: row) else {
                errors.append(map.error("name", in: row, message: "the indicator has no name"))
                continue
            }
            let ordinal = dimensions[dimension].indicators.count + 1
            let id = map.value("id", in: row) ?? "\(dimensions[dimension].id).\(ordinal < 10 ? "0" : "")\(ordinal)"
            if !isCriterionID(id) {
                errors.append(map.error("id", in: row, message: "indicator id \"\(id)\" has characters other than letters, digits, '.', '_' and '-'"))
            } else if let first = seenIDs[id] {
                errors.append(map.error("id", in: row, message: "indicator id \"\(id)\" repeats row \(first)"))
            }
            seenIDs[id] = seenIDs[id] ?? row.number

            var weight = 1.0
            if let text = map.value("weight", in: row) {
                if let parsed = number(text), parsed >= 0 { weight = parsed } else {
                    errors.append(map.error("weight", in: row, message: "weight \"\(text)\" is not a number ≥ 0", expected: "a number such as 1, 2.5 or 10%"))
                }
            }
            var mustPass = false
            if let text = map.value("mustPass", in: row) {
                let key = text.lowercased()
                if yes.contains(key) { mustPass = true } else if !no.contains(key) {
                    errors.append(map.error("mustPass", in: row, message: "\"\(text)\" is neither yes nor no", expected: "是/否, Y/N, √ or blank"))
                }
            }
            var descriptors: [(rank: Int, text: LocalizedText)] = []
            for level in levels {
                guard let zh = map.value("level\(level.rank)", in: row) else { continue }
                let en = map.value("level\(level.rank)En", in: row)
                if en != nil { hasEnglish = true }
                descriptors.append((level.rank, LocalizedText(zh: zh, en: en ?? zh)))
            }
            if descriptors.isEmpty {
                errors.append(map.error("level\(levels[0].rank)", in: row, message: "indicator \(id) has no level requirement in any level column"))
            }
            let nameEn = map.value("nameEn", in: row) ?? name
            dimensions[dimension].indicators.append(Indicator(
                id: id, title: LocalizedText(zh: name, en: nameEn), weight: weight, mustPass: mustPass,
                levels: descriptors, remediation: map.value("remediation", in: row)))
        }
        if table.rows.isEmpty {
            errors.append(InputError(file: table.file, location: table.places.header, message: "the table has no indicator rows"))
        }
        for dimension in dimensions where seenIDs[dimension.id] != nil {
            errors.append(map.error("dimension", in: dimension.row, message: "dimension id \"\(dimension.id)\" is also an indicator id"))
        }
        for dimension in dimensions where dimension.indicators.allSatisfy({ $0.weight == 0 }) && !dimension.indicators.isEmpty {
            errors.append(map.error("weight", in: dimension.row, message: "every indicator of dimension \"\(dimension.title)\" has weight 0"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        // Provenance names the table by its file name, not the evaluator's local path.
        let name = URL(fileURLWithPath: table.file).lastPathComponent
        return document(dimensions: dimensions, levels: levels, options: options, file: name, hasEnglish: hasEnglish)
    }

    struct Indicator {
        var id: String
        var title: LocalizedText
        var weight: Double
        var mustPass: Bool
        var levels: [(rank: Int, text: LocalizedText)]
        var remediation: String?
    }

    struct Dimension {
        var id: String
        var title: String
        var row: TableRow
        var weight: Double?
        var indicators: [Indicator] = []
    }

    /// `D1 质量管理体系有效性` → (D1, 质量管理体系有效性); a name without a leading id gets `D<ordinal>`.
    static func splitDimension(_ cell: String, ordinal: Int) -> (id: String, title: String) {
        let parts = cell.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        if parts.count == 2, let first = parts.first, isCriterionID(String(first)), first.first?.isLetter == true,
           first.contains(where: \.isNumber) {
            return (String(first), String(parts[1]).trimmedWhitespace)
        }
        return ("D\(ordinal)", cell)
    }

    /// `2`, `2.5`, `10%` (the percent sign is dropped: weights are relative).
    static func number(_ text: String) -> Double? {
        DecimalNumber.parse(text, allowingPercent: true)?.value
    }

    static func isCriterionID(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
    }

    static func text(_ value: LocalizedText) -> JSONValue {
        .object(JSONObject([("zh", .string(value.zh)), ("en", .string(value.en))]))
    }

    static func document(dimensions: [Dimension], levels: [ScaleLevel], options: Options, file: String, hasEnglish: Bool) -> JSONValue {
        let maxRank = levels.map(\.rank).max() ?? 1
        let prefix = options.factPrefix ?? options.id.replacingOccurrences(of: "-", with: "")
        let title = options.title ?? LocalizedText(zh: "导入的评价指标表（\(options.id)）", en: "Imported indicator table (\(options.id))")
        let count = dimensions.reduce(0) { $0 + $1.indicators.count }
        var basis: [JSONValue] = [
            .object(JSONObject([
                ("part", text(LocalizedText(zh: "\(count) 项指标的名称、分组、权重、否决项和各等级要求",
                                            en: "Names, grouping, weights, must-pass flags and level requirements of the \(count) indicators"))),
                ("status", "sourced"),
                ("source", .string("\(file) (evaluator's indicator table)")),
                ("note", text(LocalizedText(zh: "由 qcap rubrics import 原样导入；指标表本身的出处由提供该表的评价机构负责。",
                                            en: "Imported as written by qcap rubrics import; the evaluator who supplied the table answers for its origin."))),
            ])),
            .object(JSONObject([
                ("part", text(LocalizedText(zh: "等级（\(options.scaleName)）", en: "The levels (\(options.scaleName))"))),
                ("status", "sourced"),
                ("source", .string(options.scaleOrigin)),
            ])),
            .object(JSONObject([
                ("part", text(LocalizedText(zh: "等级门槛 \(options.threshold.formatted) 与逐级达标规则",
                                            en: "The level threshold \(options.threshold.formatted) and the rule that every lower level must be held"))),
                ("status", "assumption"),
                ("note", text(LocalizedText(zh: "QCap 的默认定级规则，可通过剪裁调整。", en: "QCap's default grading rule; configurable by tailoring."))),
            ])),
        ]
        if !hasEnglish {
            basis.append(.object(JSONObject([
                ("part", text(LocalizedText(zh: "英文文本", en: "English text"))),
                ("status", "drafted"),
                ("note", text(LocalizedText(zh: "指标表没有英文列，英文处重复中文原文。", en: "The table has no English columns; the Chinese text is repeated in place of English."))),
            ])))
        }
        let scale: [JSONValue] = levels.map { level in
            var members: [(String, JSONValue)] = [("rank", .number(Double(level.rank))), ("id", .string(level.id)), ("name", text(level.name))]
            if let description = level.description { members.append(("description", text(description))) }
            return .object(JSONObject(members))
        }
        let criteria: [JSONValue] = dimensions.map { dimension in
            let weight = dimension.weight ?? dimension.indicators.reduce(0) { $0 + $1.weight }
            let children: [JSONValue] = dimension.indicators.map { indicator in
                let fact = "\(prefix).\(indicator.id)"
                var members: [(String, JSONValue)] = [
                    ("id", .string(indicator.id)), ("title", text(indicator.title)), ("weight", .number(indicator.weight)),
                    ("mustPass", .bool(indicator.mustPass)),
                    ("evidence", .object(JSONObject([
                        ("type", "level"), ("fact", .string(fact)),
                        ("description", text(LocalizedText(zh: "达到的等级（1–\(maxRank)），来自自评或现场评审",
                                                          en: "The level attained (1–\(maxRank)), from self-assessment or on-site review"))),
                    ]))),
                    ("levels", .object(JSONObject(indicator.levels.map { (String($0.rank), text($0.text)) }))),
                ]
                if let remediation = indicator.remediation {
                    members.append(("remediation", text(LocalizedText(remediation))))
                }
                members.append(("examples", .array([
                    .object(JSONObject([("facts", .object(JSONObject([(fact, .number(Double(maxRank)))]))), ("outcome", "met"),
                                        ("score", 1), ("level", .number(Double(maxRank)))])),
                    .object(JSONObject([("facts", .object(JSONObject([(fact, 1)]))), ("outcome", maxRank > 1 ? "notMet" : "met"),
                                        ("score", .number(1 / Double(maxRank))), ("level", 1)])),
                ])))
                return .object(JSONObject(members))
            }
            return .object(JSONObject([
                ("id", .string(dimension.id)), ("title", text(LocalizedText(dimension.title))), ("weight", .number(weight)),
                ("children", .array(children)),
            ]))
        }
        return .object(JSONObject([
            ("id", .string(options.id)),
            ("version", "1.0.0"),
            ("title", text(title)),
            ("factPrefix", .string(prefix)),
            ("provenance", .object(JSONObject([
                ("statement", text(LocalizedText(
                    zh: "本评价规则由 qcap rubrics import 从指标表 \(file) 生成：\(dimensions.count) 个维度、\(count) 项指标，等级沿用 \(options.scaleName)。",
                    en: "Generated by qcap rubrics import from the indicator table \(file): \(dimensions.count) dimensions, \(count) indicators, on the \(options.scaleName) levels."))),
                ("basis", .array(basis)),
            ]))),
            ("scale", .object(JSONObject([("levels", .array(scale))]))),
            ("scoring", .object(JSONObject([("model", "maturityGated"), ("threshold", .number(options.threshold))]))),
            ("criteria", .array(criteria)),
        ]))
    }
}
