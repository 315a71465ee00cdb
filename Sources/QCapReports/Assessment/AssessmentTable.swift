import QCapCore

/// The terminal table of `qcap assess`: one row per enterprise and, per rubric, its score and level (or what stands in
/// for a level), fitted to the terminal's width.
///
/// Every rubric column is headed by the rubric's short title. When the columns do not fit, the table gives up, in
/// order: the USCC column, full-length titles, the score's decimal, and then shortens the level names; the enterprise
/// name takes what is left (at least 8 columns). Coverage is shown only when `wide` (which also ignores the width);
/// otherwise a result whose coverage is below `lowCoverage` is marked `*` after its level.
public struct AssessmentTable {
    public let rubrics: [RubricDescriptor]
    public let language: Language
    public let wide: Bool
    let layout: Layout

    /// Below this share of the weight with evidence, a result carries the low-coverage marker. Half is this project's
    /// choice: past it, more of the verdict rests on missing evidence than on evidence.
    public static let lowCoverage = 0.5
    /// The width when neither `COLUMNS` nor a terminal says otherwise.
    public static let defaultWidth = 100
    static let marker = "*"
    static let separator = "  "
    static let idWidth = 18
    static let nameRange = 8...28
    static let coverageWidth = 4
    /// A level name is never shortened below this (two Chinese characters).
    static let minimumLabel = 4
    /// Room for a verdict such as `2/3 有效` or `10/12 valid`.
    static let verdictWidth = 9

    /// One rubric's column.
    struct Column {
        let descriptor: RubricDescriptor
        var title: String
        var labelWidth: Int
        var scoreWidth: Int
        var coverage: Bool

        var cellWidth: Int { scoreWidth + 1 + labelWidth + AssessmentTable.marker.count + (coverage ? 1 + AssessmentTable.coverageWidth : 0) }
        var width: Int { max(cellWidth, DisplayWidth.of(title)) }
    }

    struct Layout {
        var nameWidth: Int
        var showsID: Bool
        var decimals: Int
        var columns: [Column]

        var width: Int {
            nameWidth + (showsID ? AssessmentTable.separator.count + AssessmentTable.idWidth : 0)
                + columns.reduce(0) { $0 + AssessmentTable.separator.count + $1.width }
        }
    }

    /// - Parameter width: the terminal's width in columns (`TerminalWidth` in the CLI); ignored when `wide`.
    public init(rubrics: [RubricDescriptor], language: Language = .zh, width: Int = AssessmentTable.defaultWidth, wide: Bool = false) {
        self.rubrics = rubrics
        self.language = language
        self.wide = wide
        self.layout = Self.fit(rubrics, language: language, width: width, wide: wide)
    }

    /// The widest layout that fits `width`, degrading step by step (see the type's comment).
    static func fit(_ rubrics: [RubricDescriptor], language: Language, width: Int, wide: Bool) -> Layout {
        let columns = rubrics.map { rubric in
            Column(descriptor: rubric, title: rubric.label.text(language), labelWidth: labelWidth(rubric, language: language),
                   scoreWidth: 5, coverage: wide)
        }
        var layout = Layout(nameWidth: nameRange.upperBound, showsID: true, decimals: 1, columns: columns)
        if wide { return layout }
        func fits() -> Bool { layout.width - layout.nameWidth + nameRange.lowerBound <= width }
        if !fits() { layout.showsID = false }
        if !fits() {
            for index in layout.columns.indices {
                layout.columns[index].title = DisplayWidth.truncate(layout.columns[index].title, to: layout.columns[index].cellWidth)
            }
        }
        if !fits() {
            layout.decimals = 0
            for index in layout.columns.indices { layout.columns[index].scoreWidth = 3 }
        }
        // Shorten the longest level names first, one column at a time, down to two Chinese characters.
        while !fits(), let widest = layout.columns.indices.max(by: { layout.columns[$0].labelWidth < layout.columns[$1].labelWidth }),
              layout.columns[widest].labelWidth > minimumLabel {
            layout.columns[widest].labelWidth -= 1
            layout.columns[widest].title = DisplayWidth.truncate(layout.columns[widest].title, to: layout.columns[widest].cellWidth)
        }
        let rest = width - (layout.width - layout.nameWidth)
        layout.nameWidth = min(max(rest, nameRange.lowerBound), nameRange.upperBound)
        return layout
    }

    /// How wide the rubric's level column must be: its longest level name, the points label of a points rubric, or
    /// room for a short verdict (`2/3 有效`) in another rubric without levels.
    static func labelWidth(_ rubric: RubricDescriptor, language: Language) -> Int {
        var widths = rubric.levels.map { DisplayWidth.of($0.name.text(language)) } + [DisplayWidth.of("—")]
        if rubric.scoring.model == .points, let maximum = rubric.scoring.maxPoints {
            let total = fixed(maximum, 0)
            widths.append(DisplayWidth.of(total + "/" + total))
        } else if rubric.levels.isEmpty {
            widths.append(verdictWidth)
        }
        // At least two Chinese characters, so the column's sub-header (等级, 结论) fits.
        return max(widths.max() ?? 1, minimumLabel)
    }

    /// What the level column says: the level's name, a points rubric's points (`692/1000`; its band is in the
    /// verdict the reports show), the verdict of another rubric without levels (`2/3 有效`), or `—`.
    func label(_ result: RubricResult) -> String {
        if let level = result.level { return level.name.text(language) }
        if let points = result.scaleScore, let maximum = result.scaleMax { return Self.fixed(points, 0) + "/" + Self.fixed(maximum, 0) }
        return result.verdict?.text(language) ?? "—"
    }

    public func header() -> String {
        let noun = language == .zh ? "企业" : "Enterprise"
        var first = [DisplayWidth.pad(DisplayWidth.truncate(noun, to: layout.nameWidth), to: layout.nameWidth)]
        var second = [String(repeating: " ", count: layout.nameWidth)]
        if layout.showsID {
            first.append(DisplayWidth.pad("USCC", to: Self.idWidth))
            second.append(String(repeating: " ", count: Self.idWidth))
        }
        for column in layout.columns {
            first.append(DisplayWidth.pad(column.title, to: column.width))
            let score = DisplayWidth.of(language == .zh ? "得分" : "score") <= column.scoreWidth
                ? (language == .zh ? "得分" : "score") : (language == .zh ? "分" : "sc")
            let what: String
            if !column.descriptor.levels.isEmpty { what = language == .zh ? "等级" : "level" }
            else if column.descriptor.scoring.model == .points { what = language == .zh ? "分数" : "points" }
            else { what = language == .zh ? "结论" : "verdict" }
            var cell = DisplayWidth.pad(DisplayWidth.truncate(score, to: column.scoreWidth), to: column.scoreWidth, alignment: .right) + " "
                + DisplayWidth.pad(DisplayWidth.truncate(what, to: column.labelWidth), to: column.labelWidth + Self.marker.count)
            if column.coverage { cell += " " + DisplayWidth.pad(language == .zh ? "覆盖" : "cov.", to: Self.coverageWidth, alignment: .right) }
            second.append(DisplayWidth.pad(cell, to: column.width))
        }
        let top = Self.trimmed(first.joined(separator: Self.separator))
        let rule = String(repeating: "─", count: DisplayWidth.of(top))
        return top + "\n" + Self.trimmed(second.joined(separator: Self.separator)) + "\n" + rule + "\n"
    }

    public func row(_ run: AssessmentRun) -> String {
        var cells = [DisplayWidth.pad(DisplayWidth.truncate(run.enterprise.name, to: layout.nameWidth), to: layout.nameWidth)]
        if layout.showsID { cells.append(DisplayWidth.pad(run.enterprise.id, to: Self.idWidth)) }
        for column in layout.columns {
            guard let result = run.results.first(where: { $0.rubric.id == column.descriptor.id }) else {
                cells.append(DisplayWidth.pad(DisplayWidth.pad("—", to: column.scoreWidth, alignment: .right), to: column.width))
                continue
            }
            let score = result.score.map { Self.fixed($0, layout.decimals) } ?? "—"
            // Nothing applicable means nothing to cover: no marker.
            let low = result.coverage.map { $0 < Self.lowCoverage } ?? false
            var cell = DisplayWidth.pad(score, to: column.scoreWidth, alignment: .right) + " "
                + DisplayWidth.pad(DisplayWidth.truncate(label(result), to: column.labelWidth), to: column.labelWidth)
                + (low ? Self.marker : " ")
            if column.coverage {
                cell += " " + DisplayWidth.pad(result.coverage.map { Self.fixed($0 * 100, 0) + "%" } ?? "—", to: Self.coverageWidth, alignment: .right)
            }
            cells.append(DisplayWidth.pad(cell, to: column.width))
        }
        return Self.trimmed(cells.joined(separator: Self.separator)) + "\n"
    }

    public func footer(count: Int, asOf: Day) -> String {
        let percent = Self.fixed(Self.lowCoverage * 100, 0)
        if language == .zh {
            let coverage = wide ? "覆盖率为适用条款权重中已取得证据的占比（无适用条款时为 —）"
                : "* 表示覆盖率（适用条款权重中已取得证据的占比）低于 \(percent)%，--wide 显示覆盖率"
            return "\n共 \(count) 家企业，评价基准日 \(asOf)。得分 0–100；\(coverage)。\n"
        }
        let coverage = wide ? "coverage is the evidenced share of the applicable weight (— when nothing applies)"
            : "* marks coverage (the evidenced share of the applicable weight) below \(percent)%; --wide shows coverage"
        return "\n\(count) enterprise(s), as of \(asOf). Scores 0–100; \(coverage).\n"
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// A fixed number of decimals without Foundation's locale-dependent formatting.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (value * factor).rounded()
        let negative = scaled < 0
        let magnitude = abs(scaled)
        guard magnitude < 1e15 else { return String(value) }
        let integer = Int64(magnitude)
        var digits = String(integer)
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative && integer != 0 ? "-" : "") + digits
    }
}
