import QCapCore

/// `qcap compare --format md`: the comparison as GitHub-flavoured Markdown tables.
public struct ComparisonMarkdown {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ comparison: Comparison) -> String {
        let text = ComparisonText(language: language)
        var out = "# \(Markdown.escape(text.title(comparison)))\n\n"
        out += Markdown.escape(text.subtitle(comparison).joined(separator: " · ")) + " · " + text.enterpriseCount(comparison) + "\n\n"
        let baseline = comparison.baselinePeriod != nil
        let titles = Dictionary(comparison.columns.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })

        out += "## " + text.t("对比矩阵", "Matrix") + "\n\n"
        var header = [text.t("企业", "Enterprise"), "USCC"]
        for column in comparison.columns {
            header.append("\(column.title.text(language)) (\(column.id) \(column.version))")
        }
        var rows: [[String]] = []
        for row in comparison.rows {
            var cells = [row.enterprise.name, row.enterprise.id]
            for cell in row.cells {
                guard let cell else { cells.append("—"); continue }
                var value = "\(text.score(cell.score)) · \(text.standing(cell)) · #\(text.rank(cell.rank))"
                if cell.benchmarkGap != nil { value += " · " + text.t("差距 ", "gap ") + text.signed(cell.benchmarkGap) }
                if baseline { value += " · " + text.t("变化 ", "change ") + text.change(cell.change) }
                cells.append(value)
            }
            rows.append(cells)
        }
        out += Markdown.table(header, rows)

        out += "\n## " + text.t("统计", "Statistics") + "\n\n"
        var statistics: [[String]] = []
        for item in comparison.statistics {
            statistics.append(text.statisticsRow(item, title: titles[item.rubric] ?? item.rubric))
            if let baselineStats = item.baseline, let period = comparison.baselinePeriod {
                var row = text.statisticsRow(Comparison.Statistics(rubric: item.rubric, scores: baselineStats, levels: [], benchmarkScore: nil),
                                             title: text.t("基期 \(period)", "baseline \(period)"))
                row[row.count - 1] = ""
                statistics.append(row)
            }
        }
        out += Markdown.table(text.statisticsHeader, statistics, numeric: Set(1..<9))

        for item in comparison.statistics where !item.levels.isEmpty {
            out += "\n### " + text.t("等级分布：", "Levels: ") + Markdown.escape(titles[item.rubric] ?? item.rubric) + "\n\n"
            out += Markdown.table([text.t("等级", "Level"), text.t("企业数", "Count"), text.t("占比", "Share")],
                                  item.levels.map { [text.levelName($0), String($0.count), text.percent($0.share)] }, numeric: [1, 2])
        }
        for target in comparison.targets {
            out += "\n### " + Markdown.escape(text.targetTitle(target, column: comparison.columns.first { $0.id == target.rubric })) + "\n\n"
            out += Markdown.table(text.targetHeader, target.levels.map(text.targetRow), numeric: [1, 2, 3, 4])
            if let line = text.adoptersLine(target) { out += "\n" + Markdown.escape(line) + "\n" }
        }
        if !comparison.targets.isEmpty { out += "\n" + Markdown.escape(text.targetNote(comparison)) + "\n" }
        if !comparison.leftApart.isEmpty {
            out += "\n## " + text.leftApartTitle + "\n\n"
            out += Markdown.table(text.leftApartHeader, comparison.leftApart.map {
                [$0.enterprise.name, $0.enterprise.id, $0.rubric, $0.version, text.score($0.score), text.reasons($0.reasons)]
            })
        }
        for note in comparison.notes { out += "\n> " + Markdown.escape(note.text(language)) + "\n" }
        out += "\n" + Markdown.escape(text.definitions) + "\n"
        return out
    }
}

/// GitHub-flavoured tables and lists of plain text, escaped with the one `Markdown.escape`.
extension Markdown {
    /// A table; cells are plain text, escaped here.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "| " + header.map { escape($0) }.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { escape($0) }.joined(separator: " | ") + " |\n" }
        return out
    }

    static func bullets(_ text: String?, empty: String) -> String {
        guard let text, !text.isEmpty else { return empty + "\n" }
        return text.split(separator: "\n").map { "- " + escape(String($0)) + "\n" }.joined()
    }
}
