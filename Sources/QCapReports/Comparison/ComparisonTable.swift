import QCapCore

/// `qcap compare` on a terminal: the matrix, the statistics, the level distribution, the targets and what was left apart.
public struct ComparisonTable {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    static let nameWidth = 26
    static let cellWidth = 30

    public func render(_ comparison: Comparison) -> String {
        let text = ComparisonText(language: language)
        var out = text.title(comparison) + " · " + text.subtitle(comparison).joined(separator: " · ") + "\n"
        out += text.enterpriseCount(comparison) + "\n\n"
        let baseline = comparison.baselinePeriod != nil

        // Matrix.
        var first = [DisplayWidth.pad(text.t("企业", "Enterprise"), to: Self.nameWidth), DisplayWidth.pad("USCC", to: 18)]
        var second = [String(repeating: " ", count: Self.nameWidth), String(repeating: " ", count: 18)]
        for column in comparison.columns {
            first.append(DisplayWidth.pad(DisplayWidth.truncate(column.title.text(language), to: Self.cellWidth), to: Self.cellWidth))
            let sub = DisplayWidth.pad(text.t("得分", "score"), to: 5, alignment: .right) + " " + DisplayWidth.pad(text.t("等级", "level"), to: 10)
                + " " + DisplayWidth.pad(text.t("名次", "rank"), to: 4, alignment: .right) + " "
                + DisplayWidth.pad(text.t("差距", "gap"), to: 6, alignment: .right) + (baseline ? text.t("  变化", "  change") : "")
            second.append(DisplayWidth.pad(sub, to: Self.cellWidth))
        }
        out += line(first) + line(second)
        out += String(repeating: "─", count: DisplayWidth.of(first.joined(separator: "  "))) + "\n"
        for row in comparison.rows {
            var cells = [DisplayWidth.pad(DisplayWidth.truncate(row.enterprise.name, to: Self.nameWidth), to: Self.nameWidth),
                         DisplayWidth.pad(row.enterprise.id, to: 18)]
            for cell in row.cells {
                guard let cell else {
                    cells.append(DisplayWidth.pad("—", to: Self.cellWidth))
                    continue
                }
                var value = DisplayWidth.pad(text.score(cell.score), to: 5, alignment: .right) + " "
                    + DisplayWidth.pad(DisplayWidth.truncate(text.standing(cell), to: 10), to: 10) + " "
                    + DisplayWidth.pad(text.rank(cell.rank), to: 4, alignment: .right) + " "
                    + DisplayWidth.pad(text.signed(cell.benchmarkGap), to: 6, alignment: .right)
                if baseline { value += "  " + text.change(cell.change) }
                cells.append(DisplayWidth.pad(value, to: Self.cellWidth))
            }
            out += line(cells)
        }

        // Statistics.
        out += "\n" + text.t("统计", "Statistics") + "\n"
        let titles = Dictionary(comparison.columns.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })
        var rows = [text.statisticsHeader]
        for statistics in comparison.statistics {
            rows.append(text.statisticsRow(statistics, title: DisplayWidth.truncate(titles[statistics.rubric] ?? statistics.rubric, to: 24)))
            if let baselineStats = statistics.baseline, let period = comparison.baselinePeriod {
                var row = text.statisticsRow(Comparison.Statistics(rubric: statistics.rubric, scores: baselineStats, levels: [], benchmarkScore: nil),
                                             title: "  " + text.t("基期 \(period)", "baseline \(period)"))
                row[row.count - 1] = ""
                rows.append(row)
            }
        }
        out += grid(rows, numeric: Set(1..<9))

        for statistics in comparison.statistics where !statistics.levels.isEmpty {
            out += "\n" + text.t("等级分布 — ", "Levels — ") + (titles[statistics.rubric] ?? statistics.rubric) + "\n"
            out += grid([[text.t("等级", "Level"), text.t("企业数", "Count"), text.t("占比", "Share")]]
                        + statistics.levels.map { [text.levelName($0), String($0.count), text.percent($0.share)] }, numeric: [1, 2])
        }

        for target in comparison.targets {
            out += "\n" + text.targetTitle(target, column: comparison.columns.first { $0.id == target.rubric }) + "\n"
            out += grid([text.targetHeader] + target.levels.map(text.targetRow), numeric: [1, 2, 3, 4])
            if let line = text.adoptersLine(target) { out += "  " + line + "\n" }
        }
        if !comparison.targets.isEmpty { out += text.targetNote(comparison) + "\n" }

        if !comparison.leftApart.isEmpty {
            out += "\n" + text.leftApartTitle + "\n"
            for item in comparison.leftApart {
                out += "  \(item.enterprise.name) \(item.enterprise.id) \(item.rubric) \(item.version): \(text.reasons(item.reasons))\n"
            }
        }
        for note in comparison.notes { out += "\n" + note.text(language) + "\n" }
        out += "\n" + text.definitions + "\n"
        return out
    }

    private func line(_ cells: [String]) -> String {
        var text = cells.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
    }

    /// Columns padded to their widest cell; `numeric` columns right-aligned.
    private func grid(_ rows: [[String]], numeric: Set<Int>) -> String {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[index], alignment: numeric.contains(index) ? .right : .left)
            }
            out += line(["  " + (cells.first ?? "")] + cells.dropFirst())
        }
        return out
    }
}
