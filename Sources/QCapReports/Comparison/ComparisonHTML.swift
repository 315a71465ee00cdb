import QCapCore

/// `qcap compare --format html`: one self-contained, printable page (inline CSS and SVG, no scripts).
public struct ComparisonHTML {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    static let levelColors = ["#9aa5b1", "#6f9fd8", "#3f7fc4", "#1f5f99", "#0d3b66", "#062440"]

    public func render(_ comparison: Comparison) -> String {
        let text = ComparisonText(language: language)
        let e = HTML.escape
        let baseline = comparison.baselinePeriod != nil
        let titles = Dictionary(comparison.columns.map { ($0.id, $0.title.text(language)) }, uniquingKeysWith: { first, _ in first })
        var body = "<header>\n<h1>\(e(text.title(comparison)))</h1>\n"
        body += "<p class=\"muted\">\(text.subtitle(comparison).map(e).joined(separator: " · ")) · \(e(text.enterpriseCount(comparison)))</p>\n</header>\n"

        body += "<section id=\"statistics\">\n<h2>\(e(text.t("统计概览", "Statistics")))</h2>\n"
        var statistics: [[String]] = []
        for item in comparison.statistics {
            statistics.append(text.statisticsRow(item, title: titles[item.rubric] ?? item.rubric).map(e))
            if let baselineStats = item.baseline, let period = comparison.baselinePeriod {
                var row = text.statisticsRow(Comparison.Statistics(rubric: item.rubric, scores: baselineStats, levels: [], benchmarkScore: nil),
                                             title: text.t("基期 \(period)", "baseline \(period)")).map(e)
                row[row.count - 1] = ""
                statistics.append(row)
            }
        }
        body += HTML.table(header: text.statisticsHeader, rows: statistics, numericColumns: Set(1..<9))
        body += "</section>\n"

        body += "<section id=\"levels\">\n<h2>\(e(text.t("等级分布", "Level distribution")))</h2>\n<div class=\"figures\">\n"
        for item in comparison.statistics where !item.levels.isEmpty {
            let title = titles[item.rubric] ?? item.rubric
            let maximum = Double(item.levels.map(\.count).max() ?? 0)
            let bars = item.levels.map { count in
                SVGChart.Bar(label: text.levelName(count), value: Double(count.count), caption: "\(count.count) · \(text.percent(count.share))",
                             color: Self.levelColors[min(Self.levelColors.count - 1, max(0, count.rank ?? 0))])
            }
            body += "<div>\n<h3>\(e(title))</h3>\n" + SVGChart.bars(bars, maximum: maximum, title: title, width: 340) + "\n</div>\n"
        }
        body += "</div>\n</section>\n"

        if !comparison.targets.isEmpty {
            body += "<section id=\"targets\">\n<h2>\(e(text.t("国家新增目标（供参照）", "National new-entrant targets (for context)")))</h2>\n"
            for target in comparison.targets {
                body += "<h3>\(e(text.targetTitle(target, column: comparison.columns.first { $0.id == target.rubric })))</h3>\n"
                body += HTML.table(header: text.targetHeader, rows: target.levels.map { text.targetRow($0).map(e) }, numericColumns: [1, 2, 3, 4])
                if let line = text.adoptersLine(target) { body += "<p class=\"small\">\(e(line))</p>\n" }
            }
            body += "<p class=\"small muted\">\(e(text.targetNote(comparison)))</p>\n</section>\n"
        }

        body += "<section id=\"matrix\">\n<h2>\(e(text.t("对比矩阵", "Matrix")))</h2>\n"
        var header = [text.t("企业", "Enterprise")]
        for column in comparison.columns { header.append(column.title.text(language)) }
        var rows: [[String]] = []
        for row in comparison.rows {
            var cells = ["<strong>\(e(row.enterprise.name))</strong><br><span class=\"small muted\">\(e(row.enterprise.id)) · \(e(row.enterprise.region)) · \(e(row.enterprise.industry)) · \(e(row.enterprise.size))</span>"]
            for cell in row.cells {
                guard let cell else { cells.append("<span class=\"muted\">—</span>"); continue }
                var html = "<strong>\(e(text.score(cell.score)))</strong> "
                html += cell.level.map { "<span class=\"badge\">\(e($0.name.text(language)))</span>" }
                    ?? cell.verdict.map { "<span class=\"muted\">\(e($0.text(language)))</span>" } ?? "<span class=\"muted\">—</span>"
                html += "<br><span class=\"small muted\">#\(e(text.rank(cell.rank)))"
                if cell.benchmarkGap != nil { html += " · \(e(text.t("差距", "gap"))) \(e(text.signed(cell.benchmarkGap)))" }
                if baseline { html += " · \(e(text.t("变化", "change"))) \(e(text.change(cell.change)))" }
                html += "</span>"
                cells.append(html)
            }
            rows.append(cells)
        }
        body += HTML.table(header: header, rows: rows, class: "matrix")
        for column in comparison.columns {
            body += "<p class=\"small muted\">\(e(column.title.text(language))): \(e(column.id)) \(e(column.version)) · \(e(String(column.hash.prefix(12)))) · \(e(column.model))\(column.tailoring == "{}" ? "" : " · " + e(column.tailoring))</p>\n"
        }
        body += "</section>\n"

        if !comparison.leftApart.isEmpty {
            body += "<section id=\"left-apart\">\n<h2>\(e(text.leftApartTitle))</h2>\n"
            body += HTML.table(header: text.leftApartHeader, rows: comparison.leftApart.map {
                [e($0.enterprise.name), e($0.enterprise.id), e($0.rubric), e($0.version), e(text.score($0.score)), e(text.reasons($0.reasons))]
            }, numericColumns: [4])
            body += "</section>\n"
        }
        for note in comparison.notes { body += "<p class=\"note\">\(e(note.text(language)))</p>\n" }
        body += "<footer>\(e(text.definitions))</footer>\n"
        let css = HTML.baseCSS + """

        table.matrix { table-layout: fixed; }
        table.matrix th { white-space: normal; }
        table.matrix th:first-child { width: 28%; }
        table.matrix td { font-size: 8.5pt; }
        #levels .figures { grid-template-columns: 1fr 1fr; }
        """
        return HTML.document(title: text.title(comparison) + " " + comparison.period, language: language, css: css, body: body)
    }
}
